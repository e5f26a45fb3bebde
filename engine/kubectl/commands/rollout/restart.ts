/** `kubectl rollout restart` (pkg/cmd/rollout/rollout_restart.go): a restartedAt annotation on the pod template. */
import type { CommandSpec } from "../../command";
import { restarter } from "./object-patchers";
import { PATCH_VERB_FLAGS, patchVerbRun } from "./patch-verb";

export const rolloutRestartCommand: CommandSpec = {
  name: "restart",
  short: "Restart a resource",
  long: `Restart a resource.

        Resource rollout will be restarted.`,
  example: `# Restart all deployments in the test-namespace namespace
kubectl rollout restart deployment -n test-namespace

# Restart a deployment
kubectl rollout restart deployment/nginx

# Restart a daemon set
kubectl rollout restart daemonset/abc

# Restart deployments with the app=nginx label
kubectl rollout restart deployment --selector=app=nginx`,
  use: "RESOURCE",
  flags: PATCH_VERB_FLAGS,
  run: patchVerbRun(restarter, "restarted"),
};
