/**
 * Per-resource REST strategy, like each registry `strategy.go`: how an object is
 * defaulted on create, validated on create and update, and which parts the main
 * resource may write (status belongs to the status subresource).
 */
import type { RandomState } from "../random";
import type { StatusCause } from "./errors";
import type { Allocations } from "./defaults/core";
import { defaultNamespace, defaultSecret, defaultService } from "./defaults/core";
import { canonicalizeCronJob, canonicalizeLimitRange, canonicalizePod, canonicalizeResourceQuota, canonicalizeTemplate } from "./canonical-quantities";
import { defaultLimitRange } from "./defaults/limit-range";
import { defaultPod, preparePodForCreate } from "./defaults/pod";
import { defaultCronJob, defaultDaemonSet, defaultDeployment, defaultJob, defaultReplicaSet } from "./defaults/workloads";
import { validateConfigMap, validateEvent, validateNamespace, validateNode, validateSecret, validateService, validateServiceAccount } from "./validation/core";
import { validateEndpoints, validateEndpointSlice } from "./validation/endpoints";
import { validateLimitRange } from "./validation/limit-range";
import { validatePod, validatePodUpdate } from "./validation/pod";
import { validateResourceQuota, validateResourceQuotaUpdate } from "./validation/resource-quota";
import { validateCronJob, validateDaemonSet, validateDeployment, validateJob, validateReplicaSet, validateSelectorUnchanged } from "./validation/workloads";

type Obj = Record<string, unknown>;

export interface CreateContext {
  readonly random: RandomState;
  readonly uid: string;
  readonly allocations: () => Allocations;
}

export interface Strategy {
  /** spec changes bump metadata.generation */
  readonly generation: boolean;
  /** status is written only through the status subresource */
  readonly statusSubresource: boolean;
  readonly defaults: (o: Obj, ctx: CreateContext) => void;
  /** PrepareForCreate's part that needs what mutating admission set */
  readonly prepareForCreate: (o: Obj) => void;
  readonly validate: (o: Obj) => StatusCause[];
  readonly validateUpdate: (next: Obj, prev: Obj) => StatusCause[];
  /** after validation: values put in the form the server stores them in */
  readonly canonicalize: (o: Obj) => void;
}

const none = () => undefined;

function strategy(s: Partial<Strategy> & Pick<Strategy, "validate">): Strategy {
  return { generation: false, statusSubresource: false, defaults: none, prepareForCreate: none, validateUpdate: (n) => s.validate(n), canonicalize: none, ...s };
}

const withImmutableSelector = (validate: (o: Obj) => StatusCause[]) => (next: Obj, prev: Obj) => [...validate(next), ...validateSelectorUnchanged(next, prev)];

export const STRATEGIES: Readonly<Record<string, Strategy>> = {
  pods: strategy({ generation: true, statusSubresource: true, defaults: (o, c) => defaultPod(o, c.random), prepareForCreate: preparePodForCreate, validate: validatePod, validateUpdate: validatePodUpdate, canonicalize: canonicalizePod }),
  nodes: strategy({ statusSubresource: true, validate: validateNode }),
  namespaces: strategy({ statusSubresource: true, defaults: defaultNamespace, validate: validateNamespace }),
  events: strategy({ validate: validateEvent }),
  limitranges: strategy({ defaults: defaultLimitRange, validate: validateLimitRange, canonicalize: canonicalizeLimitRange }),
  resourcequotas: strategy({ statusSubresource: true, validate: validateResourceQuota, validateUpdate: validateResourceQuotaUpdate, canonicalize: canonicalizeResourceQuota }),
  configmaps: strategy({ validate: validateConfigMap }),
  endpoints: strategy({ validate: validateEndpoints }),
  endpointslices: strategy({ generation: true, validate: validateEndpointSlice }),
  secrets: strategy({ defaults: defaultSecret, validate: validateSecret }),
  serviceaccounts: strategy({ validate: validateServiceAccount }),
  services: strategy({ statusSubresource: true, defaults: (o, c) => defaultService(o, c.random, c.allocations()), validate: validateService }),
  deployments: strategy({ generation: true, statusSubresource: true, defaults: defaultDeployment, validate: validateDeployment, validateUpdate: withImmutableSelector(validateDeployment), canonicalize: canonicalizeTemplate }),
  replicasets: strategy({ generation: true, statusSubresource: true, defaults: defaultReplicaSet, validate: validateReplicaSet, validateUpdate: withImmutableSelector(validateReplicaSet), canonicalize: canonicalizeTemplate }),
  daemonsets: strategy({ generation: true, statusSubresource: true, defaults: defaultDaemonSet, validate: validateDaemonSet, validateUpdate: withImmutableSelector(validateDaemonSet), canonicalize: canonicalizeTemplate }),
  jobs: strategy({ generation: true, statusSubresource: true, defaults: (o, c) => defaultJob(o, c.uid), validate: validateJob, validateUpdate: withImmutableSelector(validateJob), canonicalize: canonicalizeTemplate }),
  cronjobs: strategy({ generation: true, statusSubresource: true, defaults: defaultCronJob, validate: validateCronJob, canonicalize: canonicalizeCronJob }),
};
