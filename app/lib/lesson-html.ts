/**
 * A lesson's Markdown as HTML for the page: GitHub-flavoured, sanitised (no raw HTML, no
 * scripts, no event handlers), with links to other lessons and images beside the lesson
 * rewritten to the app's URLs, and cut at each exercise block so the page can put the
 * interactive exercise in its place.
 */
import type { Code, Root, RootContent } from "mdast";
import rehypeSanitize from "rehype-sanitize";
import rehypeStringify from "rehype-stringify";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
import { visit } from "unist-util-visit";

export type LessonSegment = { readonly kind: "html"; readonly html: string } | { readonly kind: "exercise"; readonly id: string };

const LESSON_FILE = /^(?:\.\.\/([a-z0-9-]+)\/)?\d{2}-([a-z0-9-]+)\.(?:ko|en)\.md(#.*)?$/;
const EXTERNAL = /^[a-z][a-z0-9+.-]*:|^\/\/|^#/i;

/** Where a relative link or image of a lesson in `chapter` points in the app. */
export function appUrl(url: string, chapter: string, kind: "link" | "image"): string {
  if (EXTERNAL.test(url)) return url;
  const lesson = LESSON_FILE.exec(url);
  if (kind === "link" && lesson) return `/learn/${lesson[1] ?? chapter}/${lesson[2]}${lesson[3] ?? ""}`;
  const clean = url.replace(/^\.\//, "");
  return `/lesson-assets/${chapter}/${clean}`;
}

const toHtml = unified().use(remarkRehype).use(rehypeSanitize).use(rehypeStringify);

function render(nodes: RootContent[]): string {
  const root: Root = { type: "root", children: nodes };
  return String(toHtml.stringify(toHtml.runSync(root)));
}

function exerciseId(node: RootContent): string | undefined {
  if (node.type !== "code" || (node as Code).lang !== "exercise") return undefined;
  return /^id:\s*([a-z0-9-]+)\s*$/m.exec((node as Code).value)?.[1];
}

export function lessonSegments(markdown: string, chapter: string): LessonSegment[] {
  const tree = unified().use(remarkParse).use(remarkGfm).parse(markdown) as Root;
  visit(tree, (node) => {
    if (node.type === "link" || node.type === "image" || node.type === "definition") {
      const n = node as { url: string };
      n.url = appUrl(n.url, chapter, node.type === "image" ? "image" : "link");
    }
  });
  const segments: LessonSegment[] = [];
  let pending: RootContent[] = [];
  const flush = () => {
    if (pending.length) segments.push({ kind: "html", html: render(pending) });
    pending = [];
  };
  for (const node of tree.children) {
    const id = exerciseId(node);
    if (id) {
      flush();
      segments.push({ kind: "exercise", id });
    } else pending.push(node);
  }
  flush();
  return segments;
}
