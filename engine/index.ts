/**
 * kubelab's simulated Kubernetes: the one public entry of engine/. A Workspace holds a
 * learner's clusters, hosts and shell; it runs what they type and snapshots to plain JSON.
 * Nothing here does I/O or reads the real clock: time and randomness come in as values.
 */
export { Workspace, BASE_HOST } from "./workspace";
export { withoutClockReadings } from "./clock-readings";
export type { WorkspaceSnapshot, WorkspaceOptions, Output, TimeMode } from "./workspace";
export { DEFAULT_CLUSTER } from "./bootstrap";
export type { ClusterShape, NodeShape } from "./bootstrap";
export { Cluster } from "./cluster";
export type { ClusterSnapshot } from "./cluster";
export type { Editor, Terminal, TerminalInput } from "./shell/terminal";
export type { Completion } from "./shell/completion/completion";
export { grade } from "./grader/grade";
export type { GradeScope } from "./grader/target";
export { parseCheck, SUBJECT_KEYS } from "./grader/check";
export type { Check, CheckParse, CheckProblem, Comparator, PodExpect } from "./grader/check";
export type { CheckResult, GradeReport } from "./grader/report";
/** READY, STATUS and RESTARTS of a pod as `kubectl get pods` shows them at `now`. */
export { podSummary } from "./kubectl/printers/columns/pod";
export { seededFrom, randomInt, randomSuffix } from "./random";
export type { RandomState } from "./random";
export { evidence } from "./grader/evidence";
export type { Evidence } from "./grader/evidence";
