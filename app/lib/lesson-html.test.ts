import { describe, expect, it } from "vitest";
import { appUrl, lessonSegments } from "./lesson-html";

describe("lessonSegments", () => {
  it("renders Markdown and cuts it at exercise blocks", () => {
    const md = "# Pods\n\nA **pod**.\n\n```sh\nkubectl get pods\n```\n\n```exercise\nid: pod-first\ntitle: t\n```\n\nAfter.\n";
    expect(lessonSegments(md, "pods")).toEqual([
      { kind: "html", html: '<h1>Pods</h1>\n<p>A <strong>pod</strong>.</p>\n<pre><code class="language-sh">kubectl get pods\n</code></pre>' },
      { kind: "exercise", id: "pod-first" },
      { kind: "html", html: "<p>After.</p>" },
    ]);
  });

  it("sanitises: no raw HTML, scripts or javascript: links", () => {
    const md = '<script>alert(1)</script>\n\n<img src=x onerror="alert(1)">\n\n[x](javascript:alert(1))\n';
    const html = lessonSegments(md, "pods").map((s) => (s.kind === "html" ? s.html : "")).join("");
    expect(html).not.toMatch(/script|onerror|javascript:/);
  });

  it("renders GitHub tables", () => {
    const [s] = lessonSegments("| a | b |\n|---|---|\n| 1 | 2 |\n", "pods");
    expect(s.kind === "html" && s.html).toContain("<table>");
  });
});

describe("appUrl", () => {
  it.each([
    ["02-labels.ko.md", "link", "/learn/pods/labels"],
    ["02-labels.en.md#selectors", "link", "/learn/pods/labels#selectors"],
    ["../probes/01-why-probes.ko.md", "link", "/learn/probes/why-probes"],
    ["images/pod.svg", "image", "/lesson-assets/pods/images/pod.svg"],
    ["./images/pod.ko.svg", "image", "/lesson-assets/pods/images/pod.ko.svg"],
    ["https://kubernetes.io/docs/", "link", "https://kubernetes.io/docs/"],
    ["#top", "link", "#top"],
  ] as const)("%s (%s) → %s", (url, kind, want) => {
    expect(appUrl(url, "pods", kind)).toBe(want);
  });
});
