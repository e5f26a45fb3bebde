/**
 * `npm run bench`: engine latency on a cluster holding 1,000 pods. Prints medians and
 * p95s; it asserts nothing (machines are noisy), the numbers are for people to read.
 */
import type { ClusterShape } from "../bootstrap";
import { DEFAULT_CLUSTER } from "../bootstrap";
import { Workspace } from "../workspace";

const PODS = 1000;
const RUNS = 200;

const shape: ClusterShape = {
  ...DEFAULT_CLUSTER,
  nodes: [
    ...DEFAULT_CLUSTER.nodes,
    ...Array.from({ length: 12 }, (_, i) => ({ name: `node${String(i + 3).padStart(2, "0")}`, controlPlane: false, ip: `172.30.2.${i + 4}`, cpu: "8", memory: "32Gi", pods: 110 })),
  ],
};

const sink = { stdout: () => undefined, stderr: (s: string) => process.stderr.write(s) };

function stats(samples: number[]): string {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))];
  return `median ${at(0.5).toFixed(2)} ms   p95 ${at(0.95).toFixed(2)} ms   (n=${s.length})`;
}

/** Times `fn` after an untimed `prepare` for each run, with a few warm-up runs first. */
async function time(runs: number, fn: (i: number) => Promise<unknown>, prepare: (i: number) => Promise<unknown> = async () => undefined, warmup = 10): Promise<number[]> {
  const out: number[] = [];
  for (let i = -warmup; i < runs; i++) {
    await prepare(i);
    const t = performance.now();
    await fn(i);
    if (i >= 0) out.push(performance.now() - t);
  }
  return out;
}

function podManifest(name: string, image: string): string {
  return `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\n  labels:\n    app: bench\nspec:\n  containers:\n  - name: app\n    image: ${image}\n    ports:\n    - containerPort: 80\n`;
}

async function main(): Promise<void> {
  const setup = performance.now();
  const ws = Workspace.create({ startTime: Date.UTC(2026, 0, 27, 10), seed: 7, clusters: [shape] });
  let script = "";
  for (let i = 0; i < PODS; i++) script += `kubectl run bench-${i} --image=nginx:1.27 -l app=bench >/dev/null\n`;
  await ws.run(script, sink);
  ws.advance(60_000);
  const count = ws.cluster(shape.name)?.api.store.count("pods") ?? 0;
  process.stdout.write(`cluster: ${count} pods on ${shape.nodes.length} nodes (setup ${(performance.now() - setup).toFixed(0)} ms)\n\n`);

  const get = await time(RUNS, () => ws.kubectl(["get", "pods", "-A"], sink));
  process.stdout.write(`kubectl get pods -A                 ${stats(get)}\n`);

  await ws.run(`mkdir -p /root/bench`, sink);
  const writeManifest = (name: string) => ws.run(`cat > /root/bench/p.yaml <<'EOF'\n${podManifest(name, "nginx:1.27")}EOF`, sink);
  const create = await time(RUNS, () => ws.kubectl(["apply", "-f", "/root/bench/p.yaml"], sink), (i) => writeManifest(`applied-${i + 10}`));
  process.stdout.write(`kubectl apply -f (creates a pod)    ${stats(create)}\n`);

  await writeManifest("applied-same");
  await ws.kubectl(["apply", "-f", "/root/bench/p.yaml"], sink);
  const unchanged = await time(RUNS, () => ws.kubectl(["apply", "-f", "/root/bench/p.yaml"], sink));
  process.stdout.write(`kubectl apply -f (unchanged)        ${stats(unchanged)}\n`);

  const line = await time(RUNS, () => ws.run("kubectl get pods -A | grep -c bench-1", sink));
  process.stdout.write(`shell: kubectl get pods -A | grep   ${stats(line)}\n`);

  ws.advance(60_000);
  const hour = await time(3, async () => ws.advance(3_600_000), undefined, 0);
  process.stdout.write(`advance 1 virtual hour, ${PODS} running pods   ${stats(hour)}\n`);

  let loops = "";
  for (let i = 0; i < 100; i++) loops += `kubectl run loop-${i} --image=busybox --restart=Never -- sh -c 'while true; do date >> /tmp/t; sleep 10; done' >/dev/null\n`;
  await ws.run(loops, sink);
  ws.advance(60_000);
  const busy = await time(1, async () => ws.advance(3_600_000), undefined, 0);
  process.stdout.write(`same, plus 100 pods looping every 10 s  ${stats(busy)}\n`);

  const snap = performance.now();
  const json = JSON.stringify(ws.snapshot());
  process.stdout.write(`\nsnapshot: ${(json.length / 1024 / 1024).toFixed(1)} MiB JSON in ${(performance.now() - snap).toFixed(0)} ms\n`);
}

/** Idle workspaces schedule nothing on the real clock: CPU used while 100 of them sit for two seconds. */
async function idle(): Promise<void> {
  const many = Array.from({ length: 100 }, (_, i) => Workspace.create({ startTime: Date.UTC(2026, 0, 27, 10), seed: i }));
  const before = process.cpuUsage();
  await new Promise((r) => setTimeout(r, 2000));
  const used = process.cpuUsage(before);
  process.stdout.write(`\n${many.length} idle workspaces, 2 s wall: ${((used.user + used.system) / 1000).toFixed(1)} ms CPU\n`);
}

await idle();
await main();
