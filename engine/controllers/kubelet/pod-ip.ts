/**
 * Pod addresses as the CNI's host-local IPAM hands them out on a node: from the node's
 * podCIDR (less the network address, the gateway .1 and the broadcast address), round
 * robin from the last address it reserved there, so the pod after a deleted one gets the
 * next address rather than the one just freed, wrapping round to the lowest free one;
 * hostNetwork pods use the node's own IP.
 *
 * host-local keeps the last reserved address in a file per network on the node
 * (last_reserved_ip.0); here it is kept per node in the store under a resource no API
 * serves, so snapshots carry it. A node without the record (a snapshot older than it)
 * goes on after its highest address in use.
 */
import type { KubeObject } from "../../api/object";
import type { Store } from "../../api/store";

export function nodeInternalIP(node: KubeObject | undefined): string {
  const addresses = ((node?.status ?? {}) as { addresses?: { type: string; address: string }[] }).addresses ?? [];
  return addresses.find((a) => a.type === "InternalIP")?.address ?? "";
}

const toInt = (ip: string) => ip.split(".").reduce((n, part) => n * 256 + Number(part), 0);
const toIP = (n: number) => [24, 16, 8, 0].map((s) => Math.floor(n / 2 ** s) % 256).join(".");

interface Held {
  readonly node: string;
  readonly ip: number;
}

/** The address a pod holds on its node: bound, not on the host network, not finished. */
function heldBy(pod: KubeObject): Held | undefined {
  const spec = (pod.spec ?? {}) as { nodeName?: string; hostNetwork?: boolean };
  const status = (pod.status ?? {}) as { podIP?: string; phase?: string };
  if (!spec.nodeName || spec.hostNetwork || !status.podIP || status.phase === "Succeeded" || status.phase === "Failed") return undefined;
  return { node: spec.nodeName, ip: toInt(status.podIP) };
}

/**
 * The addresses in use per node, kept up to date pod by pod. Counted, since two pods may
 * report one address. While an allocator is open (one reconcile), an address that is let
 * go stays taken for it, as it would in a list read at the start of that reconcile.
 */
export class PodAddresses {
  private readonly used = new Map<string, Map<number, number>>();
  private readonly byPod = new Map<string, Held>();
  private open: PodIPAllocator | undefined;

  /** Records what `pod` holds now (undefined: it is gone). */
  set(uid: string, pod: KubeObject | undefined): void {
    const was = this.byPod.get(uid);
    const now = pod && heldBy(pod);
    if (was && now && was.node === now.node && was.ip === now.ip) return;
    if (was) {
      this.byPod.delete(uid);
      const counts = this.used.get(was.node);
      const left = (counts?.get(was.ip) ?? 1) - 1;
      if (left > 0) counts?.set(was.ip, left);
      else counts?.delete(was.ip);
      this.open?.hold(was.node, was.ip);
    }
    if (now) {
      this.byPod.set(uid, now);
      let counts = this.used.get(now.node);
      if (!counts) this.used.set(now.node, (counts = new Map()));
      counts.set(now.ip, (counts.get(now.ip) ?? 0) + 1);
    }
  }

  /** An allocator for one reconcile, keeping the last reserved addresses in `store`; `close` it at the end. */
  allocator(nodes: ReadonlyMap<string, KubeObject>, store: Store): PodIPAllocator {
    this.open = new PodIPAllocator(this.used, nodes, store);
    return this.open;
  }

  close(): void {
    this.open = undefined;
  }
}

/** The store resource holding each node's last reserved address. */
export const LAST_RESERVED_RESOURCE = "ipam.kubelab.internal";

interface LastReservedObject extends KubeObject {
  readonly lastReservedIP: string;
}

/** Hands out addresses during one reconcile: those in use, plus those it gave or saw let go since it opened. */
export class PodIPAllocator {
  private readonly taken = new Map<string, Set<number>>();

  constructor(
    private readonly used: ReadonlyMap<string, ReadonlyMap<number, number>>,
    private readonly nodes: ReadonlyMap<string, KubeObject>,
    private readonly store: Store,
  ) {}

  private lastReserved(node: string): number | undefined {
    const o = this.store.get(LAST_RESERVED_RESOURCE, undefined, node) as LastReservedObject | undefined;
    return o ? toInt(o.lastReservedIP) : undefined;
  }

  private reserve(node: string, ip: number): void {
    this.hold(node, ip);
    const record: LastReservedObject = { apiVersion: `${LAST_RESERVED_RESOURCE}/v1`, kind: "LastReservedIP", metadata: { name: node }, lastReservedIP: toIP(ip) };
    this.store.put(LAST_RESERVED_RESOURCE, record);
  }

  hold(node: string, ip: number): void {
    let set = this.taken.get(node);
    if (!set) this.taken.set(node, (set = new Set()));
    set.add(ip);
  }

  private inUse(node: string, ip: number): boolean {
    return Boolean(this.used.get(node)?.has(ip) || this.taken.get(node)?.has(ip));
  }

  allocate(nodeName: string): string {
    const cidr = String(((this.nodes.get(nodeName)?.spec ?? {}) as { podCIDR?: string }).podCIDR ?? "10.244.0.0/24");
    const [base, bits] = cidr.split("/");
    const size = 2 ** (32 - Number(bits || 24));
    const first = toInt(base) + 2;
    const count = size - 3;
    let last = this.lastReserved(nodeName);
    if (last === undefined) {
      last = first - 1;
      for (const ip of this.used.get(nodeName)?.keys() ?? []) if (ip > last) last = ip;
      for (const ip of this.taken.get(nodeName) ?? []) if (ip > last) last = ip;
    }
    // GetIter: start after the last reserved address if the range holds it, else at the range's start
    const start = last >= first && last < first + count ? last + 1 - first : 0;
    for (let i = 0; i < count; i++) {
      const candidate = first + ((start + i) % count);
      if (!this.inUse(nodeName, candidate)) {
        this.reserve(nodeName, candidate);
        return toIP(candidate);
      }
    }
    return toIP(first + count - 1);
  }
}
