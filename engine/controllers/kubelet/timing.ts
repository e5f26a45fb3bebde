/**
 * How long the kubelet's own steps take on a real node, in virtual ms: what makes
 * `ContainerCreating`, `Error` before `CrashLoopBackOff`, and `Terminating` visible.
 */

/** Creating the pod sandbox and its network. */
export const SANDBOX_MS = 1000;

/** The kubelet acts on a container's exit at its next PLEG relist, about a second later. */
export const PLEG_RELIST_MS = 1000;

/** After a failed start the pod worker syncs the pod again 10 s later (kubelet backOffPeriod). */
export const RESYNC_AFTER_ERROR_MS = 10_000;
