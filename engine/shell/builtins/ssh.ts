import { HOME } from "../shell-state";
import type { Builtin, BuiltinContext } from "./builtin";

const USAGE = `usage: ssh [-46AaCfGgKkMNnqsTtVvXxYy] [-B bind_interface] [-b bind_address]
           [-c cipher_spec] [-D [bind_address:]port] [-E log_file]
           [-e escape_char] [-F configfile] [-I pkcs11] [-i identity_file]
           [-J destination] [-L address] [-l login_name] [-m mac_spec]
           [-O ctl_cmd] [-o option] [-P tag] [-p port] [-R address]
           [-S ctl_path] [-W host:port] [-w local_tun[:remote_tun]]
           destination [command [argument ...]]
`;

/** ssh options that take a value, so `ssh -o X=y node01` finds the destination. */
const WITH_VALUE = new Set("BbcDEeFIiJLlmOoPpRSWw".split(""));

function switchHost(b: BuiltinContext, host: string): void {
  const st = b.sh.st;
  st.host = host;
  st.cwd[host] = HOME;
  st.vars.HOSTNAME = host;
  st.vars.PWD = HOME;
}

/** `exit` in an ssh session: back to the host ssh was typed on, with ssh's goodbye lines. */
export function leaveSsh(b: BuiltinContext): void {
  const st = b.sh.st;
  const left = st.host;
  const back = st.sshStack.pop() ?? left;
  st.host = back;
  st.vars.HOSTNAME = back;
  st.vars.PWD = st.cwd[back] ?? HOME;
  b.stderr(`logout\nConnection to ${left} closed.\n`);
}

/** `ssh node01` moves the prompt to that host; `ssh node01 cmd...` runs cmd there and comes back. */
export const ssh: Builtin = async (b) => {
  const args = b.argv.slice(1);
  let i = 0;
  for (; i < args.length && args[i].startsWith("-"); i++) {
    const flag = args[i].slice(1);
    if (flag.length === 1 && WITH_VALUE.has(flag)) i++;
  }
  const dest = args[i];
  if (dest === undefined) {
    b.stderr(USAGE);
    return 255;
  }
  const host = dest.replace(/^[^@]*@/, "");
  if (!b.sh.host.hosts().includes(host) || !b.sh.host.fs(host)) {
    b.stderr(`ssh: Could not resolve hostname ${host}: Name or service not known\n`);
    return 255;
  }
  const command = args.slice(i + 1).join(" ");
  const sh = b.sh;
  if (command === "") {
    sh.st.sshStack.push(sh.st.host);
    switchHost(b, host);
    return 0;
  }
  const from = sh.st.host;
  const cwd = sh.st.cwd[host];
  switchHost(b, host);
  const status = await sh.subshell(() => sh.runText(command, b.ctx.io));
  sh.st.host = from;
  sh.st.vars.HOSTNAME = from;
  sh.st.vars.PWD = sh.st.cwd[from] ?? HOME;
  if (cwd === undefined) delete sh.st.cwd[host];
  else sh.st.cwd[host] = cwd;
  return status;
};
