/** `kubectl rollout pause` (pkg/cmd/rollout/rollout_pause.go): spec.paused set on a Deployment. */
import type { CommandSpec } from "../../command";
import { pauser } from "./object-patchers";
import { PATCH_VERB_FLAGS, patchVerbRun } from "./patch-verb";

export const rolloutPauseCommand: CommandSpec = {
  name: "pause",
  short: "Mark the provided resource as paused",
  long: `Mark the provided resource as paused.

 Paused resources will not be reconciled by a controller. Use "kubectl rollout resume" to resume a paused resource. Currently only deployments support being paused.`,
  example: `# Mark the nginx deployment as paused
# Any current state of the deployment will continue its function; new updates
# to the deployment will not have an effect as long as the deployment is paused
kubectl rollout pause deployment/nginx`,
  use: "RESOURCE",
  flags: PATCH_VERB_FLAGS,
  run: patchVerbRun(pauser, "paused"),
};
