import { readFile } from "node:fs/promises";
import path from "node:path";
import { assetPath } from "../../../lib/course";

// Pictures beside the lessons (SVG and PNG), served from their chapter folder only.

const TYPES: Record<string, string> = { ".svg": "image/svg+xml", ".png": "image/png", ".jpg": "image/jpeg", ".webp": "image/webp" };

export async function GET(_req: Request, ctx: { params: Promise<{ chapter: string; path: string[] }> }): Promise<Response> {
  const { chapter, path: parts } = await ctx.params;
  const file = assetPath(chapter, parts);
  const type = file && TYPES[path.extname(file).toLowerCase()];
  if (!file || !type) return new Response("not found", { status: 404 });
  try {
    // an SVG is shown as an image, never as a document that could run script
    return new Response(await readFile(file), { headers: { "content-type": type, "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'", "cache-control": "public, max-age=3600" } });
  } catch {
    return new Response("not found", { status: 404 });
  }
}
