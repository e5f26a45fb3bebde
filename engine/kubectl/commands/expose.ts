/**
 * `kubectl expose` (pkg/cmd/expose/expose.go): for a pod, service, deployment or replica
 * set, a Service whose selector, ports, protocols and labels are taken from the object
 * unless the flags give them. Like kubectl's options struct, what one object filled in
 * stays filled in for the next.
 */
import type { KubeObject } from "../../api/object";
import type { ResourceType } from "../../api/resources";
import type { CommandContext, CommandSpec } from "../command";
import { fail } from "../errors";
import { bool, list, str } from "../flags";
import { manifestType, readManifests } from "../manifests";
import { resolveResourceArgs } from "../resource-args";
import { MISSING_RESOURCE } from "../patch/targets";
import { fieldManagerFlag, SAVE_CONFIG_FLAG } from "./create/common-flags";
import type { CollectedError } from "./create/error-list";
import { typeOfKind } from "./create/generator";
import { applyOverrides, OVERRIDE_FLAGS } from "./create/overrides";
import { objectPrinter, PRINT_FLAGS } from "./create/print-flags";
import type { ServiceRequest } from "./create/service-generator";
import { buildService } from "./create/service-generator";
import { submit } from "./create/submit";
import { DRY_RUN_FLAG, parseDryRun } from "./dry-run";
import { RECURSIVE_FLAG } from "../patch/verb-flags";

type Obj = Record<string, unknown>;

const SERVICE = typeOfKind("Service");
const EXPOSABLE = new Set(["Pod", "Service", "Deployment", "ReplicaSet"]);

const labelString = (m: Record<string, string> | undefined) => Object.entries(m ?? {}).map(([k, v]) => `${k}=${v}`).join(",");

/** polymorphichelpers.MapBasedSelectorForObject */
function selectorOf(o: KubeObject): { ok: true; value: string } | { ok: false; error: string } {
  const spec = (o.spec ?? {}) as Obj;
  switch (o.kind) {
    case "Pod":
      if (!Object.keys(o.metadata.labels ?? {}).length) return { ok: false, error: "the pod has no labels and cannot be exposed" };
      return { ok: true, value: labelString(o.metadata.labels) };
    case "Service":
      if (!spec.selector) return { ok: false, error: "the service has no pod selector set" };
      return { ok: true, value: labelString(spec.selector as Record<string, string>) };
    default: {
      const selector = spec.selector as { matchLabels?: Record<string, string>; matchExpressions?: unknown[] } | undefined;
      if (selector?.matchExpressions?.length) return { ok: false, error: `couldn't convert expressions - "${JSON.stringify(selector.matchExpressions)}" to map-based selector format` };
      const labels = selector ? selector.matchLabels : ((spec.template as Obj | undefined)?.metadata as KubeObject["metadata"] | undefined)?.labels;
      const what = o.kind === "Deployment" ? "deployment" : "replica set";
      if (!Object.keys(labels ?? {}).length) return { ok: false, error: `the ${what} has no labels or selectors and cannot be exposed` };
      return { ok: true, value: labelString(labels) };
    }
  }
}

/** The containers' ports (or a service's ports) with their protocols, in order. */
function portsOf(o: KubeObject): { port: string; protocol: string }[] {
  const spec = (o.spec ?? {}) as Obj;
  if (o.kind === "Service") return ((spec.ports as Obj[] | undefined) ?? []).map((p) => ({ port: String(p.port), protocol: String(p.protocol ?? "TCP") }));
  const podSpec = (o.kind === "Pod" ? spec : ((spec.template as Obj | undefined)?.spec ?? {})) as Obj;
  return ((podSpec.containers as Obj[] | undefined) ?? []).flatMap((c) => ((c.ports as Obj[] | undefined) ?? []).map((p) => ({ port: String(p.containerPort), protocol: String(p.protocol || "TCP") })));
}

type Exposed = { object: KubeObject; type: ResourceType };

function objectsToExpose(ctx: CommandContext): { ok: true; value: Exposed[] } | { ok: false; error: CollectedError } {
  const env = ctx.env;
  const files = list(ctx.flags, "filename");
  if (files.length) {
    const read = readManifests(files, env.fs, env.cwd, env.stdin, bool(ctx.flags, "recursive"));
    if (!read.ok) return read;
    const out: Exposed[] = [];
    for (const m of read.value) {
      const mapped = manifestType(m);
      if (!mapped.ok) return mapped;
      out.push({ object: m.object as KubeObject, type: mapped.value });
    }
    return { ok: true, value: out };
  }
  const parsed = resolveResourceArgs(ctx.args);
  if (!parsed.ok) return parsed;
  if (parsed.value.kind === "types") return { ok: false, error: parsed.value.types.length ? "resource(s) were provided, but no name was specified" : MISSING_RESOURCE };
  const out: Exposed[] = [];
  for (const ref of parsed.value.refs) {
    const got = env.api.get(ref.type, env.namespace, ref.name);
    if (!got.ok) return got;
    out.push({ object: got.value, type: ref.type });
  }
  return { ok: true, value: out };
}

async function run(ctx: CommandContext): Promise<number> {
  const env = ctx.env;
  const f = ctx.flags;
  const dryRun = parseDryRun(f);
  if (!dryRun.ok) return fail(env.err, dryRun.error);
  const printer = objectPrinter(env, f, "exposed", dryRun.value, SERVICE);
  if (!printer.ok) return fail(env.err, printer.error);
  const objects = objectsToExpose(ctx);
  if (!objects.ok) return fail(env.err, objects.error);

  const state = { selector: str(f, "selector"), port: str(f, "port"), ports: "", labels: str(f, "labels"), protocols: "" };
  for (const { object, type } of objects.value) {
    if (!EXPOSABLE.has(object.kind)) return fail(env.err, `cannot expose a ${type.group ? `${type.kind}.${type.group}` : type.kind}`);
    if (!state.selector) {
      const s = selectorOf(object);
      if (!s.ok) return fail(env.err, `couldn't retrieve selectors via --selector flag or introspection: ${s.error}`);
      state.selector = s.value;
    }
    const found = portsOf(object);
    if (!state.port) {
      if (found.length === 0 && str(f, "cluster-ip") !== "None") return fail(env.err, "couldn't find port via --port flag or introspection");
      if (found.length === 1) state.port = found[0].port;
      if (found.length > 1) state.ports = found.map((p) => p.port).join(",");
    }
    if (found.length) state.protocols = found.map((p) => `${p.port}/${p.protocol}`).join(",");
    if (!state.labels) state.labels = labelString(object.metadata.labels);
    const request: ServiceRequest = {
      ...state,
      name: str(f, "name") || (object.metadata.name ?? "").slice(0, 63),
      namespace: dryRun.value === "client" && env.explicitNamespace ? env.namespace : undefined,
      protocol: str(f, "protocol"),
      targetPort: str(f, "target-port"),
      type: str(f, "type"),
      externalIP: str(f, "external-ip"),
      loadBalancerIP: str(f, "load-balancer-ip"),
      sessionAffinity: str(f, "session-affinity"),
      clusterIP: str(f, "cluster-ip"),
    };
    const service = buildService(request);
    if (!service.ok) return fail(env.err, service.error);
    const overridden = applyOverrides(f, service.value);
    if (!overridden.ok) return fail(env.err, overridden.error);
    const saveConfig = bool(f, "save-config") && dryRun.value !== "client";
    const sent = submit(env, { type: SERVICE, object: overridden.value, namespace: env.namespace, dryRun: dryRun.value, saveConfig });
    if (!sent.ok) return fail(env.err, sent.error);
    const text = printer.value.print(sent.value, SERVICE, { structOrder: dryRun.value === "client" });
    if (!text.ok) return fail(env.err, text.error);
    env.out(text.value);
  }
  return 0;
}

export const exposeCommand: CommandSpec = {
  name: "expose",
  group: "Basic Commands (Beginner)",
  short: "Take a replication controller, service, deployment or pod and expose it as a new Kubernetes service",
  long: `Expose a resource as a new Kubernetes service.

 Looks up a deployment, service, replica set, replication controller or pod by name and uses the selector for that resource as the selector for a new service on the specified port. A deployment or replica set will be exposed as a service only if its selector is convertible to a selector that service supports, i.e. when the selector contains only the matchLabels component. Note that if no port is specified via --port and the exposed resource has multiple ports, all will be re-used by the new service. Also if no labels are specified, the new service will re-use the labels from the resource it exposes.

 Possible resources include (case insensitive):

 pod (po), service (svc), replicationcontroller (rc), deployment (deploy), replicaset (rs)`,
  example: `# Create a service for a replicated nginx, which serves on port 80 and connects to the containers on port 8000
kubectl expose rc nginx --port=80 --target-port=8000

# Create a service for a replication controller identified by type and name specified in "nginx-controller.yaml", which serves on port 80 and connects to the containers on port 8000
kubectl expose -f nginx-controller.yaml --port=80 --target-port=8000

# Create a service for a pod valid-pod, which serves on port 444 with the name "frontend"
kubectl expose pod valid-pod --port=444 --name=frontend

# Create a second service based on the above service, exposing the container port 8443 as port 443 with the name "nginx-https"
kubectl expose service nginx --port=443 --target-port=8443 --name=nginx-https

# Create a service for a replicated streaming application on port 4100 balancing UDP traffic and named 'video-stream'.
kubectl expose rc streamer --port=4100 --protocol=UDP --name=video-stream

# Create a service for a replicated nginx using replica set, which serves on port 80 and connects to the containers on port 8000
kubectl expose rs nginx --port=80 --target-port=8000

# Create a service for an nginx deployment, which serves on port 80 and connects to the containers on port 8000
kubectl expose deployment nginx --port=80 --target-port=8000`,
  use: "(-f FILENAME | TYPE NAME) [--port=port] [--protocol=TCP|UDP|SCTP] [--target-port=number-or-name] [--name=name] [--external-ip=external-ip-of-service] [--type=type] [options]",
  flags: [
    ...PRINT_FLAGS,
    { name: "cluster-ip", type: "string", usage: "ClusterIP to be assigned to the service. Leave empty to auto-allocate, or set to 'None' to create a headless service." },
    DRY_RUN_FLAG,
    {
      name: "external-ip",
      type: "string",
      usage: "Additional external IP address (not managed by Kubernetes) to accept for the service. If this IP is routed to a node, the service can be accessed by this IP in addition to its generated service IP.",
    },
    fieldManagerFlag("kubectl-expose"),
    { name: "filename", short: "f", type: "stringSlice", usage: "Filename, directory, or URL to files identifying the resource to expose a service" },
    { name: "labels", short: "l", type: "string", usage: "Labels to apply to the service created by this call." },
    { name: "load-balancer-ip", type: "string", usage: "IP to assign to the LoadBalancer. If empty, an ephemeral IP will be created and used (cloud-provider specific)." },
    { name: "name", type: "string", usage: "The name for the newly created object." },
    ...OVERRIDE_FLAGS,
    { name: "port", type: "string", usage: "The port that the service should serve on. Copied from the resource being exposed, if unspecified" },
    { name: "protocol", type: "string", usage: "The network protocol for the service to be created. Default is 'TCP'." },
    RECURSIVE_FLAG,
    SAVE_CONFIG_FLAG,
    {
      name: "selector",
      type: "string",
      usage: "A label selector to use for this service. Only equality-based selector requirements are supported. If empty (the default) infer the selector from the replication controller or replica set.)",
    },
    { name: "session-affinity", type: "string", usage: "If non-empty, set the session affinity for the service to this; legal values: 'None', 'ClientIP'" },
    { name: "target-port", type: "string", usage: "Name or number for the port on the container that the service should direct traffic to. Optional." },
    { name: "type", type: "string", usage: "Type for this service: ClusterIP, NodePort, LoadBalancer, or ExternalName. Default is 'ClusterIP'." },
  ],
  run,
};
