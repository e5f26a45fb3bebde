// `npm run bench:web`: LEARNERS simulated learners, each with its own guest session and
// cluster, typing a command into a lesson's terminal THINK_MS (± JITTER) after the answer
// to the previous one ended, as a person reads the output before typing again; beside
// them as many other learners ask /api/ping, the cheapest route (the floor), at the same
// pace. Runs against `npm start` on its own port and database, and measures from sending a
// request to the end of its stream. It measures; it does not assert.
//
// Three phases: the pings alone for SECONDS, which shows what the client and an idle server
// cost; a warm-up of WARMUP seconds with commands and pings together, reported but not the
// result; then commands and pings together for SECONDS, the result. The warm-up takes the
// learners' first commands after the idle phase: each catches its cluster up by that whole
// phase and saves it, all 200 within one think time, a burst no class of learners makes in
// step. Each phase also reports the CPU the client and the server used, so a slow client
// cannot pass for a slow server.
//
// Knobs: LEARNERS (200), SECONDS (30), WARMUP (10), THINK_MS (3000; 0 makes it a stress
// test, each learner sending again as soon as answered), JITTER (0.2: ± that fraction of
// THINK_MS), PORT (3200).
import { spawn } from "node:child_process";
import { readdirSync, readFileSync, rmSync } from "node:fs";
import http from "node:http";
import { performance } from "node:perf_hooks";

const PORT = Number(process.env.PORT ?? 3200);
const BASE = `http://127.0.0.1:${PORT}`;
const LEARNERS = Number(process.env.LEARNERS ?? 200);
const SECONDS = Number(process.env.SECONDS ?? 30);
const WARMUP = Number(process.env.WARMUP ?? 10);
const THINK_MS = Number(process.env.THINK_MS ?? 3000);
const JITTER = Number(process.env.JITTER ?? 0.2);
const TIMEOUT_MS = 30_000;
const DB = "data/bench-web.db";
const removeDb = () => ["", "-journal", "-wal", "-shm"].forEach((end) => rmSync(DB + end, { force: true }));
const LESSON = "/api/lessons/pods/what-is-a-pod/commands";
const COMMANDS = ["kubectl get pods", "kubectl get nodes", "kubectl describe pod web", "kubectl get pods -o wide", "echo hello > /root/x; cat /root/x"];

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
// One pool of kept-alive sockets, as cheap for the client as HTTP gets. With a timeout set,
// Node drops an idle socket a second before the server's announced keep-alive timeout, so a
// request never goes out on a socket the server is closing (a browser would resend it).
const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity, timeout: TIMEOUT_MS });

async function startServer() {
  const taken = await fetch(`${BASE}/api/ping`).then(
    () => true,
    () => false,
  );
  if (taken) throw new Error(`something already answers on port ${PORT}; pick another with PORT=`);
  removeDb();
  const server = spawn(process.execPath, ["scripts/start.mjs", "-p", String(PORT), "-H", "127.0.0.1"], {
    env: { ...process.env, DATABASE_URL: `file:./${DB}`, NEXT_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  let exited;
  server.on("exit", (code) => (exited = code));
  for (let i = 0; i < 480 && exited === undefined; i++) {
    try {
      if ((await fetch(`${BASE}/api/ping`)).ok) return server;
    } catch {
      await sleep(500);
    }
  }
  throw new Error(exited === undefined ? "the server did not start" : `the server stopped (exit code ${exited}) before it answered`);
}

/** One request, read to the end: its status, body, cookies set and milliseconds from send to last byte. */
function request(method, path, headers, body) {
  return new Promise((resolve) => {
    const start = performance.now();
    const done = (status, text, error, cookies) => resolve({ status, text, error, cookies, ms: performance.now() - start });
    const req = http.request({ host: "127.0.0.1", port: PORT, path, method, headers, agent, timeout: TIMEOUT_MS }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (chunk) => (text += chunk));
      res.on("end", () => done(res.statusCode, text, undefined, res.headers["set-cookie"]));
      res.on("error", (e) => done(res.statusCode, text, e.message));
    });
    req.on("timeout", () => req.destroy(new Error(`no answer in ${TIMEOUT_MS} ms`)));
    req.on("error", (e) => done(0, "", e.message));
    req.end(body);
  });
}

/** A learner's cookies, kept as a browser keeps them: what the server sets replaces what was there. */
class CookieJar {
  #cookies = new Map();
  take(setCookies = []) {
    for (const c of setCookies) {
      const [pair] = c.split(";");
      const at = pair.indexOf("=");
      const [name, value] = [pair.slice(0, at), pair.slice(at + 1)];
      if (value === "" || /;\s*max-age=0/i.test(c)) this.#cookies.delete(name);
      else this.#cookies.set(name, value);
    }
  }
  header() {
    return [...this.#cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }
}

/** A guest session per learner (the sign-in limit allows 100 per 10 s from one address). */
async function guests(n) {
  const jars = [];
  while (jars.length < n) {
    const r = await fetch(`${BASE}/api/auth/sign-in/anonymous`, { method: "POST", headers: { "content-type": "application/json", origin: BASE }, body: "{}" });
    if (r.status === 429) {
      await sleep(2000);
      continue;
    }
    if (!r.ok) throw new Error(`sign-in: ${r.status} ${await r.text()}`);
    const jar = new CookieJar();
    jar.take(r.headers.getSetCookie());
    jars.push(jar);
  }
  return jars;
}

/** A command line sent as the terminal sends it; a failure is a string saying what went wrong. */
async function command(jar, line) {
  const body = JSON.stringify({ line });
  const r = await request("POST", LESSON, { "content-type": "application/json", "content-length": Buffer.byteLength(body), cookie: jar.header() }, body);
  jar.take(r.cookies);
  const failed = r.error ?? (r.status !== 200 || !r.text.includes('"exit"') || r.text.includes('{"error"') ? `${r.status} ${r.text.slice(0, 200)}` : undefined);
  return { ms: r.ms, failed };
}

async function ping() {
  const r = await request("GET", "/api/ping", {});
  return { ms: r.ms, failed: r.error ?? (r.status !== 200 || r.text !== "ok\n" ? `${r.status} ${r.text.slice(0, 200)}` : undefined) };
}

const think = () => THINK_MS * (1 - JITTER + 2 * JITTER * Math.random());

/**
 * One learner until `end`: a first request somewhere in the first think time (so the
 * learners do not start in step), then the next one a think time after each answer.
 */
async function learner(send, end, results) {
  await sleep(THINK_MS * Math.random());
  while (performance.now() < end) {
    const r = await send();
    results.ms.push(r.ms);
    if (r.failed) results.errors.push(r.failed);
    await sleep(think());
  }
}

/** CPU seconds used so far by every process in the server's process group (Linux /proc). */
function serverCpuSeconds(group) {
  let ticks = 0;
  for (const pid of readdirSync("/proc").filter((d) => /^\d+$/.test(d))) {
    try {
      // fields after the command name: state ppid pgrp ... utime(14) stime(15), counted from pid as 1
      const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ").at(-1).split(" ");
      if (Number(fields[2]) === group) ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // gone meanwhile
    }
  }
  return ticks / 100; // USER_HZ, 100 on Linux
}

async function phase(server, groups, seconds) {
  const cpu = process.cpuUsage();
  const serverCpu = serverCpuSeconds(server.pid);
  const began = performance.now();
  const end = began + seconds * 1000;
  const results = groups.map(() => ({ ms: [], errors: [] }));
  await Promise.all(groups.flatMap((g, i) => g.senders.map((send) => learner(send, end, results[i]))));
  const wall = (performance.now() - began) / 1000;
  const used = process.cpuUsage(cpu);
  for (const [i, g] of groups.entries()) report(g.name, results[i], wall);
  const client = (used.user + used.system) / 1e6 / wall;
  const busy = (serverCpuSeconds(server.pid) - serverCpu) / wall;
  console.log(`  CPU (share of one core): client ${percent(client)}, server ${percent(busy)}; the machine has ${cores()} cores`);
  return results;
}

const percent = (x) => `${Math.round(x * 100)}%`;
const cores = () => readFileSync("/proc/cpuinfo", "utf8").split("\n").filter((l) => l.startsWith("processor")).length;

/** Nearest-rank percentile of sorted values. */
function percentile(sorted, p) {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : NaN;
}

function report(name, r, wall) {
  const s = Float64Array.from(r.ms).sort();
  const ms = (p) => percentile(s, p).toFixed(1).padStart(7);
  console.log(`  ${name.padEnd(14)} ${String(s.length).padStart(6)} ${(s.length / wall).toFixed(1).padStart(7)} ${ms(50)} ${ms(90)} ${ms(99)} ${ms(100)} ${String(r.errors.length).padStart(7)}`);
  for (const e of new Set(r.errors)) console.log(`    error: ${e}`);
}

const HEADER = `  ${"route".padEnd(14)} ${"reqs".padStart(6)} ${"req/s".padStart(7)} ${"p50 ms".padStart(7)} ${"p90 ms".padStart(7)} ${"p99 ms".padStart(7)} ${"max ms".padStart(7)} ${"errors".padStart(7)}`;

const server = await startServer();
server.on("exit", (code) => console.error(`the server stopped (exit code ${code})`));
try {
  const jars = await guests(LEARNERS);
  // every learner's cluster exists (and a pod in it) before the clock starts
  for (let i = 0; i < jars.length; i += 4) {
    const made = await Promise.all(jars.slice(i, i + 4).map((jar) => command(jar, "kubectl run web --image=nginx:1.27")));
    const failed = made.find((r) => r.failed);
    if (failed) throw new Error(`setting up a learner's cluster: ${failed.failed}`);
  }
  const pingers = { name: "trivial route", senders: jars.map(() => ping) };
  const typists = {
    name: "command route",
    senders: jars.map((jar, i) => {
      let n = i;
      return () => command(jar, COMMANDS[n++ % COMMANDS.length]);
    }),
  };
  console.log(`${LEARNERS} learners typing a command and ${LEARNERS} asking /api/ping, each ${THINK_MS} ms ± ${JITTER * 100}% after the last answer`);
  console.log(`/api/ping alone for ${SECONDS} s (the floor on an idle server):\n${HEADER}`);
  await phase(server, [pingers], SECONDS);
  console.log(`warm-up, ${WARMUP} s of both: each learner's first commands after the idle phase (not the result):\n${HEADER}`);
  await phase(server, [typists, pingers], WARMUP);
  console.log(`commands and pings together for ${SECONDS} s (the result):\n${HEADER}`);
  const [commands, floor] = await phase(server, [typists, pingers], SECONDS);
  const p50 = (r) => percentile(Float64Array.from(r.ms).sort(), 50);
  console.log(`command p50 / floor p50 = ${(p50(commands) / p50(floor)).toFixed(1)}x`);
} finally {
  agent.destroy();
  server.removeAllListeners("exit");
  if (server.exitCode === null) process.kill(-server.pid, "SIGKILL");
  removeDb();
}
