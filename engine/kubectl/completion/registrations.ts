/**
 * What kubectl 1.35 registers with cobra for completion, command by command: the
 * ValidArgsFunction of a verb (pkg/cmd/<verb>, and cmd.go for get), the ValidArgs of
 * `completion`, the flags with a completion function (the global ones in cmd.go
 * registerCompletionFuncForGlobalFlags, get's `-o`, exec's `-c`), the flags marked
 * required, and `-f` annotated with the manifest extensions (cmdutil.AddJsonFilenameFlag).
 * A verb missing here completes nothing of its own, which sends bash to file names.
 */
import type { CompletionFunc } from "./completion-funcs";
import { anyResource, containers, formats, fromKubeconfig, kubeconfigArgument, namesOf, namespaces, oneResourceOf, podOrWorkload, podThenContainer, resourcesOf } from "./completion-funcs";

const ROLLOUT = resourcesOf(["deployment", "daemonset", "statefulset"]);
const ONLY_DEPLOYMENTS = resourcesOf(["deployment"]);
const CONTEXTS = kubeconfigArgument("contexts");

/** get's PrintFlags.AllowedFormats(), in its order (JSONYaml, Name, Template, CustomColumns, HumanReadable). */
const GET_FORMATS = ["json", "yaml", "kyaml", "name", "go-template", "go-template-file", "template", "templatefile", "jsonpath", "jsonpath-as-json", "jsonpath-file", "custom-columns", "custom-columns-file", "wide"];

/** ValidArgsFunction by command path. */
export const ARGS_FUNCTIONS: Readonly<Record<string, CompletionFunc>> = {
  "kubectl get": anyResource,
  "kubectl describe": anyResource,
  "kubectl delete": anyResource,
  "kubectl edit": anyResource,
  "kubectl label": anyResource,
  "kubectl annotate": anyResource,
  "kubectl patch": anyResource,
  "kubectl scale": resourcesOf(["deployment", "replicaset", "replicationcontroller", "statefulset"]),
  "kubectl rollout history": ROLLOUT,
  "kubectl rollout restart": ROLLOUT,
  "kubectl rollout status": ROLLOUT,
  "kubectl rollout undo": ROLLOUT,
  "kubectl rollout pause": ONLY_DEPLOYMENTS,
  "kubectl rollout resume": ONLY_DEPLOYMENTS,
  "kubectl set image": resourcesOf(["daemonsets", "deployments", "pods", "cronjobs", "replicasets", "replicationcontrollers", "statefulsets"]),
  "kubectl expose": oneResourceOf(["pod", "service", "replicationcontroller", "deployment", "replicaset"]),
  "kubectl taint": resourcesOf(["node"]),
  "kubectl cordon": namesOf("node"),
  "kubectl uncordon": namesOf("node"),
  "kubectl drain": namesOf("node"),
  "kubectl top node": namesOf("node"),
  "kubectl top pod": namesOf("pod"),
  "kubectl logs": podThenContainer,
  "kubectl exec": podOrWorkload,
  "kubectl config use-context": CONTEXTS,
  "kubectl config delete-context": CONTEXTS,
  "kubectl config rename-context": CONTEXTS,
  "kubectl config set-context": CONTEXTS,
  "kubectl config delete-cluster": kubeconfigArgument("clusters"),
  "kubectl config delete-user": kubeconfigArgument("users"),
};

/** ValidArgs by command path. */
export const VALID_ARGS: Readonly<Record<string, readonly string[]>> = {
  "kubectl completion": ["bash", "zsh", "fish", "powershell"],
};

/** Completion functions of kubectl's global flags; a command's own flag of the same name has none. */
export const GLOBAL_FLAG_FUNCTIONS: Readonly<Record<string, CompletionFunc>> = {
  namespace: namespaces,
  context: fromKubeconfig("contexts"),
  cluster: fromKubeconfig("clusters"),
  user: fromKubeconfig("users"),
};

/** Completion functions of a command's own flags, by command path and flag name. */
export const FLAG_FUNCTIONS: Readonly<Record<string, Readonly<Record<string, CompletionFunc>>>> = {
  "kubectl get": { output: formats(GET_FORMATS) },
  // logs takes its container as the second argument; only exec completes `-c`
  "kubectl exec": { container: containers },
  // kubectl answers set-context's own --namespace with the namespaces (its --cluster and --user with nothing)
  "kubectl config set-context": { namespace: namespaces },
};

/** Flags marked required (MarkFlagRequired), by command path. */
export const REQUIRED_FLAGS: Readonly<Record<string, readonly string[]>> = {
  "kubectl run": ["image"],
  "kubectl create deployment": ["image"],
  "kubectl create cronjob": ["image", "schedule"],
  "kubectl scale": ["replicas"],
};

/** The flag `cmdutil.AddJsonFilenameFlag` annotates with resource.FileExtensions. */
export const MANIFEST_FLAG = { name: "filename", extensions: ["json", "yaml", "yml"] } as const;
