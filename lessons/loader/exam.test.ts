import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseExam, placeholdersIn, substitute } from "./exam";

const TINY = readFileSync(new URL("./testdata/exams/tiny-mock.yaml", import.meta.url), "utf8");
const FILE = "lessons/exams/tiny-mock.yaml";

function problems(text: string, file = FILE): string[] {
  const r = parseExam(text, file);
  return r.ok ? [] : r.problems.map((p) => `${p.line}: ${p.message}`);
}

describe("parseExam", () => {
  it("reads the tiny mock with its defaults and lines", () => {
    const r = parseExam(TINY, FILE);
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.exam).toMatchObject({ id: "tiny-mock", durationMinutes: 20, passMark: 60, access: "ssh" });
    expect(r.exam.clusters).toEqual([
      { name: "cka1111", workers: 1 },
      { name: "cka2222", workers: 2 },
    ]);
    expect(r.exam.tasks.map((t) => [t.id, t.weight, t.line])).toEqual([
      ["run-pod", 40, 14],
      ["port-file", 35, 31],
      ["cordon", 25, 44],
    ]);
    expect(r.exam.tasks[0].checkLines).toEqual([26, 28]);
  });

  it.each([
    ["weights that do not add up to 100", TINY.replace("weight: 25", "weight: 20"), ["14: task weights add up to 95; they must add up to 100"]],
    ["a task on an undeclared cluster", TINY.replace("cluster: cka2222\n    weight: 25", "cluster: cka9999\n    weight: 25"), ['45: task cordon: no cluster "cka9999" (the exam declares cka1111, cka2222)']],
    ["an undeclared placeholder", TINY.replace("echo {{port}}", "echo {{prot}}"), ["31: task port-file: {{prot}} is not a declared parameter"]],
    ["a task id used twice", TINY.replace("id: cordon", "id: run-pod"), ['44: task id "run-pod" is used twice']],
    ["a task parameter shadowing an exam one", TINY.replace("name: {pick: [web, api, cache]}", "ns: {pick: [a, b]}"), ['18: task run-pod: parameter "ns" is already declared for the whole exam', "14: task run-pod: {{name}} is not a declared parameter"]],
    ["a pick with one value", TINY.replace("{pick: [shop, team-a, web]}", "{pick: [shop]}"), ["12: params.ns.pick: pick needs at least two values to draw from"]],
    ["an upside-down range", TINY.replace("[30000, 30099]", "[30099, 30000]"), ["35: tasks.1.params.port: range is [lowest, highest] with lowest < highest"]],
    ["a missing solution", TINY.replace("    solution: kubectl cordon cka2222-node2\n", ""), ["44: tasks.2.solution: Invalid input: expected string, received undefined"]],
    ["an unknown access", TINY.replace("access: ssh", "access: telnet"), ['6: access: Invalid option: expected one of "ssh"|"context"']],
  ])("reports %s on its line", (_what, text, expected) => {
    expect(problems(text)).toEqual(expected);
  });

  it("takes its id from the file name, which must be an id", () => {
    expect(problems(TINY, "lessons/exams/Tiny Mock.yaml")).toEqual(['1: the file name "Tiny Mock" is not an exam id: lower-case words joined by hyphens, like cka-mock-1']);
  });

  it("reports YAML syntax errors with their line", () => {
    expect(problems("title: {ko: a, en: b\nclusters: []\n")).toHaveLength(1);
    expect(problems("title: {ko: a, en: b\nclusters: []\n")[0]).toMatch(/^\d+: not valid YAML: /);
  });
});

describe("placeholders", () => {
  it("finds every {{name}} in nested strings", () => {
    expect([...placeholdersIn({ a: "{{x}}-{{ y }}", b: ["{{z}}", 3, { c: "no" }] })]).toEqual(["x", "y", "z"]);
  });

  it("substitutes strings and keeps a lone numeric placeholder a number", () => {
    expect(substitute({ equals: "{{port}}", text: "port {{port}} on {{name}}", keep: "{{other}}", n: 2 }, { port: 30001, name: "web" })).toEqual({
      equals: 30001,
      text: "port 30001 on web",
      keep: "{{other}}",
      n: 2,
    });
    expect(substitute("{{name}}", { name: "web" })).toBe("web");
  });
});
