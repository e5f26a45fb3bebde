/**
 * `kubectl completion SHELL` (pkg/cmd/completion/completion.go): shell code that wires
 * TAB to `kubectl __complete`, cobra's completion protocol (candidates one a line, then
 * `:<directive>`). The scripts are compact versions of what cobra generates, so
 * `source <(kubectl completion bash)` defines `__start_kubectl` and registers it, which is
 * what the `complete -F __start_kubectl k` line of a CKA ~/.bashrc relies on.
 */
import { goQuote } from "../../api/field-errors";
import type { CommandContext, CommandSpec } from "../command";
import { usageError } from "../errors";

const BOILERPLATE = `
# Copyright 2016 The Kubernetes Authors.
#
# Licensed under the Apache License, Version 2.0 (the "License");
# you may not use this file except in compliance with the License.
# You may obtain a copy of the License at
#
#     http://www.apache.org/licenses/LICENSE-2.0
#
# Unless required by applicable law or agreed to in writing, software
# distributed under the License is distributed on an "AS IS" BASIS,
# WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
# See the License for the specific language governing permissions and
# limitations under the License.
`;

/** cobra's ShellCompDirective bits: 1 error, 2 no space, 4 no file completion. */
const BASH = `# bash completion for kubectl                              -*- shell-script -*-

__kubectl_debug()
{
    if [[ -n \${BASH_COMP_DEBUG_FILE:-} ]]; then
        echo "$*" >> "\${BASH_COMP_DEBUG_FILE}"
    fi
}

# Asks kubectl for the candidates of the word under the cursor; sets out and directive.
__kubectl_get_completion_results()
{
    local requestComp lastParam lastChar args
    args=("\${words[@]:1}")
    requestComp="\${words[0]} __complete \${args[*]}"
    lastParam=\${words[$((\${#words[@]}-1))]}
    lastChar=\${lastParam:$((\${#lastParam}-1)):1}
    if [[ -z "\${cur}" && "\${lastChar}" != "=" ]]; then
        requestComp="\${requestComp} ''"
    fi
    if [[ "\${cur}" == -*=* ]]; then
        cur="\${cur#*=}"
    fi
    __kubectl_debug "Calling \${requestComp}"
    out=$(eval "\${requestComp}" 2>/dev/null)
    directive=\${out##*:}
    out=\${out%%:*}
    if [[ "\${directive}" == "\${out}" ]]; then
        directive=0
    fi
}

__start_kubectl()
{
    local cur prev words cword out directive comp
    COMPREPLY=()
    if declare -F _init_completion >/dev/null 2>&1; then
        _init_completion -n "=:" || return
    else
        cur="\${COMP_WORDS[COMP_CWORD]}"
        words=("\${COMP_WORDS[@]}")
        cword=$COMP_CWORD
    fi
    words=("\${words[@]:0:$cword+1}")
    __kubectl_get_completion_results
    if (((directive & 1) != 0)); then
        return
    fi
    if [[ $(type -t compopt) == "builtin" ]]; then
        (((directive & 2) != 0)) && compopt -o nospace
        (((directive & 4) != 0)) && compopt +o default
    fi
    while IFS='' read -r comp; do
        comp=\${comp%%$'\\t'*}
        [[ -n "$comp" && "$comp" == "$cur"* ]] && COMPREPLY+=("$comp")
    done < <(printf "%s\\n" "\${out}")
}

if [[ $(type -t compopt) == "builtin" ]]; then
    complete -o default -F __start_kubectl kubectl
else
    complete -o default -o nospace -F __start_kubectl kubectl
fi

# ex: ts=4 sw=4 et filetype=sh
`;

const ZSH = `# zsh completion for kubectl                               -*- shell-script -*-

_kubectl()
{
    local -a completions
    local lastParam out directive comp
    local requestComp="\${words[1]} __complete \${words[2,CURRENT]}"
    lastParam=\${words[-1]}
    if [ "\${lastParam[-1]}" = "" ]; then
        requestComp="\${requestComp} \\"\\""
    fi
    out=$(eval \${requestComp} 2>/dev/null)
    directive=\${\${(f)out}[-1]:1}
    for comp in \${(f)out}; do
        [[ "$comp" == :* ]] && continue
        completions+=\${comp/$'\\t'/:}
    done
    if [ $((directive & 1)) -ne 0 ]; then
        return 1
    fi
    _describe "completions" completions
}

# don't run the completion function when being sourced or eval-ed
if [ "$funcstack[1]" = "_kubectl" ]; then
    _kubectl
fi
`;

const FISH = `# fish completion for kubectl                              -*- shell-script -*-

function __kubectl_perform_completion
    set -l args (commandline -opc)
    set -l lastArg (string escape -- (commandline -ct))
    eval $args[1] __complete $args[2..-1] $lastArg 2>/dev/null
end

complete -c kubectl -e
complete -c kubectl -f -a '(__kubectl_perform_completion | string match -v -r "^:")'
`;

const POWERSHELL = `# powershell completion for kubectl                        -*- shell-script -*-

Register-ArgumentCompleter -CommandName 'kubectl' -ScriptBlock {
    param($WordToComplete, $CommandAst, $CursorPosition)
    $Program, $Arguments = "$CommandAst".Split(" ", 2)
    $RequestComp = "& $Program __complete $Arguments"
    if ($WordToComplete -eq "") { $RequestComp = "$RequestComp ''" }
    Invoke-Expression -OutVariable out "$RequestComp" 2>&1 | Out-Null
    $out | Where-Object { $_ -notlike ":*" } | ForEach-Object {
        $name = $_.Split("\`t")[0]
        [System.Management.Automation.CompletionResult]::new($name, $name, 'ParameterValue', $name)
    }
}
`;

const SCRIPTS: Readonly<Record<string, string>> = {
  bash: BOILERPLATE + BASH,
  zsh: "#compdef kubectl\ncompdef _kubectl kubectl\n" + BOILERPLATE + ZSH,
  fish: BOILERPLATE + FISH,
  powershell: BOILERPLATE + POWERSHELL,
};

function run(ctx: CommandContext): number {
  const env = ctx.env;
  if (ctx.args.length === 0) return usageError(env.err, ctx.path, "Shell not specified.");
  if (ctx.args.length > 1) return usageError(env.err, ctx.path, "Too many arguments. Expected only the shell type.");
  const shell = ctx.args[0];
  if (!Object.hasOwn(SCRIPTS, shell)) return usageError(env.err, ctx.path, `Unsupported shell type ${goQuote(shell)}.`);
  env.out(SCRIPTS[shell]);
  return 0;
}

export const completionCommand: CommandSpec = {
  name: "completion",
  group: "Settings Commands",
  short: "Output shell completion code for the specified shell (bash, zsh, fish, or powershell)",
  long: `Output shell completion code for the specified shell (bash, zsh, fish, or powershell). The shell code must be evaluated to provide interactive completion of kubectl commands.  This can be done by sourcing it from the .bash_profile.

 Detailed instructions on how to do this are available here:

    for macOS:
    https://kubernetes.io/docs/tasks/tools/install-kubectl-macos/#enable-shell-autocompletion

    for linux:
    https://kubernetes.io/docs/tasks/tools/install-kubectl-linux/#enable-shell-autocompletion

    for windows:
    https://kubernetes.io/docs/tasks/tools/install-kubectl-windows/#enable-shell-autocompletion

 Note for zsh users: [1] zsh completions are only supported in versions of zsh >= 5.2.`,
  example: `# Installing bash completion on macOS using homebrew
## If running Bash 3.2 included with macOS
brew install bash-completion
## or, if running Bash 4.1+
brew install bash-completion@2
## If kubectl is installed via homebrew, this should start working immediately
## If you've installed via other means, you may need add the completion to your completion directory
kubectl completion bash > $(brew --prefix)/etc/bash_completion.d/kubectl


# Installing bash completion on Linux
## If bash-completion is not installed on Linux, install the 'bash-completion' package
## via your distribution's package manager.
## Load the kubectl completion code for bash into the current shell
source <(kubectl completion bash)
## Write bash completion code to a file and source it from .bash_profile
kubectl completion bash > ~/.kube/completion.bash.inc
printf "
# kubectl shell completion
source '$HOME/.kube/completion.bash.inc'
" >> $HOME/.bash_profile
source $HOME/.bash_profile

# Load the kubectl completion code for zsh[1] into the current shell
source <(kubectl completion zsh)
# Set the kubectl completion code for zsh[1] to autoload on startup
kubectl completion zsh > "\${fpath[1]}/_kubectl"


# Load the kubectl completion code for fish[2] into the current shell
kubectl completion fish | source
# To load completions for each session, execute once:
kubectl completion fish > ~/.config/fish/completions/kubectl.fish

# Load the kubectl completion code for powershell into the current shell
kubectl completion powershell | Out-String | Invoke-Expression
# Set kubectl completion code for powershell to run on startup
## Save completion code to a script and execute in the profile
kubectl completion powershell > $HOME\\.kube\\completion.ps1
Add-Content $PROFILE "$HOME\\.kube\\completion.ps1"
## Execute completion code in the profile
Add-Content $PROFILE "if (Get-Command kubectl -ErrorAction SilentlyContinue) {
kubectl completion powershell | Out-String | Invoke-Expression
}"
## Add completion code directly to the $PROFILE script
kubectl completion powershell >> $PROFILE`,
  use: "SHELL [options]",
  run,
};
