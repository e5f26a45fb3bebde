import { expectGolden } from "../../testing";
import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../api/object";
import { describeObject } from "./describe-object";
import { controllerEvent, fakeContext } from "./test-support";

const NOW = "2026-01-27T10:00:00Z";

describe("describe namespace", () => {
  const ns: KubeObject = { apiVersion: "v1", kind: "Namespace", metadata: { name: "default", labels: { "kubernetes.io/metadata.name": "default" } }, spec: { finalizers: ["kubernetes"] }, status: { phase: "Active" } };

  it("prints a namespace without quotas or limit ranges (real output)", async () => {
    await expectGolden("namespace.txt", describeObject(ns, fakeContext(NOW)));
  });

  it("prints conditions, quotas with scopes and limit ranges", () => {
    const terminating = {
      ...ns,
      metadata: { name: "team" },
      status: { phase: "Terminating", conditions: [{ type: "NamespaceDeletionContentFailure", status: "True", lastTransitionTime: "2014-01-15T00:00:00Z", reason: "example reason", message: "example message" }] },
    };
    const quota: KubeObject = {
      apiVersion: "v1",
      kind: "ResourceQuota",
      metadata: { name: "compute", namespace: "team" },
      spec: { scopes: ["NotTerminating"] },
      status: { hard: { "limits.cpu": "2", pods: "10", "requests.memory": "1Gi" }, used: { "limits.cpu": "500m", pods: "1", "requests.memory": "128Mi" } },
    };
    const limits: KubeObject = {
      apiVersion: "v1",
      kind: "LimitRange",
      metadata: { name: "defaults", namespace: "team" },
      spec: { limits: [{ type: "Container", default: { memory: "512Mi", cpu: "500m" }, defaultRequest: { cpu: "250m", memory: "256Mi" } }] },
    };
    const out = describeObject(terminating, fakeContext(NOW, [quota, limits]));
    expect(out).toContain(
      [
        "Status:       Terminating",
        "Conditions:",
        "  Type                             Status  LastTransitionTime               Reason          Message",
        "  ----                             ------  ------------------               ------          -------",
        "  NamespaceDeletionContentFailure  True    Wed, 15 Jan 2014 00:00:00 +0000  example reason  example message",
        "",
        "Resource Quotas",
        "  Name:    compute",
        "  Scopes:  NotTerminating",
        "  * Matches all pods that do not have an active deadline. These pods usually include long running pods whose container command is not expected to terminate.",
        "  Resource         Used   Hard",
        "  --------         ---    ---",
        "  limits.cpu       500m   2",
        "  pods             1      10",
        "  requests.memory  128Mi  1Gi",
        "",
        "Resource Limits",
        " Type       Resource  Min  Max  Default Request  Default Limit  Max Limit/Request Ratio",
        " ----       --------  ---  ---  ---------------  -------------  -----------------------",
        " Container  cpu       -    -    250m             500m           -",
        " Container  memory    -    -    256Mi            512Mi          -",
        "",
      ].join("\n"),
    );
  });
});

describe("describe configmap", () => {
  it("prints data values under their keys, sorted (real output)", async () => {
    const cm: KubeObject = {
      apiVersion: "v1",
      kind: "ConfigMap",
      metadata: { name: "yatri-app-config", namespace: "default", labels: { app: "yatri-backend" } },
      data: { PORT: "5000", ENVIRONMENT: "production", LOG_LEVEL: "INFO", DEFAULT_CURRENCY: "INR", MAX_BOOKING_DAYS: "30" },
    };
    await expectGolden("configmap.txt", describeObject(cm, fakeContext(NOW)));
  });

  // kubectl's TestDescribeConfigMap: binary values show their decoded size.
  it("prints binary data sizes and the configmap's events", () => {
    const cm: KubeObject = { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "mycm", namespace: "foo" }, binaryData: { binarykey1: "//79/Ps=", binarykey2: "//79/Pv6" } };
    const events = [controllerEvent("mycm", "ConfigMap", "tester", "Touched", "configmap touched", "2026-01-27T09:59:00Z")];
    const out = describeObject(cm, fakeContext(NOW, [], events));
    expect(out).toContain("\nBinaryData\n====\nbinarykey1: 5 bytes\nbinarykey2: 6 bytes\n\nEvents:\n");
    expect(out).toContain("  Normal  Touched  60s   tester  configmap touched\n");
  });
});

describe("describe secret", () => {
  it("prints sizes, never values (real output)", async () => {
    const secret: KubeObject = { apiVersion: "v1", kind: "Secret", metadata: { name: "db-user-pass", namespace: "default" }, type: "Opaque", data: { username: "YWRtaW4=", password: "MWYyZDFlMmU2N2Rm" } };
    const out = describeObject(secret, fakeContext(NOW, [], [controllerEvent("db-user-pass", "Secret", "x", "Seen", "never shown", NOW)]));
    await expectGolden("secret.txt", out);
    expect(out).not.toContain("YWRtaW4=");
  });

  it("prints a service account token in full", () => {
    const token: KubeObject = {
      apiVersion: "v1",
      kind: "Secret",
      metadata: { name: "build-robot-secret", namespace: "default", annotations: { "kubernetes.io/service-account.name": "build-robot" } },
      type: "kubernetes.io/service-account-token",
      data: { "ca.crt": "Y2VydA==", namespace: "ZGVmYXVsdA==", token: "ZXlKaGJHY2lPaUpTVXpJMU5pSjkuZXlK" },
    };
    expect(describeObject(token, fakeContext(NOW))).toContain("\nData\n====\nca.crt:     4 bytes\nnamespace:  7 bytes\ntoken:      eyJhbGciOiJSUzI1NiJ9.eyJ\n");
  });
});

describe("describe serviceaccount", () => {
  // kubectl's TestDescribeServiceAccount, expected output verbatim.
  it("marks referenced secrets that do not exist", async () => {
    const sa: KubeObject = { apiVersion: "v1", kind: "ServiceAccount", metadata: { name: "bar", namespace: "foo" }, secrets: [{ name: "test-objectref" }], imagePullSecrets: [{ name: "test-local-ref" }] };
    await expectGolden("serviceaccount.txt", describeObject(sa, fakeContext(NOW)));
  });

  it("lists token secrets bound to the account and existing secrets without a marker", () => {
    const sa: KubeObject = { apiVersion: "v1", kind: "ServiceAccount", metadata: { name: "build-robot", namespace: "default", uid: "sa-uid" }, imagePullSecrets: [{ name: "regcred" }, { name: "gone" }] };
    const secret = (name: string, type: string, annotations: Record<string, string> = {}): KubeObject => ({ apiVersion: "v1", kind: "Secret", metadata: { name, namespace: "default", annotations }, type });
    const objects = [
      secret("regcred", "kubernetes.io/dockerconfigjson"),
      secret("build-robot-token", "kubernetes.io/service-account-token", { "kubernetes.io/service-account.name": "build-robot", "kubernetes.io/service-account.uid": "sa-uid" }),
      secret("stale-token", "kubernetes.io/service-account-token", { "kubernetes.io/service-account.name": "build-robot", "kubernetes.io/service-account.uid": "old-uid" }),
    ];
    expect(describeObject(sa, fakeContext(NOW, objects))).toContain(
      "Image pull secrets:  regcred\n                     gone (not found)\nMountable secrets:   <none>\nTokens:              build-robot-token\nEvents:              <none>\n",
    );
  });
});
