/**
 * The projected service account token: a JWT shaped like the API server's (header, the
 * claims a learner decodes with base64, a signature), derived from the pod so it is stable.
 */
import type { PodSyncState } from "./pod-sync-state";

function base64url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

export function serviceAccountToken(ps: PodSyncState): string {
  const meta = ps.pod.metadata ?? {};
  const sa = ps.pod.spec?.serviceAccountName ?? "default";
  const iat = Math.floor(ps.now / 1000);
  const header = base64url(JSON.stringify({ alg: "RS256", kid: "kubelab" }));
  const claims = base64url(
    JSON.stringify({
      aud: ["https://kubernetes.default.svc.cluster.local"],
      exp: iat + 3607,
      iat,
      iss: "https://kubernetes.default.svc.cluster.local",
      "kubernetes.io": { namespace: meta.namespace, node: { name: ps.nodeName }, pod: { name: meta.name, uid: meta.uid }, serviceaccount: { name: sa } },
      nbf: iat,
      sub: `system:serviceaccount:${meta.namespace}:${sa}`,
    }),
  );
  const signature = base64url(`${meta.uid}:${sa}:${iat}`).repeat(4).slice(0, 342);
  return `${header}.${claims}.${signature}`;
}
