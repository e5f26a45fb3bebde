/**
 * What pulling an image from its registry gives: the image's id, size and pull time for
 * an image the catalog has, or containerd's error text (as the kubelet prints it after
 * `Failed to pull image "x": `) for one it does not.
 *
 * The rule for images outside the catalog: under docker.io the registry answers
 * "pull access denied" (Docker Hub hides whether a repository exists); under another
 * well-known registry it answers "not found"; any other host does not resolve in DNS.
 */
import { isValidImageReference } from "../api/defaults/image";
import { lookupImage, type ResolvedImage } from "./catalog";

const KNOWN_HOSTS = new Set(["docker.io", "registry.k8s.io", "k8s.gcr.io", "gcr.io", "quay.io", "ghcr.io", "us-docker.pkg.dev", "mcr.microsoft.com", "public.ecr.aws", "registry.gitlab.com", "nvcr.io"]);

/** The node's resolver as containerd sees it (systemd-resolved on the kubeadm hosts). */
const NODE_RESOLVER = "127.0.0.53:53";

export type RegistryAnswer = { readonly ok: true; readonly image: ResolvedImage; readonly imageID: string; readonly durationMs: number } | { readonly ok: false; readonly error: string };

/** A stable sha256-looking digest for a reference: the same image always has the same id. */
function digestOf(text: string): string {
  let out = "";
  for (let seed = 0; out.length < 64; seed++) {
    let h = (0x811c9dc5 ^ Math.imul(seed + 1, 0x9e3779b1)) >>> 0;
    for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
    out += h.toString(16).padStart(8, "0");
  }
  return `sha256:${out.slice(0, 64)}`;
}

/** Pull time: a fixed handshake plus the layers at a steady 40 MB/s. */
function pullDurationMs(sizeBytes: number): number {
  return 350 + Math.round(sizeBytes / 40_000);
}

function notFound(ref: string): string {
  return `rpc error: code = NotFound desc = failed to pull and unpack image "${ref}": failed to resolve reference "${ref}": ${ref}: not found`;
}

function manifestUrl(ref: string, scheme: string): string {
  const at = ref.indexOf("@");
  const colon = ref.lastIndexOf(":");
  const slash = ref.indexOf("/");
  const name = at >= 0 ? ref.slice(slash + 1, at) : ref.slice(slash + 1, colon);
  const reference = at >= 0 ? ref.slice(at + 1) : ref.slice(colon + 1);
  return `${scheme}://${ref.slice(0, slash)}/v2/${name}/manifests/${reference}`;
}

/** Asks the simulated registry for `image` (as written in the pod spec). */
export function resolvePull(image: string): RegistryAnswer {
  if (!isValidImageReference(image)) {
    const repo = image.split(/[:@]/)[0];
    return { ok: false, error: `couldn't parse image name "${image}": invalid reference format${/[A-Z]/.test(repo) ? `: repository name (library/${repo}) must be lowercase` : ""}` };
  }
  const found = lookupImage(image);
  if (found.kind === "found") {
    const imageID = `${found.image.repository}@${digestOf(`${found.image.repository}:${found.image.tag}`)}`;
    return { ok: true, image: found.image, imageID, durationMs: pullDurationMs(found.image.variant.sizeBytes) };
  }
  const ref = found.normalized;
  if (found.kind === "no-tag") return { ok: false, error: notFound(ref) };
  const host = found.repository.split("/")[0];
  const prefix = `failed to pull and unpack image "${ref}": failed to resolve reference "${ref}": `;
  if (host === "docker.io") return { ok: false, error: `${prefix}pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed` };
  if (KNOWN_HOSTS.has(host)) return { ok: false, error: notFound(ref) };
  const hostname = host.replace(/:\d+$/, "");
  const port = /:(\d+)$/.exec(host)?.[1];
  if (hostname === "localhost" || /^\d+\.\d+\.\d+\.\d+$/.test(hostname)) {
    const ip = hostname === "localhost" ? "127.0.0.1" : hostname;
    return { ok: false, error: `${prefix}failed to do request: Head "${manifestUrl(ref, "https")}": dial tcp ${ip}:${port ?? "443"}: connect: connection refused` };
  }
  return { ok: false, error: `${prefix}failed to do request: Head "${manifestUrl(ref, "https")}": dial tcp: lookup ${hostname} on ${NODE_RESOLVER}: no such host` };
}
