/**
 * `tail -f` in a running container: the sidecar pattern on a shared emptyDir, where one
 * container appends and another follows. BusyBox tail sleeps one second between reads and
 * GNU tail's polling loop does the same, so every appended line shows in the follower's
 * log at the first look after it was written, stamped with that time. Truncation, a
 * vanishing or appearing file and several files' headers follow busybox coreutils/tail.c
 * and GNU src/tail.c (tail_forever, recheck).
 */
import { describe, expect, it } from "vitest";
import { SimulatedRuntime } from "../../simulated-runtime";
import { T0, config, logText, running } from "../../test-support";

const S = 1000;
const BUSYBOX = "busybox:1.36";
const GNU = "nginx:1.27.5";
const SHIP = 'i=0; while true; do i=$((i+1)); echo "line $i" >> /var/log/app/ship.log; sleep 5; done';

/** A pod whose writer starts at T0 and whose follower starts half a second later. */
function pod(writer: string, follower: string, image = BUSYBOX): SimulatedRuntime {
  const rt = new SimulatedRuntime();
  rt.ensureVolume("p/logs", { kind: "empty" });
  const mounts = [{ path: "/var/log/app", volume: "p/logs", readOnly: false }];
  rt.start("w", "node01", config({ podUid: "p", name: "shipper", command: ["sh", "-c", writer], mounts }), T0);
  const r = rt.start("c", "node01", config({ podUid: "p", name: "app", image, command: ["sh", "-c", follower], mounts }), T0 + S / 2);
  if (!r.ok) throw new Error(r.message);
  return rt;
}

/** The follower's log as `seconds stream text`, the way `kubectl logs --timestamps` pairs them. */
function timed(rt: SimulatedRuntime, id = "c"): string[] {
  return rt.logs(id).map((l) => `${(l.time - T0) / S} ${l.stream} ${l.text}`);
}

describe("tail -f follows a file another container appends to", () => {
  it.each([BUSYBOX, GNU])("%s: every line shows at the first look after it was written", (image) => {
    const rt = pod(SHIP, "tail -f /var/log/app/ship.log", image);
    rt.step("c", T0 + 21 * S);
    expect(timed(rt)).toEqual(["0.5 stdout line 1", "5.5 stdout line 2", "10.5 stdout line 3", "15.5 stdout line 4", "20.5 stdout line 5"]);
  });

  it("asks for no wake-up while its files are there: its looks only log, and logs() catches up", () => {
    const rt = pod(SHIP, "tail -f /var/log/app/ship.log");
    expect(rt.step("c", T0 + 2 * S)).toEqual({ kind: "running" });
    expect(rt.logs("c", T0 + 11 * S).map((l) => l.text)).toEqual(["line 1", "line 2", "line 3"]);
  });

  it("tail -n N -f prints the last N lines, then what is appended", () => {
    const rt = pod(`seq 1 5 > /var/log/app/n.log; sleep 2; echo 6 >> /var/log/app/n.log; sleep 3600`, "tail -n 2 -f /var/log/app/n.log");
    rt.step("c", T0 + 4 * S);
    expect(timed(rt)).toEqual(["0.5 stdout 4", "0.5 stdout 5", "2.5 stdout 6"]);
  });

  it.each(["-F", "--follow", "-fn1", "-s 1 -f"])("%s follows too (GNU)", (flags) => {
    const rt = pod(SHIP, `tail ${flags} /var/log/app/ship.log`, GNU);
    rt.step("c", T0 + 11 * S);
    expect(logText(rt, "c")).toBe("line 1\nline 2\nline 3\n");
  });

  it("-s N waits N seconds between looks", () => {
    const rt = pod(`echo a > /var/log/app/f; sleep 1; echo b >> /var/log/app/f; sleep 3600`, "tail -s 3 -f /var/log/app/f");
    rt.step("c", T0 + 5 * S);
    expect(timed(rt)).toEqual(["0.5 stdout a", "3.5 stdout b"]);
  });

  it("prints a line written in pieces as one log line once its newline arrives", () => {
    const rt = pod(`printf 'par' > /var/log/app/f; sleep 2; printf 'tial\\n' >> /var/log/app/f; sleep 3600`, "tail -f /var/log/app/f");
    rt.step("c", T0 + 3 * S);
    expect(timed(rt)).toEqual(["2.5 stdout partial"]);
  });
});

describe("several files", () => {
  const writer = "cd /var/log/app; echo a1 > a; echo b1 > b; sleep 2; echo a2 >> a; sleep 2; echo b2 >> b; echo b3 >> b; sleep 2; echo a3 >> a; echo b4 >> b; sleep 3600";

  it.each([BUSYBOX, GNU])("%s: a header whenever the output switches to another file", (image) => {
    const rt = pod(writer, "tail -f /var/log/app/a /var/log/app/b", image);
    rt.step("c", T0 + 7 * S);
    expect(timed(rt)).toEqual([
      "0.5 stdout ==> /var/log/app/a <==",
      "0.5 stdout a1",
      "0.5 stdout ",
      "0.5 stdout ==> /var/log/app/b <==",
      "0.5 stdout b1",
      "2.5 stdout ",
      "2.5 stdout ==> /var/log/app/a <==",
      "2.5 stdout a2",
      "4.5 stdout ",
      "4.5 stdout ==> /var/log/app/b <==",
      "4.5 stdout b2",
      "4.5 stdout b3",
      "6.5 stdout ",
      "6.5 stdout ==> /var/log/app/a <==",
      "6.5 stdout a3",
      "6.5 stdout ",
      "6.5 stdout ==> /var/log/app/b <==",
      "6.5 stdout b4",
    ]);
  });

  it("-q follows without headers", () => {
    const rt = pod(writer, "tail -q -f /var/log/app/a /var/log/app/b");
    rt.step("c", T0 + 7 * S);
    expect(logText(rt, "c")).toBe("a1\nb1\na2\nb2\nb3\na3\nb4\n");
  });
});

describe("truncation", () => {
  const writer = "printf 'one\\ntwo\\n' > /var/log/app/f; sleep 3; echo fresh > /var/log/app/f; sleep 3; echo more >> /var/log/app/f; sleep 3600";

  it("GNU says so on stderr and reads the file again from its start", () => {
    const rt = pod(writer, "tail -f /var/log/app/f", GNU);
    rt.step("c", T0 + 7 * S);
    expect(timed(rt)).toEqual(["0.5 stdout one", "0.5 stdout two", "3.5 stderr tail: /var/log/app/f: file truncated", "3.5 stdout fresh", "6.5 stdout more"]);
  });

  it("BusyBox rewinds without a word", () => {
    const rt = pod(writer, "tail -f /var/log/app/f");
    rt.step("c", T0 + 7 * S);
    expect(timed(rt)).toEqual(["0.5 stdout one", "0.5 stdout two", "3.5 stdout fresh", "6.5 stdout more"]);
  });

  it("a file overwritten with as many bytes shows nothing new, as the read offset is at its end", () => {
    const rt = pod("echo aaa > /var/log/app/f; sleep 2; echo bbb > /var/log/app/f; sleep 3600", "tail -f /var/log/app/f", GNU);
    rt.step("c", T0 + 4 * S);
    expect(timed(rt)).toEqual(["0.5 stdout aaa"]);
  });
});

describe("a missing, vanishing or appearing file", () => {
  it.each([
    [BUSYBOX, ["0.5 stderr tail: can't open '/var/log/app/nope': No such file or directory", "0.5 stderr tail: no files"]],
    [GNU, ["0.5 stderr tail: cannot open '/var/log/app/nope' for reading: No such file or directory", "0.5 stderr tail: no files remaining"]],
  ])("%s: tail -f of a missing file fails at once, and the container with it", (image, log) => {
    const rt = pod(SHIP, "tail -f /var/log/app/nope", image);
    expect(rt.step("c", T0 + 2 * S)).toEqual({ kind: "exited", exitCode: 1, reason: "Error", at: T0 + S / 2 });
    expect(timed(rt)).toEqual(log);
  });

  it.each([
    [BUSYBOX, ["0.5 stderr tail: can't open '/var/log/app/late.log': No such file or directory", "2.5 stderr tail: /var/log/app/late.log has appeared; following end of new file", "2.5 stdout hello"]],
    [GNU, ["0.5 stderr tail: cannot open '/var/log/app/late.log' for reading: No such file or directory", "2.5 stderr tail: '/var/log/app/late.log' has appeared;  following new file", "2.5 stdout hello"]],
  ])("%s: tail -F waits for a missing file and follows it from its start once it appears", (image, log) => {
    const rt = pod("sleep 2; echo hello > /var/log/app/late.log; sleep 3600", "tail -F /var/log/app/late.log", image);
    rt.step("c", T0 + 4 * S);
    expect(timed(rt)).toEqual(log);
  });

  const rotate = "echo one > /var/log/app/f; sleep 2; rm /var/log/app/f; sleep 2; echo two > /var/log/app/f; sleep 3600";

  it.each([
    [BUSYBOX, ["0.5 stdout one", "2.5 stderr tail: /var/log/app/f has become inaccessible: No such file or directory", "4.5 stderr tail: /var/log/app/f has appeared; following end of new file", "4.5 stdout two"]],
    [GNU, ["0.5 stdout one", "2.5 stderr tail: '/var/log/app/f' has become inaccessible: No such file or directory", "4.5 stderr tail: '/var/log/app/f' has appeared;  following new file", "4.5 stdout two"]],
  ])("%s: tail -F follows the name through a deletion and a new file", (image, log) => {
    const rt = pod(rotate, "tail -F /var/log/app/f", image);
    rt.step("c", T0 + 6 * S);
    expect(timed(rt)).toEqual(log);
  });

  it.each([BUSYBOX, GNU])("%s: tail -f keeps the deleted file open: the new one is never read", (image) => {
    const rt = pod(rotate, "tail -f /var/log/app/f", image);
    expect(rt.step("c", T0 + 6 * S)).toEqual({ kind: "running" });
    expect(timed(rt)).toEqual(["0.5 stdout one"]);
  });

  it("GNU --follow=name without --retry gives up once its only file is gone", () => {
    const rt = pod(rotate, "tail --follow=name /var/log/app/f", GNU);
    expect(rt.step("c", T0 + 6 * S)).toEqual({ kind: "exited", exitCode: 1, reason: "Error", at: T0 + 2.5 * S });
    expect(timed(rt)).toEqual(["0.5 stdout one", "2.5 stderr tail: /var/log/app/f: No such file or directory", "2.5 stderr tail: no files remaining"]);
  });

  it("BusyBox follows the files it could open and drops the others", () => {
    const rt = pod(SHIP, "tail -f /var/log/app/nope /var/log/app/ship.log");
    rt.step("c", T0 + 6 * S);
    expect(timed(rt)).toEqual(["0.5 stderr tail: can't open '/var/log/app/nope': No such file or directory", "0.5 stdout line 1", "5.5 stdout line 2"]);
  });
});

describe("what costs nothing", () => {
  it.each([
    { name: "tail -f /dev/null", command: ["tail", "-f", "/dev/null"] },
    { name: "the same through a shell", command: ["sh", "-c", "tail -f /dev/null"] },
    { name: "tail -f of an empty stdin", command: ["tail", "-f"] },
  ])("$name never asks to be woken", ({ command }) => {
    const rt = running({ command });
    expect(rt.step("c", T0 + 5 * S)).toEqual({ kind: "running" });
    expect(rt.logs("c")).toEqual([]);
  });
});

describe("in the background", () => {
  it("`tail -f file &` goes on printing while the shell does other things", () => {
    const rt = pod(SHIP, "tail -f /var/log/app/ship.log & sleep 8; echo slept; wait");
    rt.step("c", T0 + 12 * S);
    expect(timed(rt)).toEqual(["0.5 stdout line 1", "5.5 stdout line 2", "8.5 stdout slept", "10.5 stdout line 3"]);
    expect(rt.step("c", T0 + 60 * S)).toEqual({ kind: "running" });
  });
});

describe("snapshot and restore", () => {
  it("a follower restored mid-follow prints exactly what an uninterrupted one does", () => {
    const a = pod(SHIP, "tail -n 1 -f /var/log/app/ship.log");
    a.step("c", T0 + 12 * S);
    const b = new SimulatedRuntime(JSON.parse(JSON.stringify(a.toState())));
    for (const rt of [a, b]) rt.step("c", T0 + 31 * S);
    expect(timed(b)).toEqual(timed(a));
    expect(timed(b).slice(-2)).toEqual(["25.5 stdout line 6", "30.5 stdout line 7"]);
    expect(JSON.stringify(b.toState())).toBe(JSON.stringify(a.toState()));
  });

  it("keeps the files followed and the bytes read of each as plain data", () => {
    const rt = pod(SHIP, "tail -f /var/log/app/ship.log");
    rt.step("c", T0 + 6 * S);
    const procs = (rt.toState().containers.c as { procs: { frames: unknown[] }[] }).procs;
    expect(procs[0].frames.at(-1)).toEqual(
      expect.objectContaining({
        k: "block",
        until: T0 + 6.5 * S,
        follow: expect.objectContaining({ files: [{ name: "/var/log/app/ship.log", path: "/var/log/app/ship.log", state: "open", offset: 14, chars: 14 }] }),
      }),
    );
  });
});
