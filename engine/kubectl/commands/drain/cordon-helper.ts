/**
 * RunCordonOrUncordon (kubectl pkg/cmd/drain) with drain.CordonHelper: a node already in
 * the wanted state prints `already cordoned`; otherwise `spec.unschedulable` is patched
 * (set, or removed on uncordon) and the node prints `cordoned` / `uncordoned`. A failed
 * patch is reported for that node and the others go on.
 */
import type { KubeObject } from "../../../api/object";
import type { KubectlEnv } from "../../command";
import { errorMessage } from "./pod-filters";
import { serverPatch } from "../../patch/server-patch";
import type { DryRunStrategy } from "../../printers/name";
import { operationMessage } from "../../printers/name";
import { NODE } from "./nodes";

const isCordoned = (node: KubeObject) => (node.spec as { unschedulable?: boolean } | undefined)?.unschedulable === true;

export function cordonNodes(env: KubectlEnv, nodes: readonly KubeObject[], desired: boolean, dryRun: DryRunStrategy): void {
  const verb = desired ? "cordon" : "uncordon";
  for (const node of nodes) {
    const name = node.metadata.name ?? "";
    if (isCordoned(node) === desired) {
      env.out(`${operationMessage(node, NODE, `already ${verb}ed`, dryRun)}\n`);
      continue;
    }
    if (dryRun !== "client") {
      const patched = serverPatch(env.api, NODE, undefined, name, "strategic", { spec: { unschedulable: desired ? true : null } }, { dryRun: dryRun === "server" });
      if (!patched.ok) {
        env.err(`error: unable to ${verb} node "${name}": ${errorMessage(patched.error)}\n`);
        continue;
      }
    }
    env.out(`${operationMessage(node, NODE, `${verb}ed`, dryRun)}\n`);
  }
}
