import { describe, expect, it } from "vitest";
import { lookupField, quantityError, schemaForKind, typeMismatch, unknownFields } from "./schema";

const pod = (spec: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  apiVersion: "v1",
  kind: "Pod",
  metadata: { name: "web", labels: { app: "web", "example.com/any-key": "x" }, annotations: { note: "free" } },
  spec: { containers: [{ name: "web", image: "nginx" }], ...spec },
  ...extra,
});

describe("schemaForKind", () => {
  it.each([
    ["Pod", "", "v1"],
    ["Deployment", "apps", "v1"],
    ["CronJob", "batch", "v1"],
  ])("%s is served as %s/%s", (kind, group, version) => {
    expect(schemaForKind(kind)).toMatchObject({ kind, group, version });
  });

  it("knows no kind it does not serve", () => {
    expect(schemaForKind("StatefulSet")).toBeUndefined();
  });
});

describe("lookupField", () => {
  it("steps through lists and maps without a path element", () => {
    expect(lookupField("Pod", ["spec", "containers", "ports", "containerPort"])?.field).toMatchObject({ type: "integer", required: true });
  });

  it("returns fields added since v1.30", () => {
    expect(lookupField("Pod", ["status", "observedGeneration"])?.field.type).toBe("integer");
    expect(lookupField("Pod", ["spec", "resources", "limits"])?.field.type).toBe("map[string]Quantity");
    expect(lookupField("Pod", ["status", "containerStatuses", "user", "linux", "uid"])?.field.format).toBe("int64");
  });

  it("carries enums the server publishes", () => {
    expect(lookupField("Pod", ["spec", "restartPolicy"])?.field.enum).toEqual(["Always", "Never", "OnFailure"]);
    expect(lookupField("Pod", ["spec", "securityContext", "supplementalGroupsPolicy"])?.field.enum).toEqual(["Merge", "Strict"]);
    expect(lookupField("Pod", ["spec", "containers", "lifecycle", "stopSignal"])?.field.enum).toContain("SIGTERM");
  });

  it("knows which integers are int64 in Go", () => {
    expect(lookupField("Pod", ["spec", "containers", "securityContext", "runAsUser"])?.field.format).toBe("int64");
    expect(lookupField("Pod", ["spec", "containers", "restartPolicyRules", "exitCodes", "values"])?.field).toMatchObject({ type: "[]integer" });
    expect(lookupField("Pod", ["spec", "containers", "restartPolicyRules", "exitCodes", "values"])?.field.format).toBeUndefined();
  });

  it.each([[["spec", "containrs"]], [["metadata", "name", "x"]], [["spec", "toString"]]])("is undefined for %j", (path) => {
    expect(lookupField("Pod", path)).toBeUndefined();
  });
});

// Paths as sigs.k8s.io/json's strict decoder builds them: object keys joined with ".",
// list items as "[i]"; kubectl sends keys in byte order, so errors come in that order.
describe("unknownFields", () => {
  it.each<[string, string, unknown, string[]]>([
    ["a valid pod", "Pod", pod({}), []],
    ["a misspelt spec field", "Pod", pod({ containrs: [] }), ["spec.containrs"]],
    ["a misspelt container field", "Pod", pod({ containers: [{ name: "a", imagee: "nginx" }] }), ["spec.containers[0].imagee"]],
    ["the second container", "Pod", pod({ containers: [{ name: "a" }, { name: "b", ports: [{ containerPort: 80, hostport: 1 }] }] }), ["spec.containers[1].ports[0].hostport"]],
    ["several, in key order", "Pod", pod({ zeta: 1, alpha: 1 }, { metadata: { name: "x", labelz: {} } }), ["metadata.labelz", "spec.alpha", "spec.zeta"]],
    ["a field under the wrong parent", "Pod", pod({ image: "nginx" }), ["spec.image"]],
    ["a key in the wrong case", "Pod", pod({ containers: [{ name: "a", Image: "nginx" }] }), ["spec.containers[0].Image"]],
    ["a top-level typo", "Pod", { apiVersion: "v1", kind: "Pod", metdata: {} }, ["metdata"]],
    ["free keys in maps", "Pod", pod({ nodeSelector: { "kubernetes.io/os": "linux" }, containers: [{ name: "a", resources: { limits: { cpu: "1", "nvidia.com/gpu": 1 } } }] }), []],
    [
      "status fields a v1.35 server writes",
      "Pod",
      pod({}, { status: { observedGeneration: 1, conditions: [{ type: "Ready", status: "True", observedGeneration: 1 }], containerStatuses: [{ name: "web", user: { linux: { uid: 0, gid: 0, supplementalGroups: [0] } }, volumeMounts: [{ name: "v", mountPath: "/v", recursiveReadOnly: "Disabled" }] }] } }),
      [],
    ],
    [
      "v1.35 pod fields",
      "Pod",
      pod({
        hostnameOverride: "web-1",
        workloadRef: { name: "training", podGroup: "workers" },
        securityContext: { supplementalGroupsPolicy: "Strict", seLinuxChangePolicy: "MountOption" },
        resourceClaims: [{ name: "gpu", resourceClaimName: "gpu-claim" }, { name: "tpl", resourceClaimTemplateName: "gpu-template" }],
        volumes: [{ name: "models", image: { reference: "quay.io/models/llm:1", pullPolicy: "IfNotPresent" } }],
        containers: [
          {
            name: "web",
            image: "nginx",
            restartPolicy: "Never",
            restartPolicyRules: [{ action: "Restart", exitCodes: { operator: "In", values: [42] } }],
            lifecycle: { stopSignal: "SIGUSR1" },
            env: [{ name: "MODE", valueFrom: { fileKeyRef: { volumeName: "config", path: "app.env", key: "MODE", optional: true } } }],
            resources: { claims: [{ name: "gpu", request: "one" }] },
          },
        ],
      }),
      [],
    ],
    [
      "typos inside v1.35 fields",
      "Pod",
      pod({
        volumes: [{ name: "models", image: { ref: "quay.io/models/llm:1" } }],
        containers: [{ name: "web", restartPolicyRules: [{ action: "Restart", exitCode: { operator: "In", values: [42] } }], env: [{ name: "M", valueFrom: { fileKeyRef: { volume: "c" } } }] }],
      }),
      ["spec.containers[0].env[0].valueFrom.fileKeyRef.volume", "spec.containers[0].restartPolicyRules[0].exitCode", "spec.volumes[0].image.ref"],
    ],
    // PodResourceClaim.source went in v1.31; PodSpec.schedulingGroup came in v1.36 (it replaced v1.35's workloadRef).
    ["fields a v1.35 server does not have", "Pod", pod({ schedulingGroup: { podGroupName: "g" }, resourceClaims: [{ name: "gpu", source: { resourceClaimName: "c" } }] }), ["spec.resourceClaims[0].source", "spec.schedulingGroup"]],
    ["managedFields content is free", "Pod", pod({}, { metadata: { name: "x", managedFields: [{ manager: "kubectl", fieldsV1: { "f:spec": {} } }] } }), []],
    ["a deployment template", "Deployment", { spec: { selector: {}, template: { spec: { containers: [{ name: "a", imagePullPolicy: "Always", comand: [] }] } } } }, ["spec.template.spec.containers[0].comand"]],
    ["configmap data keys are free", "ConfigMap", { data: { "app.properties": "a=b" }, datta: {} }, ["datta"]],
    ["a kind the schema does not know", "StatefulSet", { spec: { foo: 1 } }, []],
  ])("%s", (_name, kind, obj, expected) => {
    expect(unknownFields(kind, obj)).toEqual(expected);
  });
});

// Texts as encoding/json's UnmarshalTypeError prints them: the innermost Go struct, the
// JSON field names without list indices, the Go type. The quoted ones are real server
// outputs from issue reports.
describe("typeMismatch", () => {
  it.each<[string, string, unknown, string | undefined]>([
    ["a valid pod", "Pod", pod({}), undefined],
    [
      "containerPort as a string (real, rke2 DaemonSet)",
      "DaemonSet",
      { spec: { template: { spec: { containers: [{ name: "a", ports: [{ containerPort: "8080" }] }] } } } },
      "json: cannot unmarshal string into Go struct field ContainerPort.spec.template.spec.containers.ports.containerPort of type int32",
    ],
    ["ports as numbers (real, kr8s)", "Pod", pod({ containers: [{ name: "a", ports: [80] }] }), "json: cannot unmarshal number into Go struct field Container.spec.containers.ports of type v1.ContainerPort"],
    ["configmap data as a number (real)", "ConfigMap", { data: { port: 8080 } }, "json: cannot unmarshal number into Go struct field ConfigMap.data of type string"],
    ["nodePort as a string (real)", "Service", { spec: { ports: [{ port: 80, nodePort: "30080" }] } }, "json: cannot unmarshal string into Go struct field ServicePort.spec.ports.nodePort of type int32"],
    ["command as a string", "Pod", pod({ containers: [{ name: "a", command: "sleep 3600" }] }), "json: cannot unmarshal string into Go struct field Container.spec.containers.command of type []string"],
    ["a number in args", "Pod", pod({ containers: [{ name: "a", args: ["sleep", 3600] }] }), "json: cannot unmarshal number into Go struct field Container.spec.containers.args of type string"],
    ["a label value as a number", "Pod", pod({}, { metadata: { name: "x", labels: { tier: 1 } } }), "json: cannot unmarshal number into Go struct field ObjectMeta.metadata.labels of type string"],
    ["an int64 field", "Pod", pod({ terminationGracePeriodSeconds: "30" }), "json: cannot unmarshal string into Go struct field PodSpec.spec.terminationGracePeriodSeconds of type int64"],
    ["a fraction into an int32", "Deployment", { spec: { replicas: 1.5 } }, "json: cannot unmarshal number 1.5 into Go struct field DeploymentSpec.spec.replicas of type int32"],
    ["a list where a struct goes", "Pod", { spec: [] }, "json: cannot unmarshal array into Go struct field Pod.spec of type v1.PodSpec"],
    ["a struct where a list goes", "Pod", pod({ containers: { name: "a" } }), "json: cannot unmarshal object into Go struct field PodSpec.spec.containers of type []v1.Container"],
    ["the first one in key order", "Pod", pod({ containers: [{ name: "a", tty: "yes" }], activeDeadlineSeconds: "x" }), "json: cannot unmarshal string into Go struct field PodSpec.spec.activeDeadlineSeconds of type int64"],
    ["a named string type is not guessed", "Pod", pod({ restartPolicy: 1 }), undefined],
    ["quantities decode themselves", "Pod", pod({ containers: [{ name: "a", resources: { limits: { cpu: 0.5 } } }] }), undefined],
    ["apiVersion and kind are not its business", "Pod", { apiVersion: 1, kind: true }, undefined],
    ["null is always accepted", "Pod", pod({ containers: [{ name: "a", ports: null, stdin: null }] }), undefined],
  ])("%s", (_name, kind, obj, expected) => {
    expect(typeMismatch(kind, obj)).toBe(expected);
  });
});

// Real transcripts: `DaemonSet in version "v1" cannot be handled as a DaemonSet: quantities
// must match the regular expression ...` for `cpu: ""` (kubernetes#120342), and `Pod in version
// "v1" cannot be handled as a Pod: unable to parse quantity's suffix` for `memory: "32MMi"`.
describe("quantityError", () => {
  const FORMAT = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
  const withResources = (resources: unknown) => pod({ containers: [{ name: "web", image: "nginx", resources }] });
  it.each<[string, string, unknown, string | undefined]>([
    ["a unit kubectl does not know", "Pod", withResources({ requests: { memory: "512MB" } }), FORMAT],
    ["an empty amount", "Pod", withResources({ requests: { cpu: "" } }), FORMAT],
    ["a doubled suffix", "Pod", withResources({ requests: { memory: "32MMi" } }), "unable to parse quantity's suffix"],
    ["numbers and null", "Pod", withResources({ requests: { cpu: 0.5, memory: null } }), undefined],
    ["a LimitRange bound", "LimitRange", { spec: { limits: [{ type: "Container", max: { memory: "1GB" } }] } }, FORMAT],
    ["a quota's hard limit", "ResourceQuota", { spec: { hard: { pods: "ten" } } }, FORMAT],
    ["an unknown field holding a string", "Pod", withResources({ requests: { cpu: "1" }, extra: "512MB" }), undefined],
  ])("%s", (_name, kind, obj, want) => {
    expect(quantityError(kind, obj)).toBe(want);
  });
});
