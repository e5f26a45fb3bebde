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

/** From the kubelet's start to its first node status: it registers within about a second. */
export const STATUS_AFTER_START_MS = 1000;

/** The runtime counts as down once it has not answered this long (the kubelet's runtime sync threshold). */
export const RUNTIME_DOWN_AFTER_MS = 30_000;

/** How often a running kubelet posts its node's status (nodeStatusUpdateFrequency). */
export const STATUS_UPDATE_MS = 10_000;

/** A status that did not change is still posted this often (nodeStatusReportFrequency). */
export const STATUS_REPORT_MS = 5 * 60_000;
