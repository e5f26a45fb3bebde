/**
 * The API server keeps the `kubernetes` Service in `default` pointing at itself and
 * puts it back if someone deletes it.
 */
import { resourceForKind } from "../api/resources";
import type { Controller } from "./controller";

export const kubernetesService: Controller = {
  name: "kubernetes-service",
  reconcile(ctx) {
    if (ctx.api.store.get("services", "default", "kubernetes") || !ctx.api.store.get("namespaces", undefined, "default")) return false;
    const services = resourceForKind("Service");
    if (!services) return false;
    return ctx.api.create(services, "default", {
      metadata: { name: "kubernetes", labels: { component: "apiserver", provider: "kubernetes" } },
      spec: { clusterIP: "10.96.0.1", ports: [{ name: "https", port: 443, protocol: "TCP", targetPort: 6443 }], sessionAffinity: "None", type: "ClusterIP" },
    }).ok;
  },
};
