/**
 * Load generators from the docs' resource examples. `stress --vm 1 --vm-bytes 250M`
 * holds 250 MiB (stress counts M as 1024²), so a lower memory limit is OOMKilled;
 * `--cpu N` and vish/stress `-cpus N` burn N cores.
 */
import { strftime } from "../../shell/coreutils/date";
import { parseSleep } from "../sh/commands/system-tools";
import { GO_STOP, MI, daemon, flagValue, type Program } from "./program";

const SUFFIX: Record<string, number> = { "": 1, b: 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 };

/** stress's size argument: `250M`, `1G`, `128K`, plain bytes. */
export function stressBytes(s: string): number | undefined {
  const m = /^(\d+)([bBkKmMgG]?)$/.exec(s);
  return m ? Number(m[1]) * SUFFIX[m[2].toLowerCase()] : undefined;
}

const USAGE = "`stress' imposes certain types of compute stress on your system\n\nUsage: stress [OPTION [ARG]] ...\n -?, --help         show this help statement\n     --version      show version statement\n -v, --verbose      be verbose\n -q, --quiet        be quiet\n -n, --dry-run      show what would have been done\n -t, --timeout N    timeout after N seconds\n     --backoff N    wait factor of N microseconds before work starts\n -c, --cpu N        spawn N workers spinning on sqrt()\n -i, --io N         spawn N workers spinning on sync()\n -m, --vm N         spawn N workers spinning on malloc()/free()\n     --vm-bytes B   malloc B bytes per vm worker (default is 256MB)\n     --vm-stride B  touch a byte every B bytes (default is 4096)\n     --vm-hang N    sleep N secs before free (default none, 0 is inf)\n     --vm-keep      redirty memory instead of freeing and reallocating\n -d, --hdd N        spawn N workers spinning on write()/unlink()\n     --hdd-bytes B  write B bytes per hdd worker (default is 1GB)\n\nExample: stress --cpu 2 --io 1 --vm 1 --vm-bytes 128M --timeout 10s\n\nNote: Numbers may be suffixed with s,m,h,d,y (time) or B,K,M,G (size).\n";

export const STRESS_PROGRAM: Program = {
  run: (ctx) => {
    const a = ctx.argv;
    const n = (...names: string[]): number => Number(flagValue(a, ...names) ?? 0) || 0;
    const cpu = n("--cpu", "-c");
    const io = n("--io", "-i");
    const vm = n("--vm", "-m");
    const hdd = n("--hdd", "-d");
    if (cpu + io + vm + hdd === 0) {
      ctx.out(USAGE);
      return 1;
    }
    const bytes = stressBytes(flagValue(a, "--vm-bytes") ?? "256M");
    if (bytes === undefined) {
      ctx.err(`stress: FAIL: [${ctx.pid}] (595) invalid number: ${flagValue(a, "--vm-bytes")}\n`);
      return 1;
    }
    ctx.out(`stress: info: [${ctx.pid}] dispatching hogs: ${cpu} cpu, ${io} io, ${vm} vm, ${hdd} hdd\n`);
    const started = daemon("stress", a, ctx.pid, ctx.now, { cpu: String(cpu), vm: String(vm), bytes: String(bytes), hang: flagValue(a, "--vm-hang") ?? "" });
    const timeout = flagValue(a, "--timeout", "-t");
    const t = timeout === undefined ? undefined : parseSleep([timeout]);
    if (t && "ms" in t && t.ms !== null) {
      started.daemon.stopAt = ctx.now + t.ms;
      started.daemon.stopCode = 0;
    }
    return started;
  },
  exited: (d, ctx) => ctx.log("stdout", `stress: info: [${d.pid}] successful run completed in ${Math.round((ctx.now - d.startedAt) / 1000)}s\n`),
  usage: (d) => ({ memory: Number(d.data.vm) * Number(d.data.bytes) + 0.6 * MI, cpu: Number(d.data.cpu) + Number(d.data.vm) * (d.data.hang ? 0.02 : 1) }),
};

function glog(ms: number, file: string, msg: string): string {
  return `I${strftime("%m%d %H:%M:%S", ms)}.${String(ms % 1000).padStart(3, "0")}000       1 ${file}] ${msg}\n`;
}

/** vish/stress: `-cpus N` spins N threads; `-mem-total` allocates that much memory. */
export const VISH_STRESS_PROGRAM: Program = {
  run: (ctx) => {
    const cpus = Number(flagValue(ctx.argv, "-cpus", "--cpus") ?? 0) || 0;
    const total = flagValue(ctx.argv, "-mem-total", "--mem-total") ?? "0";
    ctx.err(glog(ctx.now, "main.go:26", `Allocating "${total}" memory, in "4Ki" chunks, with a 1ms sleep between allocations`) + (cpus > 0 ? glog(ctx.now, "main.go:39", "Spawning a thread to consume CPU") : ""));
    return daemon("vish-stress", ctx.argv, ctx.pid, ctx.now, { cpu: String(cpus), bytes: String(stressBytes(total.replace(/i$/, "")) ?? 0) });
  },
  stop: GO_STOP,
  usage: (d) => ({ memory: Number(d.data.bytes) + 1.4 * MI, cpu: Number(d.data.cpu) }),
};
