import { describe, expect, it } from "vitest";
import { LAST_APPLIED_ANNOTATION, modifiedConfiguration, originalConfiguration, withApplyAnnotation } from "./last-applied";

// The manifest of fidelity reference 1.2, namespace defaulted as the builder does.
const MANIFEST = {
  apiVersion: "v1",
  kind: "Pod",
  metadata: { name: "snowdeer-app", labels: { app: "snowdeer-app" }, namespace: "default" },
  spec: { containers: [{ name: "hello-server", image: "blux2/hello-server:1.0", ports: [{ containerPort: 8080 }] }] },
};

// Verbatim from the fidelity reference 1.2 (a real `kubectl apply`), with its trailing newline.
const ANNOTATION =
  '{"apiVersion":"v1","kind":"Pod","metadata":{"annotations":{},"labels":{"app":"snowdeer-app"},"name":"snowdeer-app","namespace":"default"},"spec":{"containers":[{"image":"blux2/hello-server:1.0","name":"hello-server","ports":[{"containerPort":8080}]}]}}\n';

describe("last-applied-configuration", () => {
  it("is the manifest as compact sorted JSON with empty annotations and a newline", () => {
    expect(modifiedConfiguration(MANIFEST, false)).toBe(ANNOTATION);
    expect(originalConfiguration(withApplyAnnotation(MANIFEST))).toBe(ANNOTATION);
  });

  it("keeps the manifest's other annotations and ignores an old last-applied one", () => {
    const m = { ...MANIFEST, metadata: { ...MANIFEST.metadata, annotations: { team: "a", [LAST_APPLIED_ANNOTATION]: "old" } } };
    expect(modifiedConfiguration(m, false)).toBe(ANNOTATION.replace('"annotations":{}', '"annotations":{"team":"a"}'));
  });

  it("embeds itself in the modified configuration when annotating", () => {
    const annotated = JSON.parse(modifiedConfiguration(MANIFEST, true)) as { metadata: { annotations: Record<string, string> } };
    expect(annotated.metadata.annotations[LAST_APPLIED_ANNOTATION]).toBe(ANNOTATION);
  });

  it("is undefined for an object without it", () => {
    expect(originalConfiguration(MANIFEST)).toBeUndefined();
  });
});
