import { describe, expect, it } from "vitest";
import { checkCourse } from "./check-course";
import { loadCourse } from "./course";
import { parseLesson } from "./lesson";
import { formatProblem } from "./problem";

const T = "lessons/loader/testdata";

async function problemsOf(name: string): Promise<string[]> {
  const { course, problems } = loadCourse(`${T}/${name}`);
  const checked = await checkCourse(course);
  return [...problems, ...checked.problems].map(formatProblem);
}

const NO_TROUBLESHOOTING = (name: string) => `${T}/${name}/basics/chapter.yaml:1: chapter basics has no troubleshooting exercise (kind: troubleshooting)`;

describe("kubelab lessons check", () => {
  const cases: { name: string; problems: string[] }[] = [
    { name: "good", problems: [] },
    {
      name: "passes-before",
      problems: [
        NO_TROUBLESHOOTING("passes-before"),
        ...["ko", "en"].map(
          (l) =>
            `${T}/passes-before/basics/01-first.${l}.md:15: exercise too-easy: check 1 passes before the solution ran (pod "web" in namespace "default" exists); make it stricter, or mark it passesBeforeSolution: true if it guards what must stay`,
        ),
      ],
    },
    {
      name: "wrong-solution",
      problems: [
        NO_TROUBLESHOOTING("wrong-solution"),
        ...["ko", "en"].map((l) => `${T}/wrong-solution/basics/01-first.${l}.md:14: exercise wrong-solution: check 1 fails after the solution: expected {.spec.containers[0].image} "nginx:1.25", found "nginx:1.27"`),
      ],
    },
    {
      name: "bad-yaml",
      problems: ["en", "ko"].flatMap((l) => [
        `${T}/bad-yaml/basics/01-first.${l}.md:14: exercise block is not valid YAML: Flow map in block collection must be sufficiently indented and end with a }`,
        `${T}/bad-yaml/basics/01-first.${l}.md:25: exercise bad-check: checks[0].expect.phase: Invalid option: expected one of "Pending"|"Running"|"Succeeded"|"Failed"|"Unknown"`,
      ]),
    },
    { name: "locale-mismatch", problems: [`${T}/locale-mismatch/basics/01-first.en.md:7: exercise run-web: 1 checks, but 2 in ${T}/locale-mismatch/basics/01-first.ko.md`] },
    {
      name: "references",
      problems: [
        `${T}/references/basics/01-first.ko.md:5: image images/missing.svg points at ${T}/references/basics/images/missing.svg, which does not exist`,
        `${T}/references/basics/02-next.ko.md:1: lesson next has no en file (02-next.en.md)`,
      ],
    },
  ];
  it.each(cases)("$name", async ({ name, problems }) => {
    expect(await problemsOf(name)).toEqual(problems);
  });

  it("records both grades of a clean proof: failing before, passing after", async () => {
    const { course } = loadCourse(`${T}/good`);
    const { proofs } = await checkCourse(course, { only: "run-web" });
    expect(proofs.map((p) => [p.before.passed, p.before.score, p.after?.passed])).toEqual([
      [false, 0.5, true],
      [false, 0.5, true],
    ]);
  });
});

describe("parseLesson", () => {
  const cases: { name: string; file: string; text: string; problems: string[] }[] = [
    { name: "a badly named file", file: "01_pods.ko.md", text: "---\ntitle: x\n---\n", problems: ["f:1: a lesson file is named NN-slug.ko.md or NN-slug.en.md (e.g. 01-what-is-a-pod.ko.md), not 01_pods.ko.md"] },
    { name: "no front matter", file: "01-pods.ko.md", text: "# Pods\n", problems: ["f:1: a lesson starts with front matter: a --- line, `title: ...`, and another --- line"] },
    { name: "front matter without a title", file: "01-pods.ko.md", text: "---\nminutes: 5\n---\n", problems: ["f:2: front matter: title: Invalid input: expected string, received undefined"] },
    { name: "an unknown front matter key", file: "01-pods.ko.md", text: "---\ntitle: x\nauthor: y\n---\n", problems: ['f:2: front matter: (top): Unrecognized key: "author"'] },
    {
      name: "an exercise missing its solution, reported on its line",
      file: "01-pods.ko.md",
      text: "---\ntitle: x\n---\n\ntext\n\n```exercise\nid: a\ntitle: t\nchecks:\n  - exists: {kind: pod, name: a}\n    message: m\nhints: [h]\n```\n",
      problems: ["f:8: exercise a: solution: Invalid input: expected string, received undefined"],
    },
  ];
  it.each(cases)("$name", ({ file, text, problems }) => {
    expect(parseLesson(text, "f", file).problems.map(formatProblem)).toEqual(problems);
  });

  it("reads exercises, their lines and references", () => {
    const text = "---\ntitle: Pods\nminutes: 5\n---\n\n![p](images/p.svg)\n\n```exercise\nid: a\ntitle: t\nsolution: kubectl run a --image=nginx:1.27\nchecks:\n  - exists: {kind: pod, name: a}\n    message: m\nhints: [h]\n```\n";
    const { lesson, problems } = parseLesson(text, "f", "03-pods.en.md");
    expect(problems).toEqual([]);
    expect(lesson).toMatchObject({ order: 3, slug: "pods", locale: "en", title: "Pods", minutes: 5, references: [{ kind: "image", url: "images/p.svg", line: 6 }] });
    expect(lesson?.exercises.map((e) => ({ id: e.id, line: e.line, checkLines: e.checkLines, kind: e.kind, wait: e.wait, setup: e.setup }))).toEqual([{ id: "a", line: 8, checkLines: [13], kind: "task", wait: 0, setup: "" }]);
  });
});
