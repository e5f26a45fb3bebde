import { describe, expect, it } from "vitest";
import { newProcess, type ShellFlavour } from "./process-state";
import { shellPrompt } from "./prompt";

function proc(flavour: ShellFlavour, cwd: string, vars: { readonly PS1?: string }) {
  return newProcess(["sh"], { HOME: "/root", ...(vars.PS1 === undefined ? {} : { PS1: vars.PS1 }) }, cwd, 0, flavour, 9, { out: { kind: "null" }, err: { kind: "null" } });
}

describe("shellPrompt", () => {
  it.each([
    { flavour: "ash", cwd: "/", vars: {}, want: "/ # " },
    { flavour: "ash", cwd: "/tmp", vars: {}, want: "/tmp # " },
    { flavour: "ash", cwd: "/root/app", vars: {}, want: "~/app # " },
    { flavour: "dash", cwd: "/etc", vars: {}, want: "# " },
    { flavour: "bash", cwd: "/usr/share/nginx/html", vars: {}, want: "root@web:/usr/share/nginx/html# " },
    { flavour: "bash", cwd: "/root", vars: {}, want: "root@web:~# " },
    { flavour: "ash", cwd: "/var/log", vars: { PS1: "[\\u@\\h \\W]\\$ " }, want: "[root@web log]# " },
  ] as const)("$flavour in $cwd", ({ flavour, cwd, vars, want }) => {
    expect(shellPrompt(proc(flavour, cwd, vars), "web")).toBe(want);
  });
});
