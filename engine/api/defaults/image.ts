/** Image references as the kubelet and API server read them (`parsers.ParseImageName`). */

export interface ImageRef {
  /** `docker.io/library/nginx` */
  readonly repository: string;
  readonly tag: string;
  readonly digest: string;
}

/** distribution/reference's grammar, enough to refuse what kubectl refuses. */
const REFERENCE = /^(?:(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)(?:\.(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?))*(?::[0-9]+)?\/)?[a-z0-9]+(?:(?:[._]|__|[-]*)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|[-]*)[a-z0-9]+)*)*(?::[\w][\w.-]{0,127})?(?:@[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,})?$/;

export function isValidImageReference(image: string): boolean {
  return REFERENCE.test(image);
}

export function parseImage(image: string): ImageRef {
  let rest = image;
  let digest = "";
  const at = rest.indexOf("@");
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  let tag = "";
  const colon = rest.lastIndexOf(":");
  if (colon > rest.lastIndexOf("/")) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  const first = rest.split("/")[0];
  const hasRegistry = rest.includes("/") && (first.includes(".") || first.includes(":") || first === "localhost");
  let repository = hasRegistry ? rest : `docker.io/${rest}`;
  if (!hasRegistry && !rest.includes("/")) repository = `docker.io/library/${rest}`;
  if (!tag && !digest) tag = "latest";
  return { repository, tag, digest };
}

/** The name the container runtime reports in `containerStatuses[].image`. */
export function normalizedImage(image: string): string {
  const r = parseImage(image);
  return r.digest ? `${r.repository}@${r.digest}` : `${r.repository}:${r.tag}`;
}

/** SetDefaults_Container: `Always` for `:latest` (or no tag and no digest), else `IfNotPresent`. */
export function defaultPullPolicy(image: string): "Always" | "IfNotPresent" {
  return parseImage(image).tag === "latest" ? "Always" : "IfNotPresent";
}
