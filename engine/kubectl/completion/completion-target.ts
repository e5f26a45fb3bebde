/**
 * What kubectl's completion functions talk to, from the flags on the line as `__complete`
 * parsed them (cmdutil.Factory's ToRawKubeConfigLoader): the kubeconfig (`--kubeconfig`,
 * else ~/.kube/config on the learner's host), the namespace (`-n`, else the context's,
 * else default) and the API server of the context's cluster (`--context`, else the current
 * one). Without a kubeconfig or a cluster the lookups find nothing, as kubectl's do.
 */
import type { ApiServer } from "../../api/server";
import type { Vfs } from "../../shell/vfs";
import type { ParsedFlags } from "../flags";
import { str } from "../flags";
import type { Kubeconfig } from "../kubeconfig";
import { KUBECONFIG_PATH, parseKubeconfig } from "../kubeconfig";

/** Where the request runs: the learner's host and the workspace's clusters. */
export interface CompletionHost {
  readonly fs: Vfs;
  readonly cwd: string;
  cluster(name: string): { readonly api: ApiServer } | undefined;
}

export interface CompletionTarget {
  readonly kubeconfig: Kubeconfig | undefined;
  readonly namespace: string;
  readonly api: ApiServer | undefined;
}

export function completionTarget(host: CompletionHost, flags: ParsedFlags): CompletionTarget {
  const file = str(flags, "kubeconfig");
  const read = parseKubeconfig(host.fs.readFile(file ? host.fs.resolve(host.cwd, file) : KUBECONFIG_PATH));
  const kubeconfig = read.ok ? read.value : undefined;
  const contextName = str(flags, "context") || kubeconfig?.["current-context"];
  const context = kubeconfig?.contexts.find((c) => c.name === contextName)?.context;
  return {
    kubeconfig,
    namespace: str(flags, "namespace") || context?.namespace || "default",
    api: context ? host.cluster(context.cluster)?.api : undefined,
  };
}
