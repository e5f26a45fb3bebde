/**
 * `kubectl wait` (pkg/cmd/wait): waits, one object after another within one overall
 * `--timeout` (30s by default), for a status condition, a JSONPath value, creation or
 * deletion; prints `pod/x condition met` for each, or
 * `error: timed out waiting for the condition on pods/x`.
 */
import type { KubeObject } from "../../api/object";
import type { ResourceType } from "../../api/resources";
import { resolveResource } from "../../api/resources";
import type { CommandContext, CommandSpec, KubectlEnv } from "../command";
import { bool, list, str } from "../flags";
import type { Failure } from "../patch/failure";
import { printFailure } from "../patch/failure";
import { resolveTargets } from "../patch/targets";
import { filenameFlags, SELECTOR_FLAG } from "../patch/verb-flags";
import { relaxedJsonPathExpression } from "../printers/custom-columns";
import { findJsonPathResults, goKind, goSprint } from "../printers/jsonpath";
import type { ListNode } from "../printers/jsonpath-parser";
import { parseJsonPathTemplate } from "../printers/jsonpath-parser";
import { resolveResourceArgs } from "../resource-args";
import { objectPrinter, PRINT_FLAGS } from "./create/print-flags";
import { parseDuration } from "./delete";

/** How often the simulated watch looks again. */
const POLL_MS = 250;
const WEEK_MS = 168 * 3_600_000;
const POD = resolveResource("pods") as ResourceType;

type Check = (o: KubeObject) => { ok: true; value: boolean } | { ok: false; error: string };
type Condition = { kind: "delete" } | { kind: "create" } | { kind: "check"; check: Check };

/** ConditionalWait.checkCondition: the condition of that type (case-folded) has that status, for the latest generation. */
function conditionCheck(name: string, value: string): Check {
  return (o) => {
    const status = (o.status ?? {}) as Record<string, unknown>;
    for (const c of (status.conditions as Record<string, unknown>[] | undefined) ?? []) {
      if (typeof c.type !== "string" || c.type.toLowerCase() !== name.toLowerCase() || typeof c.status !== "string") continue;
      const observed = typeof c.observedGeneration === "number" ? c.observedGeneration : status.observedGeneration;
      if (o.metadata.generation !== undefined && typeof observed === "number" && observed < o.metadata.generation) return { ok: true, value: false };
      return { ok: true, value: c.status.toLowerCase() === value.toLowerCase() };
    }
    return { ok: true, value: false };
  };
}

/** JSONPathWait.checkCondition: exactly one value, a scalar, equal to the expected text (any value when none is given). */
function jsonPathCheck(root: ListNode, expected: string | undefined): Check {
  return (o) => {
    const found = findJsonPathResults(root, o, true);
    if (!found.ok) return found;
    const results = found.value;
    if (results.length === 0 || results[0].length === 0) return { ok: true, value: false };
    if (results.length > 1) return { ok: false, error: "given jsonpath expression matches more than one list" };
    if (results[0].length > 1) return { ok: false, error: "given jsonpath expression matches more than one value" };
    if (expected === undefined) return { ok: true, value: true };
    const v = results[0][0];
    if (goKind(v) === "map" || goKind(v) === "slice") return { ok: false, error: "jsonpath leads to a nested object or list which is not supported" };
    return { ok: true, value: goSprint(v).trim() === expected.trim() };
  };
}

/** splitJSONPathInput: split on single `=`, keeping `==`. */
function splitJsonPathInput(input: string): string[] {
  const out: string[] = [];
  let cur = "";
  for (let i = 0; i < input.length; i++) {
    if (input[i] === "=") {
      if (input[i + 1] === "=") {
        cur += "==";
        i++;
        continue;
      }
      out.push(cur);
      cur = "";
      continue;
    }
    cur += input[i];
  }
  return [...out, cur];
}

/** conditionFuncFor. */
function parseFor(value: string): { ok: true; value: Condition } | { ok: false; error: string } {
  const lower = value.toLowerCase();
  if (lower === "delete") return { ok: true, value: { kind: "delete" } };
  if (lower === "create") return { ok: true, value: { kind: "create" } };
  if (value.startsWith("condition=")) {
    const rest = value.slice("condition=".length);
    const eq = rest.indexOf("=");
    return { ok: true, value: { kind: "check", check: eq < 0 ? conditionCheck(rest, "true") : conditionCheck(rest.slice(0, eq), rest.slice(eq + 1)) } };
  }
  if (value.startsWith("jsonpath=")) {
    const parts = splitJsonPathInput(value.slice("jsonpath=".length));
    if (parts.length > 2) return { ok: false, error: "jsonpath wait format must be --for=jsonpath='{.status.readyReplicas}'=3 or --for=jsonpath='{.status.readyReplicas}'" };
    const relaxed = relaxedJsonPathExpression(parts[0]);
    if (!relaxed.ok) return relaxed;
    let expected: string | undefined;
    if (parts.length === 2) {
      expected = parts[1].replace(/^['"]+|['"]+$/g, "");
      if (expected === "") return { ok: false, error: "jsonpath wait has to have a value after equal sign, like --for=jsonpath='{.status.readyReplicas}'=3" };
    }
    if (relaxed.value === "") return { ok: false, error: "jsonpath expression cannot be empty" };
    const parsed = parseJsonPathTemplate(relaxed.value);
    if (!parsed.ok) return parsed;
    return { ok: true, value: { kind: "check", check: jsonPathCheck(parsed.value, expected) } };
  }
  return { ok: false, error: `unrecognized condition: ${JSON.stringify(value)}` };
}

interface Waited {
  readonly type: ResourceType;
  readonly namespace: string | undefined;
  readonly name: string;
  readonly object: KubeObject | undefined;
}

/** The objects to wait on; for create and delete, named objects need not exist. */
function waitTargets(ctx: CommandContext, condition: Condition): { ok: true; value: Waited[] } | { ok: false; error: Failure } {
  const env = ctx.env;
  const byName = condition.kind !== "check" && list(ctx.flags, "filename").length === 0 ? resolveResourceArgs(ctx.args) : undefined;
  if (byName?.ok && byName.value.kind === "names") {
    const waited = byName.value.refs.map((r) => {
      const namespace = r.type.namespaced ? env.namespace : undefined;
      return { type: r.type, namespace, name: r.name, object: env.api.store.get(r.type.plural, namespace, r.name) };
    });
    // For delete, the builder's NotFound is ignored: an object already gone is not visited at all.
    return { ok: true, value: condition.kind === "delete" ? waited.filter((w) => w.object) : waited };
  }
  const found = resolveTargets(env, {
    args: ctx.args,
    filenames: list(ctx.flags, "filename"),
    recursive: bool(ctx.flags, "recursive"),
    selector: str(ctx.flags, "selector"),
    fieldSelector: str(ctx.flags, "field-selector"),
    all: bool(ctx.flags, "all"),
    allNamespaces: bool(ctx.flags, "all-namespaces"),
  });
  if (!found.ok) return found;
  const missing = found.value.errors.find((e) => condition.kind === "check" || typeof e === "string" || e.reason !== "NotFound");
  if (missing) return { ok: false, error: missing };
  return { ok: true, value: found.value.targets.map((t) => ({ type: t.type, namespace: t.object.metadata.namespace, name: t.object.metadata.name ?? "", object: t.object })) };
}

type Outcome = { ok: true; object: KubeObject } | { ok: false; error: Failure };

/** Polls one object until its condition holds, it is gone, or the shared deadline passes. */
async function waitFor(env: KubectlEnv, w: Waited, condition: Condition, deadline: number, once: boolean): Promise<Outcome> {
  const timedOut: Outcome = { ok: false, error: `timed out waiting for the condition on ${w.type.plural}/${w.name}` };
  for (;;) {
    const current = env.api.store.get(w.type.plural, w.namespace, w.name);
    if (condition.kind === "delete") {
      if (w.object && (!current || current.metadata.uid !== w.object.metadata.uid)) return { ok: true, object: w.object };
    } else if (condition.kind === "create") {
      if (current) return { ok: true, object: current };
    } else {
      if (!current) return { ok: false, error: { status: "Failure", reason: "NotFound", code: 404, message: `${w.type.group ? `${w.type.plural}.${w.type.group}` : w.type.plural} "${w.name}" not found` } };
      const met = condition.check(current);
      if (!met.ok) return { ok: false, error: met.error };
      if (met.value) return { ok: true, object: current };
    }
    if (once) return { ok: false, error: `condition not met for ${w.type.plural}/${w.name}` };
    if (env.signal.aborted || env.api.now() >= deadline) return timedOut;
    await env.sleep(Math.min(POLL_MS, deadline - env.api.now()));
  }
}

async function run(ctx: CommandContext): Promise<number> {
  const env = ctx.env;
  const parsedTimeout = parseDuration(str(ctx.flags, "timeout"));
  if (parsedTimeout === undefined) {
    env.err(`error: invalid argument "${str(ctx.flags, "timeout")}" for "--timeout" flag: time: invalid duration "${str(ctx.flags, "timeout")}"\nSee '${ctx.path} --help' for usage.\n`);
    return 1;
  }
  const printer = objectPrinter(env, ctx.flags, "condition met", "none", POD);
  if (!printer.ok) return printFailure(env.err, printer.error);
  const condition = parseFor(str(ctx.flags, "for"));
  if (!condition.ok) return printFailure(env.err, condition.error);
  const found = waitTargets(ctx, condition.value);
  if (!found.ok) return printFailure(env.err, found.error);
  if (found.value.length === 0) return condition.value.kind === "delete" ? 0 : printFailure(env.err, "no matching resources found");
  const timeout = parsedTimeout < 0 ? WEEK_MS : parsedTimeout;
  const deadline = env.api.now() + timeout;
  for (const w of found.value) {
    const r = await waitFor(env, w, condition.value, deadline, timeout === 0);
    if (!r.ok) return printFailure(env.err, r.error);
    const text = printer.value.print(r.object, w.type);
    if (!text.ok) return printFailure(env.err, text.error);
    env.out(text.value);
  }
  return 0;
}

export const waitCommand: CommandSpec = {
  name: "wait",
  group: "Advanced Commands",
  short: "Wait for a specific condition on one or many resources",
  long: `Wait for a specific condition on one or many resources.

 The command takes multiple resources and waits until the specified condition is seen in the Status field of every given resource.

 Alternatively, the command can wait for the given set of resources to be created or deleted by providing the "create" or "delete" keyword as the value to the --for flag.

 A successful message will be printed to stdout indicating when the specified condition has been met. You can use -o option to change to output destination.`,
  example: `# Wait for the pod "busybox1" to contain the status condition of type "Ready"
kubectl wait --for=condition=Ready pod/busybox1

# The default value of status condition is true; you can wait for other targets after an equal delimiter (compared after Unicode simple case folding, which is a more general form of case-insensitivity)
kubectl wait --for=condition=Ready=false pod/busybox1

# Wait for the pod "busybox1" to contain the status phase to be "Running"
kubectl wait --for=jsonpath='{.status.phase}'=Running pod/busybox1

# Wait for pod "busybox1" to be Ready
kubectl wait --for='jsonpath={.status.conditions[?(@.type=="Ready")].status}=True' pod/busybox1

# Wait for the service "loadbalancer" to have ingress
kubectl wait --for=jsonpath='{.status.loadBalancer.ingress}' service/loadbalancer

# Wait for the secret "busybox1" to be created, with a timeout of 30s
kubectl create secret generic busybox1
kubectl wait --for=create secret/busybox1 --timeout=30s

# Wait for the pod "busybox1" to be deleted, with a timeout of 60s, after having issued the "delete" command
kubectl delete pod/busybox1
kubectl wait --for=delete pod/busybox1 --timeout=60s`,
  use: "([-f FILENAME] | resource.group/resource.name | resource.group [(-l label | --all)]) [--for=create|--for=delete|--for condition=available|--for=jsonpath='{}'[=value]]",
  flags: [
    { name: "all", type: "bool", usage: "Select all resources in the namespace of the specified resource types" },
    { name: "all-namespaces", short: "A", type: "bool", usage: "If present, list the requested object(s) across all namespaces. Namespace in current context is ignored even if specified with --namespace." },
    ...PRINT_FLAGS,
    { name: "field-selector", type: "string", usage: "Selector (field query) to filter on, supports '=', '==', and '!='.(e.g. --field-selector key1=value1,key2=value2). The server only supports a limited number of field queries per type." },
    ...filenameFlags("identifying the resource.").filter((f) => f.name !== "kustomize"),
    {
      name: "for",
      type: "string",
      usage:
        "The condition to wait on: [create|delete|condition=condition-name[=condition-value]|jsonpath='{JSONPath expression}'=[JSONPath value]]. The default condition-value is true.  Condition values are compared after Unicode simple case folding, which is a more general form of case-insensitivity.",
    },
    { name: "local", type: "bool", usage: "If true, annotation will NOT contact api-server but run locally." },
    SELECTOR_FLAG,
    { name: "timeout", type: "duration", default: "30s", usage: "The length of time to wait before giving up.  Zero means check once and don't wait, negative means wait for a week." },
  ],
  run,
};
