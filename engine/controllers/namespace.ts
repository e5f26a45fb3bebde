/**
 * Namespace lifecycle: every namespace gets its `default` ServiceAccount and the
 * `kube-root-ca.crt` ConfigMap (serviceaccount and root-ca-cert-publisher controllers);
 * a terminating namespace has its content deleted, then goes.
 */
import type { KubeObject } from "../api/object";
import { RESOURCE_TYPES, resourceForKind } from "../api/resources";
import type { Controller, ControllerContext } from "./controller";

const CA_CERT = "-----BEGIN CERTIFICATE-----\nMIIDBTCCAe2gAwIBAgIIKubelabCAwDQYJKoZIhvcNAQELBQAwFTETMBEGA1UEAxMK\na3ViZXJuZXRlczAeFw0yNjAxMDEwMDAwMDBaFw0zNjAxMDEwMDAwMDBaMBUxEzAR\nBgNVBAMTCmt1YmVybmV0ZXMwggEiMA0GCSqGSIb3DQEBAQUAA4IBDwAwggEKAoIB\n-----END CERTIFICATE-----\n";

function ensureNamespaceDefaults(ctx: ControllerContext, ns: KubeObject): boolean {
  const name = ns.metadata.name ?? "";
  let wrote = false;
  const sa = resourceForKind("ServiceAccount");
  const cm = resourceForKind("ConfigMap");
  if (!sa || !cm) return false;
  if (!ctx.api.store.get("serviceaccounts", name, "default")) {
    wrote = ctx.api.create(sa, name, { apiVersion: "v1", kind: "ServiceAccount", metadata: { name: "default", namespace: name } }).ok || wrote;
  }
  if (!ctx.api.store.get("configmaps", name, "kube-root-ca.crt")) {
    const r = ctx.api.create(cm, name, {
      apiVersion: "v1",
      kind: "ConfigMap",
      metadata: { name: "kube-root-ca.crt", namespace: name, annotations: { "kubernetes.io/description": "Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. No other usage is guaranteed across distributions of Kubernetes clusters." } },
      data: { "ca.crt": CA_CERT },
    });
    wrote = r.ok || wrote;
  }
  return wrote;
}

function drain(ctx: ControllerContext, ns: KubeObject): boolean {
  const name = ns.metadata.name ?? "";
  let remaining = 0;
  let wrote = false;
  for (const t of RESOURCE_TYPES) {
    if (!t.namespaced) continue;
    for (const o of ctx.api.store.list(t.plural, name)) {
      remaining++;
      if (!o.metadata.deletionTimestamp) {
        ctx.api.delete(t, name, o.metadata.name ?? "");
        wrote = true;
      }
    }
  }
  if (remaining === 0) {
    const nsType = resourceForKind("Namespace");
    if (nsType) ctx.api.finalize(nsType, ns);
    return true;
  }
  return wrote;
}

export const namespaceController: Controller = {
  name: "namespace",
  reconcile(ctx) {
    let wrote = false;
    for (const ns of ctx.api.store.list("namespaces")) {
      wrote = (ns.metadata.deletionTimestamp ? drain(ctx, ns) : ensureNamespaceDefaults(ctx, ns)) || wrote;
    }
    return wrote;
  },
};
