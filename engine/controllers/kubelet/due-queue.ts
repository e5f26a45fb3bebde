/**
 * When each pod next needs the kubelet (its memory's dueAt), as a min-heap, so a
 * reconcile finds the pods whose time has come without looking at the others. A pod
 * stays due until its dueAt moves past now or goes, as the relist would see it.
 */

interface Entry {
  readonly at: number;
  readonly key: string;
}

export class DueQueue {
  private readonly dueAt = new Map<string, number>();
  private heap: Entry[] = [];
  /** popped and still due: looked at again by every reconcile until its time moves on */
  private readonly ripe = new Set<string>();

  set(key: string, at: number | undefined): void {
    if (this.dueAt.get(key) === at) return;
    if (at === undefined) {
      this.dueAt.delete(key);
      return;
    }
    this.dueAt.set(key, at);
    this.push({ at, key });
    // entries whose time has changed stay in the heap until popped; keep them from piling up
    if (this.heap.length > 4 * this.dueAt.size + 64) this.rebuild();
  }

  /** The keys due at `now`, in no particular order. */
  due(now: number): string[] {
    while (this.heap.length > 0 && this.heap[0].at <= now) {
      const e = this.pop();
      if (this.dueAt.get(e.key) === e.at) this.ripe.add(e.key);
    }
    const out: string[] = [];
    for (const key of this.ripe) {
      if ((this.dueAt.get(key) ?? Infinity) <= now) out.push(key);
      else this.ripe.delete(key);
    }
    return out;
  }

  private rebuild(): void {
    this.heap = [];
    for (const [key, at] of this.dueAt) this.push({ at, key });
  }

  private push(e: Entry): void {
    const h = this.heap;
    h.push(e);
    for (let i = h.length - 1; i > 0; ) {
      const parent = (i - 1) >> 1;
      if (h[parent].at <= h[i].at) break;
      [h[parent], h[i]] = [h[i], h[parent]];
      i = parent;
    }
  }

  private pop(): Entry {
    const h = this.heap;
    const top = h[0];
    const last = h.pop() as Entry;
    if (h.length > 0) {
      h[0] = last;
      for (let i = 0; ; ) {
        const l = 2 * i + 1;
        const r = l + 1;
        let min = i;
        if (l < h.length && h[l].at < h[min].at) min = l;
        if (r < h.length && h[r].at < h[min].at) min = r;
        if (min === i) break;
        [h[min], h[i]] = [h[i], h[min]];
        i = min;
      }
    }
    return top;
  }
}
