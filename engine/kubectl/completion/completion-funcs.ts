/**
 * kubectl's completion functions (staging/src/k8s.io/kubectl/pkg/util/completion): resource
 * types as `kubectl api-resources -o name --verbs=get` lists them, object names as
 * `kubectl get TYPE` in the line's namespace finds them (`-A` plays no part: the lookup is
 * a fresh `get` in the kubeconfig's namespace), `TYPE/NAME`, the containers of a pod, and
 * the contexts, clusters and users of the kubeconfig.
 */
import type { KubeObject } from "../../api/object";
import type { LabelSelectorSpec } from "../../api/label-selector";
import { matchesSelector, selectorFromSpec } from "../../api/label-selector";
import type { ResourceType } from "../../api/resources";
import { RESOURCE_TYPES, qualifiedPlural, resolveResource, resourceForKind } from "../../api/resources";
import { resolveResourceArgs } from "../resource-args";
import type { CompletionTarget } from "./completion-target";
import type { CompletionResult } from "./shell-comp-directive";
import { NO_FILE_COMP, NO_SPACE } from "./shell-comp-directive";

export type CompletionFunc = (args: readonly string[], toComplete: string, target: CompletionTarget) => CompletionResult;

type Obj = Record<string, unknown>;

const POD = resourceForKind("Pod") as ResourceType;

const done = (completions: readonly string[], directive = NO_FILE_COMP): CompletionResult => ({ completions, directive });

/** CompGetResource: the names of the objects `kubectl get TYPE` lists, beginning with `toComplete`. */
export function compGetResource(target: CompletionTarget, type: string, toComplete: string): string[] {
  const api = target.api;
  const types = resolveResourceArgs([type]);
  if (!api || !types.ok || types.value.kind !== "types") return [];
  return types.value.types
    .flatMap((t) => {
      const listed = api.list(t, target.namespace);
      return listed.ok ? listed.value.map((o) => o.metadata.name ?? "") : [];
    })
    .filter((name) => name.startsWith(toComplete));
}

/** compGetResourceList: discovery's types that support get, `deployments.apps` style; `pods,sec` completes its last part. */
function compGetResourceList(target: CompletionTarget, toComplete: string): string[] {
  if (!target.api) return [];
  const comma = toComplete.lastIndexOf(",");
  const prefix = toComplete.slice(0, comma + 1);
  const last = toComplete.slice(comma + 1);
  return RESOURCE_TYPES.filter((t) => t.verbs.includes("get"))
    .map(qualifiedPlural)
    .filter((name) => name.startsWith(last))
    .map((name) => prefix + name);
}

/** CompGetContainers: init containers, then containers, of the pod. */
function compGetContainers(target: CompletionTarget, podName: string, toComplete: string): string[] {
  const pod = podName ? target.api?.get(POD, target.namespace, podName) : undefined;
  if (!pod || !pod.ok) return [];
  const spec = (pod.value.spec ?? {}) as Obj;
  const names = (key: string) => ((spec[key] as { name: string }[] | undefined) ?? []).map((c) => c.name);
  return [...names("initContainers"), ...names("containers")].filter((n) => n.startsWith(toComplete));
}

/** The label selector of a workload or service, as polymorphichelpers.SelectorsForObject reads it. */
function podSelector(obj: KubeObject): LabelSelectorSpec | undefined {
  const spec = (obj.spec ?? {}) as Obj;
  if (obj.kind === "Service") return spec.selector ? { matchLabels: spec.selector as Record<string, string> } : undefined;
  return spec.selector as LabelSelectorSpec | undefined;
}

/**
 * convertResourceNameToPodName: `POD`, or the pod behind `TYPE/NAME` (AttachablePodForObjectFn).
 * kubectl picks the workload's first pod by activity; every pod of a workload has the same
 * containers, so the first one listed serves.
 */
function podNameOf(target: CompletionTarget, arg: string): string {
  if (!arg.includes("/")) return arg;
  const [t, name] = arg.split("/");
  const type = resolveResource(t);
  const got = type && target.api?.get(type, target.namespace, name);
  if (!got || !got.ok) return "";
  if (got.value.kind === "Pod") return name;
  const selector = podSelector(got.value);
  const pods = target.api?.list(POD, target.namespace);
  if (!selector || !pods?.ok) return "";
  const requirements = selectorFromSpec(selector);
  return pods.value.find((p) => matchesSelector(requirements, p.metadata.labels))?.metadata.name ?? "";
}

/** resourceTypeAndNameCompletionFunc: types first, then names of that type; `TYPE/NAME` once a `/` is typed. */
function resourceTypeAndName(allowedTypes: readonly string[] | undefined, allowRepeat: boolean): CompletionFunc {
  return (args, toComplete, target) => {
    if (args.length > 0 && !args[0].includes("/")) {
      if (!allowRepeat && args.length !== 1) return done([]);
      const names = compGetResource(target, args[0], toComplete);
      return done(names.filter((n) => !args.slice(1).includes(n)));
    }
    const slash = toComplete.indexOf("/");
    if (slash < 0) {
      const types = (prefix: string) => (allowedTypes ? allowedTypes.filter((t) => t.startsWith(prefix)) : compGetResourceList(target, prefix));
      if (args.length === 0) return done(types(toComplete));
      // after a TYPE/NAME argument every one is TYPE/NAME: complete the type and its slash
      return allowRepeat ? done(types(toComplete).map((t) => `${t}/`), NO_FILE_COMP | NO_SPACE) : done([]);
    }
    if (!allowRepeat && args.length !== 0) return done([]);
    const type = toComplete.slice(0, slash);
    const names = compGetResource(target, type, toComplete.slice(slash + 1)).map((n) => `${type}/${n}`);
    return done(names.filter((n) => !args.includes(n)));
  };
}

/** The `TYPE/` forms doPodResourceCompletion offers beside pod names: resources that have pods. */
const RESOURCES_WITH_PODS = ["daemonsets", "deployments", "pods", "jobs", "replicasets", "replicationcontrollers", "services", "statefulsets"];

/** doPodResourceCompletion: pod names and `TYPE/`, or `TYPE/NAME` once a `/` is typed. */
function podResource(target: CompletionTarget, toComplete: string): CompletionResult {
  const slash = toComplete.indexOf("/");
  if (slash >= 0) {
    const type = toComplete.slice(0, slash);
    return done(compGetResource(target, type, toComplete.slice(slash + 1)).map((n) => `${type}/${n}`));
  }
  const pods = compGetResource(target, "pod", toComplete);
  const types = RESOURCES_WITH_PODS.filter((r) => r.startsWith(toComplete)).map((r) => `${r}/`);
  // with no pod to offer only `TYPE/` remains, which wants no space after it
  return done([...pods, ...types], pods.length === 0 ? NO_FILE_COMP | NO_SPACE : NO_FILE_COMP);
}

/** ResourceTypeAndNameCompletionFunc (get, describe, delete, edit, label, annotate, patch). */
export const anyResource = resourceTypeAndName(undefined, true);

/** SpecifiedResourceTypeAndNameCompletionFunc: only these types (scale, rollout, taint, set image). */
export const resourcesOf = (types: readonly string[]): CompletionFunc => resourceTypeAndName(types, true);

/** SpecifiedResourceTypeAndNameNoRepeatCompletionFunc: one object of these types (expose). */
export const oneResourceOf = (types: readonly string[]): CompletionFunc => resourceTypeAndName(types, false);

/** ResourceNameCompletionFunc: names of one type as the first argument (cordon, drain, top pod). */
export const namesOf =
  (type: string): CompletionFunc =>
  (args, toComplete, target) =>
    done(args.length === 0 ? compGetResource(target, type, toComplete) : []);

/** PodResourceNameCompletionFunc (exec). */
export const podOrWorkload: CompletionFunc = (args, toComplete, target) => (args.length === 0 ? podResource(target, toComplete) : done([]));

/** PodResourceNameAndContainerCompletionFunc (logs): the pod, then one of its containers. */
export const podThenContainer: CompletionFunc = (args, toComplete, target) => {
  if (args.length === 0) return podResource(target, toComplete);
  return done(args.length === 1 ? compGetContainers(target, podNameOf(target, args[0]), toComplete) : []);
};

/** ContainerCompletionFunc (`-c` of exec): the containers of the pod named first. */
export const containers: CompletionFunc = (args, toComplete, target) => done(args.length > 0 ? compGetContainers(target, podNameOf(target, args[0]), toComplete) : []);

/** The namespaces, for `-n`. */
export const namespaces: CompletionFunc = (_args, toComplete, target) => done(compGetResource(target, "namespace", toComplete));

type NamedIn = "contexts" | "clusters" | "users";
const inKubeconfig = (target: CompletionTarget, what: NamedIn, toComplete: string) => (target.kubeconfig?.[what] ?? []).map((e) => e.name).filter((n) => n.startsWith(toComplete));

/** ListContextsInConfig and friends, for `--context`, `--cluster`, `--user`. */
export const fromKubeconfig =
  (what: NamedIn): CompletionFunc =>
  (_args, toComplete, target) =>
    done(inKubeconfig(target, what, toComplete));

/** ContextCompletionFunc and friends: a kubeconfig entry as the first argument (config use-context). */
export const kubeconfigArgument =
  (what: NamedIn): CompletionFunc =>
  (args, toComplete, target) =>
    done(args.length === 0 ? inKubeconfig(target, what, toComplete) : []);

/** The `-o` completion of get's print flags: the formats that begin with what is typed. */
export const formats =
  (list: readonly string[]): CompletionFunc =>
  (_args, toComplete) =>
    done(list.filter((f) => f.startsWith(toComplete)));
