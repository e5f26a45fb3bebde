import type { KubeObject } from "../../api/object";

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
