/**
 * Which evaluator measures which kind (pkg/quota/v1/evaluator/core/registry.go and the
 * apiserver's generic object-count evaluator): pods and services have their own; every
 * other kind is counted as `count/<resource>[.<group>]`, configmaps, secrets and
 * resourcequotas also under their older bare names. Kinds the simulator does not serve
 * (PersistentVolumeClaims, ReplicationControllers) are measured as the nothing they are.
 */
import { qualifiedPlural, RESOURCE_TYPES, type ResourceType } from "../resources";
import { newQuantity, ZERO_QUANTITY, type Quantity } from "../resource-quantity";
import type { Evaluator, Obj } from "./evaluator";
import { intersection, isObj } from "./evaluator";
import { podEvaluator } from "./pod-evaluator";

const ONE = newQuantity(1n, "DecimalSI");

/** legacyObjectCountAliases. */
const LEGACY_ALIASES: Readonly<Record<string, string>> = { configmaps: "configmaps", resourcequotas: "resourcequotas", secrets: "secrets" };

/** Resources that never match a scope: a scoped quota ignores them. */
const noScope = () => false;
const noConstraints = () => undefined;

function objectCountEvaluator(type: ResourceType): Evaluator {
  const names = [`count/${qualifiedPlural(type)}`, ...(LEGACY_ALIASES[type.plural] ? [LEGACY_ALIASES[type.plural]] : [])];
  return {
    matchingResources: (input) => intersection(input, names),
    matchesScope: noScope,
    usage: () => new Map(names.map((n) => [n, ONE])),
    constraints: noConstraints,
  };
}

/** The services evaluator: node ports and load balancers are counted too. */
const serviceEvaluator: Evaluator = {
  matchingResources: (input) => intersection(input, ["count/services", "services", "services.loadbalancers", "services.nodeports"]),
  matchesScope: noScope,
  usage(svc: Obj) {
    const spec = isObj(svc.spec) ? svc.spec : {};
    const ports = Array.isArray(spec.ports) ? spec.ports.filter(isObj) : [];
    let nodePorts: Quantity = ZERO_QUANTITY;
    if (spec.type === "NodePort") nodePorts = newQuantity(BigInt(ports.length), "DecimalSI");
    if (spec.type === "LoadBalancer") {
      // With node port allocation off, only ports that name a node port take one.
      const counted = spec.allocateLoadBalancerNodePorts === false ? ports.filter((p) => typeof p.nodePort === "number" && p.nodePort !== 0) : ports;
      nodePorts = newQuantity(BigInt(counted.length), "DecimalSI");
    }
    return new Map([
      ["count/services", ONE],
      ["services", ONE],
      ["services.loadbalancers", spec.type === "LoadBalancer" ? ONE : ZERO_QUANTITY],
      ["services.nodeports", nodePorts],
    ]);
  },
  constraints: noConstraints,
};

const UNSERVED = ["count/persistentvolumeclaims", "count/replicationcontrollers", "persistentvolumeclaims", "replicationcontrollers", "requests.storage"];

/** Kinds with no objects here, so a quota on them always reads zero. */
const unservedEvaluator: Evaluator = {
  matchingResources: (input) => intersection(input, UNSERVED),
  matchesScope: noScope,
  usage: () => new Map(),
  constraints: noConstraints,
};

/** Events are never quota'd (quotainstall.DefaultIgnoredResources). */
const IGNORED_RESOURCES: ReadonlySet<string> = new Set(["events"]);

const EVALUATORS = new Map<string, Evaluator>(
  RESOURCE_TYPES.filter((t) => !IGNORED_RESOURCES.has(t.plural)).map((t) => [t.plural, t.plural === "pods" ? podEvaluator : t.plural === "services" ? serviceEvaluator : objectCountEvaluator(t)]),
);

/** The evaluator of a kind the API server serves; none for an ignored one. */
export function evaluatorFor(type: ResourceType): Evaluator | undefined {
  return EVALUATORS.get(type.plural);
}

/** Every evaluator the quota controller sums usage with, with the plural of the objects it lists. */
export function allEvaluators(): readonly { readonly resource: string | undefined; readonly evaluator: Evaluator }[] {
  return [...[...EVALUATORS].map(([resource, evaluator]) => ({ resource, evaluator })), { resource: undefined, evaluator: unservedEvaluator }];
}
