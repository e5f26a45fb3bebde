/**
 * `kubectl describe` for one object, as a pure function of the object, virtual time and
 * the other objects it mentions. The caller joins several objects with a blank line.
 */
import type { KubeObject } from "../../api/object";
import { describeConfigMap } from "./configmap";
import { describeCronJob } from "./cronjob";
import { describeDaemonSet } from "./daemonset";
import { describeDeployment } from "./deployment";
import { describeEndpointSlice } from "./endpoint-slice";
import { describeEndpoints } from "./endpoints";
import { describeGeneric } from "./generic";
import { describeJob } from "./job";
import { describeLimitRange } from "./limit-range";
import { describeNamespace } from "./namespace";
import { describeNode } from "./node";
import { describePod } from "./pod";
import { describeReplicaSet } from "./replicaset";
import { describeResourceQuota } from "./resource-quota";
import { describeSecret } from "./secret";
import { describeService } from "./service";
import { describeServiceAccount } from "./serviceaccount";

/** What a describer may look at besides the object itself. */
export interface DescribeContext {
  /** Virtual time, ms since the epoch: every age is measured against it. */
  now: number;
  /** The Events whose involvedObject is the described object (the caller filters by uid). */
  events: KubeObject[];
  /** Other stored objects of a kind, in one namespace or (namespace omitted) all of them. */
  list(kind: string, namespace?: string): KubeObject[];
  /** `kubectl describe --show-events=false` leaves the Events section out; default true. */
  showEvents?: boolean;
}

type Describer = (obj: KubeObject, ctx: DescribeContext) => string;

/** kubectl's describerMap for the kinds the simulator serves; anything else is described generically. */
const DESCRIBERS: Record<string, Describer> = {
  ConfigMap: describeConfigMap,
  CronJob: describeCronJob,
  DaemonSet: describeDaemonSet,
  Deployment: describeDeployment,
  EndpointSlice: describeEndpointSlice,
  Endpoints: describeEndpoints,
  Job: describeJob,
  LimitRange: describeLimitRange,
  Namespace: describeNamespace,
  Node: describeNode,
  Pod: describePod,
  ReplicaSet: describeReplicaSet,
  ResourceQuota: describeResourceQuota,
  Secret: describeSecret,
  Service: describeService,
  ServiceAccount: describeServiceAccount,
};

/** The describe text of one object; it ends with a newline. */
export function describeObject(obj: KubeObject, ctx: DescribeContext): string {
  return (DESCRIBERS[obj.kind] ?? describeGeneric)(obj, ctx);
}
