/**
 * Test-only helpers: a DescribeContext over a fixed set of objects, and golden files in
 * testdata/. Golden files hold real kubectl output (or text derived line by line from
 * describe.go); UPDATE_GOLDEN=1 rewrites them, and the diff must then be read against kubectl.
 */
import type { KubeObject } from "../../api/object";
import type { DescribeContext } from "./describe-object";

export function fakeContext(now: string, objects: readonly KubeObject[] = [], events: readonly KubeObject[] = []): DescribeContext {
  return {
    now: Date.parse(now),
    events: [...events],
    list: (kind, namespace) => objects.filter((o) => o.kind === kind && (namespace === undefined || o.metadata.namespace === namespace)),
  };
}

/** A kubelet-style core/v1 Event about a pod's container. */
export function kubeletEvent(pod: string, container: string | undefined, reason: string, message: string, first: string, opts: { type?: string; count?: number; last?: string } = {}): KubeObject {
  return {
    apiVersion: "v1",
    kind: "Event",
    metadata: { name: `${pod}.${reason}`, namespace: "default" },
    involvedObject: { kind: "Pod", name: pod, namespace: "default", ...(container ? { fieldPath: `spec.containers{${container}}` } : {}) },
    reason,
    message,
    source: { component: "kubelet", host: "node01" },
    firstTimestamp: first,
    lastTimestamp: opts.last ?? first,
    count: opts.count ?? 1,
    type: opts.type ?? "Normal",
  };
}

/** An events.k8s.io-style Event (eventTime set, no source) as the scheduler and controllers record them. */
export function controllerEvent(name: string, kind: string, controller: string, reason: string, message: string, eventTime: string, opts: { type?: string } = {}): KubeObject {
  return {
    apiVersion: "v1",
    kind: "Event",
    metadata: { name: `${name}.${reason}`, namespace: "default" },
    involvedObject: { kind, name, namespace: "default" },
    reason,
    message,
    source: {},
    eventTime,
    reportingComponent: controller,
    type: opts.type ?? "Normal",
  };
}
