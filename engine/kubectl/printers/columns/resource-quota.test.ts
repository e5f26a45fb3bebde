/**
 * `kubectl get resourcequotas` and `kubectl get limitranges` tables. Cells follow
 * printers.go (printResourceQuota: `name: used/hard`, limits.* under LIMIT, a missing used
 * amount as 0; LimitRange has no printer, so the server's default NAME / CREATED AT);
 * alignment is Go's tabwriter with kubectl's settings (min width 6, padding 3).
 */
import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../../api/object";
import { resolveResource, type ResourceType } from "../../../api/resources";
import { printTable, type TableOptions } from "../table";

const NOW = Date.parse("2026-01-27T10:00:00Z");
const OPTS: TableOptions = { wide: false, showLabels: false, labelColumns: [], noHeaders: false, allNamespaces: false, showKind: false, now: NOW };
const ago = (s: number) => new Date(NOW - s * 1000).toISOString().replace(".000Z", "Z");

function rows(resource: string, objects: KubeObject[]) {
  const type = resolveResource(resource) as ResourceType;
  return objects.map((object) => ({ object, type }));
}

const quota = (name: string, createdAgo: number, hard: Record<string, string>, used: Record<string, string>): KubeObject => ({
  apiVersion: "v1",
  kind: "ResourceQuota",
  metadata: { name, namespace: "default", creationTimestamp: ago(createdAgo) },
  spec: { hard },
  status: { hard, used },
});

describe("kubectl get resourcequotas", () => {
  it("splits requests and limits and shows used/hard per resource", () => {
    const compute = quota("compute", 5, { "limits.cpu": "2", "limits.memory": "2Gi", "requests.cpu": "1", "requests.memory": "1Gi" }, { "limits.cpu": "500m", "limits.memory": "512Mi", "requests.cpu": "250m", "requests.memory": "256Mi" });
    const objects = quota("objects", 180, { pods: "5", "count/pods": "10", secrets: "3" }, { pods: "1" });
    expect(printTable(rows("quota", [compute, objects]), OPTS)).toBe(
      [
        "NAME      AGE   REQUEST                                            LIMIT",
        "compute   5s    requests.cpu: 250m/1, requests.memory: 256Mi/1Gi   limits.cpu: 500m/2, limits.memory: 512Mi/2Gi",
        "objects   3m    count/pods: 0/10, pods: 1/5, secrets: 0/3          ",
        "",
      ].join("\n"),
    );
  });
});

describe("kubectl get limitranges", () => {
  it("prints NAME and CREATED AT", () => {
    const lr: KubeObject = { apiVersion: "v1", kind: "LimitRange", metadata: { name: "defaults", namespace: "default", creationTimestamp: ago(60) }, spec: { limits: [] } };
    expect(printTable(rows("limits", [lr]), OPTS)).toBe("NAME       CREATED AT\ndefaults   2026-01-27T09:59:00Z\n");
  });
});
