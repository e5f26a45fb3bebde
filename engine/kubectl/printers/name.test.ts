import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../api/object";
import { resolveResource, type ResourceType } from "../../api/resources";
import { nameOf, operationMessage } from "./name";

function type(name: string): ResourceType {
  const t = resolveResource(name);
  if (!t) throw new Error(`no resource type ${name}`);
  return t;
}

const obj = (kind: string, name: string): KubeObject => ({ apiVersion: "v1", kind, metadata: { name } });

describe("nameOf", () => {
  it.each([
    ["pods", "nginx", "pod/nginx"],
    ["nodes", "node01", "node/node01"],
    ["deployments", "web", "deployment.apps/web"],
    ["replicasets", "web-5d4f", "replicaset.apps/web-5d4f"],
    ["jobs", "pi", "job.batch/pi"],
    ["cronjobs", "cj", "cronjob.batch/cj"],
    ["serviceaccounts", "default", "serviceaccount/default"],
  ])("%s %s → %s", (resource, name, expected) => {
    expect(nameOf(obj("x", name), type(resource))).toBe(expected);
  });
});

describe("operationMessage", () => {
  it.each([
    ["pods", "created", "none", "pod/nginx created"],
    ["pods", "created", "client", "pod/nginx created (dry run)"],
    ["pods", "created", "server", "pod/nginx created (server dry run)"],
    ["deployments", "scaled", "none", "deployment.apps/nginx scaled"],
    ["jobs", "configured", "client", "job.batch/nginx configured (dry run)"],
  ] as const)("%s %s with dry run %s", (resource, verb, dryRun, expected) => {
    expect(operationMessage(obj("x", "nginx"), type(resource), verb, dryRun)).toBe(expected);
  });
});
