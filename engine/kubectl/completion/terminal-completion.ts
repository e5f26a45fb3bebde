/**
 * Tab in a workspace's terminal: the learner's shell with kubectl's completion loaded as
 * on a CKA host, where `source <(kubectl completion bash)` registers `__start_kubectl` for
 * `kubectl` and ~/.bashrc's `complete -o default -F __start_kubectl k` for the alias. The
 * script's `kubectl __complete` runs here against the host's kubeconfig and the clusters.
 */
import type { ApiServer } from "../../api/server";
import { cobraCompspec } from "../../shell/completion/cobra-compspec";
import { completeLine } from "../../shell/completion/complete-line";
import type { Completion, CompletionSession } from "../../shell/completion/completion";
import { HOME } from "../../shell/shell-state";
import { completeRequest } from "./complete-request";

export interface TerminalSession extends CompletionSession {
  /** The cluster a kubeconfig cluster entry points at. */
  cluster(name: string): { readonly api: ApiServer } | undefined;
}

export function completeInTerminal(line: string, cursor: number, session: TerminalSession): Completion {
  const st = session.state;
  const fs = session.fs(st.host);
  const host = fs && { fs, cwd: st.cwd[st.host] ?? HOME, cluster: (name: string) => session.cluster(name) };
  const kubectl = cobraCompspec((args) => (host ? completeRequest(args, host) : ""));
  return completeLine(line, cursor, session, { kubectl, k: kubectl });
}
