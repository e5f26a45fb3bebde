import { describe, expect, it } from "vitest";
import { toJson } from "./json";

describe("toJson", () => {
  // json.MarshalIndent(obj, "", "    ") + "\n" over an unstructured object: keys sorted,
  // four spaces, `"key": value`, empty maps and lists inline.
  it("prints a pod as kubectl get -o json does", () => {
    const pod = {
      status: { phase: "Running", conditions: [{ type: "Ready", status: "True", lastProbeTime: null }] },
      spec: { tolerations: [], containers: [{ resources: {}, name: "nginx", image: "nginx", ports: [{ protocol: "TCP", containerPort: 80 }] }] },
      metadata: { uid: "cd5a19de-fcf5-4daa-8373-c74295aea3c3", resourceVersion: "1578", namespace: "default", name: "nginx", labels: { run: "nginx" }, generation: 1, creationTimestamp: "2025-12-07T07:06:14Z" },
      kind: "Pod",
      apiVersion: "v1",
    };
    expect(toJson(pod)).toBe(`{
    "apiVersion": "v1",
    "kind": "Pod",
    "metadata": {
        "creationTimestamp": "2025-12-07T07:06:14Z",
        "generation": 1,
        "labels": {
            "run": "nginx"
        },
        "name": "nginx",
        "namespace": "default",
        "resourceVersion": "1578",
        "uid": "cd5a19de-fcf5-4daa-8373-c74295aea3c3"
    },
    "spec": {
        "containers": [
            {
                "image": "nginx",
                "name": "nginx",
                "ports": [
                    {
                        "containerPort": 80,
                        "protocol": "TCP"
                    }
                ],
                "resources": {}
            }
        ],
        "tolerations": []
    },
    "status": {
        "conditions": [
            {
                "lastProbeTime": null,
                "status": "True",
                "type": "Ready"
            }
        ],
        "phase": "Running"
    }
}
`);
  });

  // encoding/json encodeState.string with escapeHTML (Go 1.22+ writes \b and \f short).
  it.each<[string, string]>([
    ["<none>", '"\\u003cnone\\u003e"'],
    ["a&b", '"a\\u0026b"'],
    ['say "hi"\\', '"say \\"hi\\"\\\\"'],
    ["\b\f\n\r\t", '"\\b\\f\\n\\r\\t"'],
    ["\x01\x1b\x7f", '"\\u0001\\u001b\x7f"'],
    ["\u2028\u2029", '"\\u2028\\u2029"'],
    ["日本 😀", '"日本 😀"'],
    ["lone\ud800", '"lone\ufffd"'],
  ])("escapes %j as Go does", (value, written) => {
    expect(toJson({ k: value })).toBe(`{\n    "k": ${written}\n}\n`);
  });

  it("escapes keys as well as values", () => {
    expect(toJson({ "a<b": 1 })).toBe('{\n    "a\\u003cb": 1\n}\n');
  });

  it("sorts keys byte-wise, integer-like keys included", () => {
    expect(toJson({ b: 1, a: 2, "10": 3, "9": 4, B: 5, é: 6 })).toBe('{\n    "10": 3,\n    "9": 4,\n    "B": 5,\n    "a": 2,\n    "b": 1,\n    "é": 6\n}\n');
  });

  it("keeps the given key order when asked, as for typed objects kubectl builds", () => {
    expect(toJson({ kind: "Pod", apiVersion: "v1", metadata: { name: "nginx", labels: { run: "nginx" } } }, { sortKeys: false })).toBe(`{
    "kind": "Pod",
    "apiVersion": "v1",
    "metadata": {
        "name": "nginx",
        "labels": {
            "run": "nginx"
        }
    }
}
`);
  });

  it("prints numbers as Go does and drops what JSON drops", () => {
    expect(toJson({ i: 420, f: 0.5, tiny: 1e-7, big: 1e21, gone: undefined })).toBe('{\n    "big": 1e+21,\n    "f": 0.5,\n    "i": 420,\n    "tiny": 1e-7\n}\n');
    expect(toJson(undefined)).toBe("null\n");
    expect(toJson([])).toBe("[]\n");
    expect(toJson({})).toBe("{}\n");
  });
});
