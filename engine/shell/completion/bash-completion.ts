/**
 * The completions the bash-completion package (2.11, as on the Ubuntu hosts of a CKA
 * terminal) registers for commands this shell has: `cd` offers directories, `ssh` the known
 * hosts and then a remote command, `sudo` completes the command it runs. Every other
 * command falls back to file names.
 */
import { commandNames } from "./command-names";
import type { CompReply, CompletionRequest, Compspec } from "./completion";
import { NO_REPLY } from "./completion";
import { dequote } from "./quote";

/** bash_completion's `complete -F _cd -o nospace cd pushd`; with CDPATH unset, `_filedir -d`. */
const cd: Compspec = {
  noSpace: true,
  complete: (req) => {
    const dirs = req.files(req.cur, { dirsOnly: true });
    return { words: dirs, filenames: dirs.length > 0 };
  },
};

/** ssh's options that take a value (completions/ssh `_count_args` and the ssh usage). */
const SSH_WITH_VALUE = /^-[BbcDeLpRWEFSIiJlmOoQw]$/;
/** the options whose value is a file, which _ssh completes with `_filedir` */
const SSH_FILE_VALUE = /^-[EFiS]$/;

/** `_known_hosts_real -a`: the ssh targets, and the names in the host's /etc/hosts (`compgen -A hostname`). */
function knownHosts(req: CompletionRequest): string[] {
  const session = req.session;
  const etcHosts = session.fs(session.state.host)?.readFile("/etc/hosts") ?? "";
  const names = etcHosts
    .split("\n")
    .map((l) => l.replace(/#.*/, "").trim().split(/\s+/).slice(1))
    .flat()
    .filter(Boolean);
  return [...new Set([...session.hosts(), ...names])];
}

const ssh: Compspec = {
  complete: (req) => {
    const prev = req.words[req.cword - 1] ?? "";
    if (SSH_FILE_VALUE.test(prev)) {
      const files = req.files(req.cur);
      return { words: files, filenames: files.length > 0 };
    }
    if (SSH_WITH_VALUE.test(prev) || req.cur.startsWith("-")) return NO_REPLY;
    let args = 0;
    for (let i = 1; i < req.cword; i++) {
      if (SSH_WITH_VALUE.test(req.words[i])) i++;
      else if (!req.words[i].startsWith("-")) args++;
    }
    // after the destination comes the command to run there: `compgen -c`
    if (args > 0) return { words: commandNames(req.session, dequote(req.cur)), filenames: true };
    // `root@no`: readline's word starts after the `@`, which stays on the line
    const host = dequote(req.cur.slice(req.cur.lastIndexOf("@") + 1));
    return { words: knownHosts(req).filter((h) => h.startsWith(host)) };
  },
};

/** sudo's options that take a value (completions/sudo). */
const SUDO_WITH_VALUE = /^(-[uUgCp]|--(user|other-user|group|close-from|prompt))$/;

const sudo: Compspec = {
  complete: (req): CompReply => {
    for (let i = 1; i <= req.cword; i++) {
      if (!req.words[i].startsWith("-")) return req.commandAt(i);
      if (SUDO_WITH_VALUE.test(req.words[i])) i++;
    }
    return NO_REPLY;
  },
};

export const BASH_COMPLETION: Readonly<Record<string, Compspec>> = { cd, ssh, sudo };
