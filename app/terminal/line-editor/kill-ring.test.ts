import { describe, expect, it } from "vitest";
import { KillRing } from "./kill-ring";

describe("KillRing: readline's kill and yank", () => {
  it("Ctrl-Y yanks the newest kill; nothing killed yet yanks nothing", () => {
    const r = new KillRing();
    expect(r.yank()).toBeUndefined();
    r.kill("pods", true, false);
    expect(r.yank()).toBe("pods");
  });

  it("consecutive backward kills (Ctrl-W Ctrl-W) join in line order", () => {
    const r = new KillRing();
    r.kill("pods", true, false);
    r.kill("get ", true, true);
    expect(r.yank()).toBe("get pods");
  });

  it("consecutive forward kills (Alt-D Alt-D) append", () => {
    const r = new KillRing();
    r.kill("get", false, false);
    r.kill(" pods", false, true);
    expect(r.yank()).toBe("get pods");
  });

  it("Alt-Y after a yank walks back through older kills and wraps round", () => {
    const r = new KillRing();
    for (const t of ["one", "two", "three"]) r.kill(t, true, false);
    expect([r.yank(), r.yankPop(), r.yankPop(), r.yankPop()]).toEqual(["three", "two", "one", "three"]);
  });

  it("keeps the 10 newest kills", () => {
    const r = new KillRing();
    for (let i = 0; i < 12; i++) r.kill(`k${i}`, true, false);
    const seen = [r.yank()];
    for (let i = 0; i < 10; i++) seen.push(r.yankPop());
    expect(seen).toEqual(["k11", "k10", "k9", "k8", "k7", "k6", "k5", "k4", "k3", "k2", "k11"]);
  });

  it("an empty kill records nothing", () => {
    const r = new KillRing();
    r.kill("", false, false);
    expect(r.yank()).toBeUndefined();
  });
});
