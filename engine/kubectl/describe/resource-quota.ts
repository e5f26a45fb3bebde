/**
 * describe.go's ResourceQuotaDescriber (describeQuota): the scopes with their help text,
 * then each limited resource's used and hard amounts. A used amount parsed into another
 * suffix family than its hard one (`0` against `1Gi`) is shown in whole units of the
 * hard one's family, as kubectl converts it.
 */
import type { ResourceQuota } from "kubernetes-types/core/v1";
import type { KubeObject } from "../../api/object";
import { formatQuantity, newQuantity, quantityOf, quantityValue } from "../../api/resource-quantity";
import { DescribeWriter, LEVEL_0 } from "./prefix-writer";

export const SCOPE_HELP: Readonly<Record<string, string>> = {
  Terminating: "Matches all pods that have an active deadline. These pods have a limited lifespan on a node before being actively terminated by the system.",
  NotTerminating: "Matches all pods that do not have an active deadline. These pods usually include long running pods whose container command is not expected to terminate.",
  BestEffort: "Matches all pods that do not have resource requirements set. These pods have a best effort quality of service.",
  NotBestEffort: "Matches all pods that have at least one resource requirement set. These pods have a burstable or guaranteed quality of service.",
};

function usedAsHard(used: unknown, hard: unknown): string {
  const u = quantityOf(used);
  const h = quantityOf(hard);
  return formatQuantity(u.format === h.format ? u : newQuantity(quantityValue(u), h.format));
}

export function describeResourceQuota(obj: KubeObject): string {
  const rq = obj as unknown as ResourceQuota;
  const w = new DescribeWriter();
  w.write(LEVEL_0, `Name:\t${obj.metadata.name ?? ""}\n`);
  w.write(LEVEL_0, `Namespace:\t${obj.metadata.namespace ?? ""}\n`);
  const scopes = [...(rq.spec?.scopes ?? [])].sort();
  if (scopes.length > 0) {
    w.write(LEVEL_0, `Scopes:\t${scopes.join(", ")}\n`);
    for (const scope of scopes) if (SCOPE_HELP[scope]) w.write(LEVEL_0, ` * ${SCOPE_HELP[scope]}\n`);
  }
  w.write(LEVEL_0, "Resource\tUsed\tHard\n");
  w.write(LEVEL_0, "--------\t----\t----\n");
  const hard = rq.status?.hard ?? {};
  const used = rq.status?.used ?? {};
  for (const name of Object.keys(hard).sort()) w.write(LEVEL_0, `${name}\t${usedAsHard(used[name], hard[name])}\t${formatQuantity(quantityOf(hard[name]))}\n`);
  return w.render();
}
