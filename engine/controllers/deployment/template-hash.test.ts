import { describe, expect, it } from "vitest";
import { computeHash, equalIgnoreHash, fnv32a } from "./template-hash";

const template = { metadata: { labels: { app: "web" } }, spec: { containers: [{ name: "nginx", image: "nginx:1.14.2" }] } };

describe("pod-template-hash", () => {
  it("is FNV-32a (the published test vectors)", () => {
    expect(fnv32a(new TextEncoder().encode(""))).toBe(0x811c9dc5);
    expect(fnv32a(new TextEncoder().encode("a"))).toBe(0xe40c292c);
    expect(fnv32a(new TextEncoder().encode("foobar"))).toBe(0xbf9cf968);
  });

  it("spells the decimal hash with SafeEncodeString: only the characters digits map to", () => {
    const hash = computeHash(template);
    expect(hash).toMatch(/^[4-9bcdf]{1,10}$/);
    expect(computeHash(structuredClone(template))).toBe(hash);
  });

  it("changes with the template and with the collision count", () => {
    const other = { ...template, spec: { containers: [{ name: "nginx", image: "nginx:1.16.1" }] } };
    expect(computeHash(other)).not.toBe(computeHash(template));
    expect(computeHash(template, 1)).not.toBe(computeHash(template));
  });

  it("compares templates ignoring the hash label and empty maps", () => {
    const withHash = { ...template, metadata: { labels: { app: "web", "pod-template-hash": "7c5d8f9b4" }, annotations: {} } };
    expect(equalIgnoreHash(withHash, template)).toBe(true);
    expect(equalIgnoreHash({ ...template, metadata: { labels: { app: "api" } } }, template)).toBe(false);
  });
});
