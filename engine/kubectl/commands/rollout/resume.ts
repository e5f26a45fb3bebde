/** `kubectl rollout resume` (pkg/cmd/rollout/rollout_resume.go): spec.paused removed from a Deployment. */
import type { CommandSpec } from "../../command";
import { resumer } from "./object-patchers";
import { PATCH_VERB_FLAGS, patchVerbRun } from "./patch-verb";

export const rolloutResumeCommand: CommandSpec = {
  name: "resume",
  short: "Resume a paused resource",
  long: `Resume a paused resource.

 Paused resources will not be reconciled by a controller. By resuming a resource, we allow it to be reconciled again. Currently only deployments support being resumed.`,
  example: `# Resume an already paused deployment
kubectl rollout resume deployment/nginx`,
  use: "RESOURCE",
  flags: PATCH_VERB_FLAGS,
  run: patchVerbRun(resumer, "resumed"),
};
