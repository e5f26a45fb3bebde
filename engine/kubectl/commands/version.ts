/**
 * `kubectl version` (pkg/cmd/version/version.go): client, bundled kustomize and server
 * versions. The build data are those of the released v1.35.0 binaries; the server's
 * version is the tag of the cluster's kube-apiserver image, so an upgraded control plane
 * reports its new version.
 */
import type { KubeObject } from "../../api/object";
import { resourceForKind } from "../../api/resources";
import type { CommandContext, CommandSpec, KubectlEnv } from "../command";
import { fail } from "../errors";
import { bool, str } from "../flags";
import { toYaml } from "../printers/yaml";

const CLIENT_VERSION = "v1.35.0";
const KUSTOMIZE_VERSION = "v5.7.1";
const GIT_COMMIT = "66452049f3d692768c39c797b21b793dce80314e";
const GO_VERSION = "go1.25.5";

/** apimachinery version.Info, fields in Go struct order (as `-o json` prints them). */
function info(gitVersion: string, buildDate: string, server: boolean): Record<string, string> {
  const [major, minor] = gitVersion.replace(/^v/, "").split(".");
  return {
    major,
    minor,
    // the API server reports the version it emulates and the oldest it stays compatible with
    ...(server ? { emulationMajor: major, emulationMinor: minor, minCompatibilityMajor: major, minCompatibilityMinor: String(Number(minor) - 1) } : {}),
    gitVersion,
    gitCommit: GIT_COMMIT,
    gitTreeState: "clean",
    buildDate,
    goVersion: GO_VERSION,
    compiler: "gc",
    platform: "linux/amd64",
  };
}

/** The tag of the kube-apiserver static pod's image, e.g. `v1.35.0`. */
function serverVersion(env: KubectlEnv): string {
  const pods = resourceForKind("Pod");
  const list = pods ? env.api.list(pods, "kube-system", { labelSelector: "component=kube-apiserver" }) : undefined;
  const apiserver: KubeObject | undefined = list?.ok ? list.value[0] : undefined;
  const image = String(((apiserver?.spec as { containers?: { image?: string }[] } | undefined)?.containers ?? [])[0]?.image ?? "");
  const tag = /:(v\d+\.\d+\.\d+)$/.exec(image)?.[1];
  return tag ?? CLIENT_VERSION;
}

/** skew_warning.go: more than one minor version apart. */
function skewWarning(server: string): string | undefined {
  const minor = (v: string) => Number(v.replace(/^v/, "").split(".")[1]);
  const c = minor(CLIENT_VERSION);
  const s = minor(server);
  if (Math.abs(c - s) <= 1) return undefined;
  return `version difference between client (1.${c}) and server (1.${s}) exceeds the supported minor version skew of +/-1`;
}

function run(ctx: CommandContext): number {
  const env = ctx.env;
  const output = str(ctx.flags, "output");
  const clientOnly = bool(ctx.flags, "client");
  if (ctx.args.length && !clientOnly) return fail(env.err, `extra arguments: [${ctx.args.join(" ")}]`);
  if (output !== "" && output !== "yaml" && output !== "json" && output !== "short") return fail(env.err, "--output must be 'yaml', 'json', or 'short'");
  const server = clientOnly ? undefined : serverVersion(env);
  const client = info(CLIENT_VERSION, "2025-12-17T12:39:26Z", false);
  const versions = {
    clientVersion: client,
    kustomizeVersion: KUSTOMIZE_VERSION,
    ...(server ? { serverVersion: info(server, "2025-12-17T12:32:07Z", true) } : {}),
  };
  switch (output) {
    case "":
      env.out(`Client Version: ${CLIENT_VERSION}\nKustomize Version: ${KUSTOMIZE_VERSION}\n${server ? `Server Version: ${server}\n` : ""}`);
      break;
    case "short":
      env.out(`${CLIENT_VERSION}\n${server ? `${server}\n` : ""}`);
      break;
    case "yaml":
      // fmt.Fprintln of text that already ends in a newline
      env.out(toYaml(versions) + "\n");
      break;
    default:
      env.out(JSON.stringify(versions, null, 2) + "\n");
  }
  const warning = server ? skewWarning(server) : undefined;
  if (warning && bool(ctx.flags, "warnings-as-errors")) return fail(env.err, warning);
  if (warning) env.err(`Warning: ${warning}\n`);
  return 0;
}

export const versionCommand: CommandSpec = {
  name: "version",
  group: "Other Commands",
  short: "Print the client and server version information",
  long: "Print the client and server version information for the current context.",
  example: `# Print the client and server versions for the current context
kubectl version`,
  use: "[flags] [options]",
  flags: [
    { name: "client", type: "bool", usage: "If true, shows client version only (no server required)." },
    { name: "output", short: "o", type: "string", usage: "One of 'yaml', 'json', or 'short'." },
  ],
  run,
};
