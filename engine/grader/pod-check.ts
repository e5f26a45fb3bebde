/**
 * `pod:` checks: what `kubectl get pod` and `describe` would show a learner: phase,
 * the STATUS column, readiness, containers, restarts, the node it runs on and its QoS.
 */
import type { Pod } from "kubernetes-types/core/v1";
import { podSummary } from "../kubectl/printers/columns/pod";
import type { PodExpect } from "./check";
import type { Outcome } from "./compare";
import { lookup, type GradeTarget } from "./target";

type Expectation = (pod: Pod, target: GradeTarget, cluster?: string) => string | undefined;

const restarts = (pod: Pod) => [...(pod.status?.containerStatuses ?? []), ...(pod.status?.initContainerStatuses ?? [])].reduce((n, c) => n + (c.restartCount ?? 0), 0);

function expectations(e: PodExpect): Expectation[] {
  const out: Expectation[] = [];
  const differs = (what: string, want: unknown, found: unknown) => (JSON.stringify(want) === JSON.stringify(found) ? undefined : `${what}: expected ${JSON.stringify(want)}, found ${JSON.stringify(found ?? null)}`);
  if (e.phase !== undefined) out.push((p) => differs("phase", e.phase, p.status?.phase));
  if (e.status !== undefined) out.push((p, t) => differs("status", e.status, podSummary(p, t.now()).status));
  if (e.ready !== undefined) out.push((p) => differs("ready", e.ready, p.status?.conditions?.find((c) => c.type === "Ready")?.status === "True"));
  if (e.containers !== undefined) out.push((p) => differs("containers", e.containers, p.spec?.containers.length ?? 0));
  if (e.initContainers !== undefined) out.push((p) => differs("init containers", e.initContainers, p.spec?.initContainers?.length ?? 0));
  if (e.containerNames !== undefined) {
    const want = [...e.containerNames].sort();
    out.push((p) => differs("container names", want, (p.spec?.containers ?? []).map((c) => c.name).sort()));
  }
  if (e.restartsAtLeast !== undefined) {
    const least = e.restartsAtLeast;
    out.push((p) => (restarts(p) >= least ? undefined : `restarts: expected at least ${least}, found ${restarts(p)}`));
  }
  if (e.node !== undefined) out.push((p) => differs("node", e.node, p.spec?.nodeName));
  if (e.qosClass !== undefined) out.push((p) => differs("QoS class", e.qosClass, p.status?.qosClass));
  if (e.nodeLabels !== undefined) {
    const want = e.nodeLabels;
    out.push((p, t, cluster) => {
      const nodeName = p.spec?.nodeName;
      if (!nodeName) return "node: the pod is not scheduled";
      const labels = t.store(cluster)?.get("nodes", undefined, nodeName)?.metadata.labels ?? {};
      const missing = Object.entries(want).filter(([k, v]) => labels[k] !== v);
      return missing.length ? `node ${nodeName} lacks label${missing.length > 1 ? "s" : ""} ${missing.map(([k, v]) => `${k}=${v}`).join(", ")}` : undefined;
    });
  }
  return out;
}

export function podCheck(target: GradeTarget, ref: { name: string; namespace?: string }, expect: PodExpect, cluster?: string): Outcome {
  const found = lookup(target, { kind: "pod", ...ref }, cluster);
  if (!found.ok) return { ok: false, detail: found.detail };
  if (!found.object) return { ok: false, detail: `${found.where} not found` };
  const pod = found.object as unknown as Pod;
  const failures = expectations(expect)
    .map((f) => f(pod, target, cluster))
    .filter((x): x is string => x !== undefined);
  if (failures.length) return { ok: false, detail: failures.join("; ") };
  const s = podSummary(pod, target.now());
  return { ok: true, detail: `${found.where}: ${s.status}, ${s.ready} ready` };
}
