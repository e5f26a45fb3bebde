#!/usr/bin/env bash
# Records what real GNU bash, coreutils, grep, sed and mawk print for each case in gnu-cases.txt,
# into gnu-golden.json, which gnu-golden.test.ts replays against the simulated shell.
# Run by hand on a Debian/Ubuntu machine (bash 5.2, coreutils 9.1, grep 3.8, sed 4.9, mawk 1.3.4);
# review the diff before committing. Needs jq.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="$here/gnu-golden.json"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
cases=()
current=""
while IFS= read -r line || [[ -n "$line" ]]; do
  if [[ "$line" == '$ '* ]]; then
    [[ -n "$current" ]] && cases+=("$current")
    current="${line#\$ }"
  elif [[ "$line" == '# '* ]]; then
    continue
  elif [[ -n "$current" ]]; then
    current+=$'\n'"$line"
  fi
done < "$here/gnu-cases.txt"
[[ -n "$current" ]] && cases+=("$current")
jq -n --rawfile fixture "$here/gnu-fixture.sh" '{fixture: $fixture, cases: []}' | head -c -4 > "$out"
n=0
for c in "${cases[@]}"; do
  home="$tmp/home$n"
  mkdir -p "$home"
  (cd "$home" && env -i HOME="$home" PATH=/usr/bin:/bin LANG=C bash --norc --noprofile "$here/gnu-fixture.sh")
  set +e
  (cd "$home/work" && env -i HOME="$home" PATH=/usr/bin:/bin LANG=C bash --norc --noprofile -c "$c" > "$tmp/out" 2> "$tmp/err" < /dev/null)
  status=$?
  set -e
  [[ $n -gt 0 ]] && echo "," >> "$out"
  jq -n --arg cmd "$c" --rawfile stdout "$tmp/out" --rawfile stderr "$tmp/err" --argjson status "$status" \
    '{cmd: $cmd, stdout: $stdout, stderr: $stderr, status: $status}' >> "$out"
  n=$((n + 1))
done
echo "]}" >> "$out"
echo "recorded $n cases into $out"
