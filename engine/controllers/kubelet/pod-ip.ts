/**
 * Pod addresses as the CNI's host-local IPAM hands them out on a node: from the node's
 * podCIDR, after the highest address in use (so a new pod rarely takes a just freed
 * one), wrapping round to the lowest free; hostNetwork pods use the node's own IP.
 */
import type { KubeObject } from "../../api/object";

export function nodeInternalIP(node: KubeObject | undefined): string {
  const addresses = ((node?.status ?? {}) as { addresses?: { type: string; address: string }[] }).addresses ?? [];
  return addresses.find((a) => a.type === "InternalIP")?.address ?? "";
}

const toInt = (ip: string) => ip.split(".").reduce((n, part) => n * 256 + Number(part), 0);
const toIP = (n: number) => [24, 16, 8, 0].map((s) => Math.floor(n / 2 ** s) % 256).join(".");

/** The addresses in use per node, read once for one reconcile of all pods. */
export class PodIPAllocator {
  private readonly used = new Map<string, Set<number>>();

  constructor(
    pods: readonly KubeObject[],
    private readonly nodes: ReadonlyMap<string, KubeObject>,
  ) {
    for (const p of pods) {
      const spec = (p.spec ?? {}) as { nodeName?: string; hostNetwork?: boolean };
      const status = (p.status ?? {}) as { podIP?: string; phase?: string };
      if (!spec.nodeName || spec.hostNetwork || !status.podIP || status.phase === "Succeeded" || status.phase === "Failed") continue;
      this.usedOn(spec.nodeName).add(toInt(status.podIP));
    }
  }

  private usedOn(node: string): Set<number> {
    let set = this.used.get(node);
    if (!set) this.used.set(node, (set = new Set()));
    return set;
  }

  allocate(nodeName: string): string {
    const cidr = String(((this.nodes.get(nodeName)?.spec ?? {}) as { podCIDR?: string }).podCIDR ?? "10.244.0.0/24");
    const [base, bits] = cidr.split("/");
    const size = 2 ** (32 - Number(bits || 24));
    const first = toInt(base) + 2;
    const count = size - 3;
    const used = this.usedOn(nodeName);
    let highest = first - 1;
    for (const ip of used) if (ip > highest) highest = ip;
    for (let i = 0; i < count; i++) {
      const candidate = first + ((highest + 1 - first + i) % count);
      if (!used.has(candidate)) {
        used.add(candidate);
        return toIP(candidate);
      }
    }
    return toIP(first + count - 1);
  }
}
