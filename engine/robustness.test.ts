/**
 * Bad input never crashes the engine and never changes the cluster: each case gets a
 * clear error and the store is exactly as before.
 */
import { describe, expect, it } from "vitest";
import { shell, testWorkspace } from "./testing";
import type { Workspace } from "./workspace";

function storeOf(ws: Workspace): string {
  return JSON.stringify(ws.snapshot().clusters.map((c) => c.store));
}

/** Deterministic bytes 0-255 as a string, to stand in for a binary paste. */
function garbage(n: number): string {
  let x = 12345;
  let s = "";
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    s += String.fromCharCode(x % 256);
  }
  return s;
}

const cases: { name: string; script: string; stderr: RegExp }[] = [
  {
    name: "malformed YAML",
    script: "kubectl apply -f - <<'EOF'\napiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n spec: [\nEOF",
    stderr: /^error: error parsing STDIN: error converting YAML to JSON: yaml: line \d+: /m,
  },
  {
    name: "unknown kind",
    script: "kubectl apply -f - <<'EOF'\napiVersion: v1\nkind: Potato\nmetadata:\n  name: web\nEOF",
    stderr: /no matches for kind "Potato" in version "v1"/,
  },
  {
    name: "manifest without kind",
    script: "kubectl create -f - <<'EOF'\napiVersion: v1\nmetadata:\n  name: web\nEOF",
    stderr: /error validating data: kind not set/,
  },
  {
    name: "unknown field",
    script: "kubectl create -f - <<'EOF'\napiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containrs:\n  - name: web\n    image: nginx\nEOF",
    stderr: /strict decoding error: unknown field "spec.containrs"/,
  },
  {
    name: "a 1 MiB paste",
    script: `kubectl run big --image=nginx --labels=a=${"x".repeat(1024 * 1024)}`,
    stderr: /./,
  },
  {
    name: "binary garbage typed at the prompt",
    script: garbage(4096),
    stderr: /./,
  },
  {
    name: "binary garbage as a manifest",
    script: `printf '%s' '${garbage(2048).replace(/[\u0000']/g, "")}' > /tmp/g.yaml; kubectl apply -f /tmp/g.yaml`,
    stderr: /^error: /m,
  },
];

describe("bad input", () => {
  it.each(cases)("$name: clear error, cluster unchanged", async ({ script, stderr }) => {
    const ws = testWorkspace();
    const before = storeOf(ws);
    const r = await shell(ws, script);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(stderr);
    expect(storeOf(ws)).toBe(before);
  });

  it("an endless loop stops with an error and the workspace still works", async () => {
    const ws = testWorkspace();
    const r = await shell(ws, "while true; do :; done");
    expect(r.status).not.toBe(0);
    expect(r.stderr).not.toBe("");
    const after = await shell(ws, "kubectl get ns default -o name");
    expect(after.stdout).toBe("namespace/default\n");
  });
});
