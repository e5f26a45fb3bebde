// `npm run bench:web`: 200 simulated learners, each with its own guest session and
// cluster, typing a command into a lesson's terminal every few seconds (THINK_MS, as a
// person reads the output before typing again), all at once, against `npm start` on its
// own port and database. Prints p50/p99 latency and errors of the command route, and of a
// trivial route under the same load of connections (the floor). It measures; it does not
// assert. THINK_MS=0 turns it into a stress test: every learner sends as fast as answered.
import { spawn } from "node:child_process";
import { rmSync } from "node:fs";
import autocannon from "autocannon";

const PORT = 3200;
const BASE = `http://127.0.0.1:${PORT}`;
const LEARNERS = Number(process.env.LEARNERS ?? 200);
const SECONDS = Number(process.env.SECONDS ?? 30);
const THINK_MS = Number(process.env.THINK_MS ?? 3000);
const DB = "data/bench-web.db";
const LESSON = "/api/lessons/pods/what-is-a-pod/commands";
const COMMANDS = ["kubectl get pods", "kubectl get nodes", "kubectl describe pod web", "kubectl get pods -o wide", "echo hello > /root/x; cat /root/x"];

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function startServer() {
  rmSync(DB, { force: true });
  const server = spawn(process.execPath, ["scripts/start.mjs", "-p", String(PORT), "-H", "127.0.0.1"], {
    env: { ...process.env, DATABASE_URL: `file:./${DB}`, NEXT_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  for (let i = 0; i < 480; i++) {
    try {
      if ((await fetch(`${BASE}/api/ping`)).ok) return server;
    } catch {
      await sleep(500);
    }
  }
  throw new Error("the server did not start");
}

/** A guest session per learner (the sign-in limit allows 100 per 10 s from one address). */
async function guests(n) {
  const cookies = [];
  while (cookies.length < n) {
    const r = await fetch(`${BASE}/api/auth/sign-in/anonymous`, { method: "POST", headers: { "content-type": "application/json", origin: BASE }, body: "{}" });
    if (r.status === 429) {
      await sleep(2000);
      continue;
    }
    if (!r.ok) throw new Error(`sign-in: ${r.status} ${await r.text()}`);
    cookies.push(r.headers.getSetCookie().map((c) => c.split(";")[0]).join("; "));
  }
  return cookies;
}

async function command(cookie, line) {
  const r = await fetch(`${BASE}${LESSON}`, { method: "POST", headers: { "content-type": "application/json", cookie }, body: JSON.stringify({ line }) });
  const text = await r.text();
  if (!r.ok || !text.includes('"exit"')) throw new Error(`command failed: ${r.status} ${text.slice(0, 200)}`);
}

function run(opts) {
  // autocannon paces whole connections at 1 req/s at least: the learners' pace is set for all of them together
  const pace = THINK_MS > 0 ? { overallRate: Math.max(1, Math.round((LEARNERS * 1000) / THINK_MS)) } : {};
  return new Promise((resolve, reject) => autocannon({ ...opts, ...pace, connections: LEARNERS, duration: SECONDS }, (err, result) => (err ? reject(err) : resolve(result))));
}

function report(name, r) {
  const errors = r.errors + r.timeouts + r.non2xx;
  console.log(`${name.padEnd(16)} requests ${String(r.requests.total).padStart(6)}   p50 ${String(r.latency.p50).padStart(5)} ms   p99 ${String(r.latency.p99).padStart(5)} ms   errors ${errors}`);
  return r;
}

const server = await startServer();
try {
  const cookies = await guests(LEARNERS);
  // every learner's cluster exists (and a pod in it) before the clock starts
  for (let i = 0; i < cookies.length; i += 4) await Promise.all(cookies.slice(i, i + 4).map((c) => command(c, "kubectl run web --image=nginx:1.27")));
  console.log(`${LEARNERS} learners, each with a cluster, a command every ${THINK_MS} ms each, ${SECONDS}s per measurement`);
  let next = 0;
  const commands = report(
    "command route",
    await run({
      url: `${BASE}${LESSON}`,
      method: "POST",
      headers: { "content-type": "application/json" },
      setupClient: (client) => {
        const cookie = cookies[next++ % cookies.length];
        let n = 0;
        client.setHeaders({ "content-type": "application/json", cookie });
        client.on("response", () => client.setBody(JSON.stringify({ line: COMMANDS[n++ % COMMANDS.length] })));
        client.setBody(JSON.stringify({ line: COMMANDS[0] }));
      },
    }),
  );
  const floor = report("trivial route", await run({ url: `${BASE}/api/ping` }));
  console.log(`command p50 / floor p50 = ${(commands.latency.p50 / Math.max(1, floor.latency.p50)).toFixed(1)}x`);
} finally {
  process.kill(-server.pid, "SIGKILL");
  rmSync(DB, { force: true });
}
