import type { Builtin } from "./builtin";

const HELP = `kubelab shell: a bash subset on a simulated cluster.

Syntax:     pipes |, && || ; !, redirections > >> < 2> 2>&1 &> <<EOF <<<,
            $VAR \${VAR:-x} $? $(...) \`...\` <(...) $((...)), globs * ? [..], {a,b},
            if/for/while/until/case, functions, [ ] and [[ ]], aliases
Builtins:   alias unalias cd pwd echo printf export unset local declare read source .
            eval exec exit return break continue shift set test [ type which command
            history help complete shopt trap let true false : env xargs bash sh ssh sudo
Programs:   kubectl cat ls mkdir rm rmdir cp mv chmod touch grep sed awk head tail
            wc sort uniq cut tr base64 tee sleep date seq clear basename dirname
            hostname whoami uname
Hosts:      ssh <node> to open a shell on a node, exit to come back
`;

export const help: Builtin = async (b) => {
  b.stdout(HELP);
  return 0;
};
