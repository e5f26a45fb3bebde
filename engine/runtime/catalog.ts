/**
 * The image catalog: every image the simulated registries hold. An image reference
 * resolves to a family (ImageSpec) and the variant its tag names; anything else does not
 * exist, and registry.ts says how the pull fails.
 */
import { parseImage } from "../api/defaults/image";
import type { ImageSpec, ImageVariant } from "./image-spec";
import { ALPINE, BASH, BUSYBOX, BUSYBOXPLUS, CURL, DEBIAN, E2E_BUSYBOX, GOLANG, K8S_BUSYBOX, NODE, PYTHON, UBUNTU } from "./images/os-images";
import { MARIADB, MEMCACHED, MONGO, MYSQL, POSTGRES, REDIS, STRESS, VISH_STRESS } from "./images/databases";
import { COREDNS, KUBE_APISERVER, KUBE_CONTROLLER_MANAGER, KUBE_PROXY, KUBE_SCHEDULER } from "./images/k8s-components";
import { AGNHOST, ETCD, GOPROXY, LIVENESS, PAUSE } from "./images/k8s-images";
import { NGINX, NGINX_SLIM } from "./images/nginx";
import { ECHOSERVER, HELLO_APP, HPA_EXAMPLE, HTTPD, HTTP_ECHO, KUARD, NGINX_HELLO, SERVE_HOSTNAME, WEBAPP_COLOR, WHOAMI } from "./images/servers";

export const CATALOG: readonly ImageSpec[] = [
  NGINX, NGINX_SLIM, HTTPD, BUSYBOX, K8S_BUSYBOX, E2E_BUSYBOX, BUSYBOXPLUS, ALPINE, UBUNTU, DEBIAN, PYTHON, NODE, GOLANG, CURL, BASH,
  REDIS, POSTGRES, MYSQL, MARIADB, MEMCACHED, MONGO, STRESS, VISH_STRESS,
  PAUSE, LIVENESS, AGNHOST, GOPROXY, ETCD, KUBE_APISERVER, KUBE_CONTROLLER_MANAGER, KUBE_SCHEDULER, KUBE_PROXY, COREDNS,
  HELLO_APP, ECHOSERVER, HTTP_ECHO, WHOAMI, WEBAPP_COLOR, NGINX_HELLO, KUARD, SERVE_HOSTNAME, HPA_EXAMPLE,
];

const BY_REPOSITORY = new Map<string, ImageSpec>(CATALOG.flatMap((spec) => spec.repositories.map((r) => [r, spec] as const)));

export interface ResolvedImage {
  readonly spec: ImageSpec;
  readonly variant: ImageVariant;
  /** `docker.io/library/nginx:1.27.5` (or `…@sha256:…`) */
  readonly normalized: string;
  readonly repository: string;
  readonly tag: string;
}

export type CatalogLookup =
  | { readonly kind: "found"; readonly image: ResolvedImage }
  /** the repository exists but not this tag */
  | { readonly kind: "no-tag"; readonly normalized: string }
  | { readonly kind: "no-repository"; readonly normalized: string; readonly repository: string; readonly tag: string };

/** Looks an image reference up in the catalog. A digest reference resolves to the repository's latest tag. */
export function lookupImage(image: string): CatalogLookup {
  const ref = parseImage(image);
  const normalized = ref.digest ? `${ref.repository}@${ref.digest}` : `${ref.repository}:${ref.tag}`;
  const spec = BY_REPOSITORY.get(ref.repository);
  const tag = ref.digest ? "latest" : ref.tag;
  if (!spec) return { kind: "no-repository", normalized, repository: ref.repository, tag: ref.digest || ref.tag };
  const variant = spec.variant(tag) ?? (ref.digest ? spec.variant(spec.variant("latest") ? "latest" : firstTag(spec)) : undefined);
  if (!variant) return { kind: "no-tag", normalized };
  return { kind: "found", image: { spec, variant, normalized, repository: ref.repository, tag } };
}

function firstTag(spec: ImageSpec): string {
  for (const t of ["latest", "1.0", "0.1", "2.40"]) if (spec.variant(t)) return t;
  return "latest";
}
