/**
 * Service links (pkg/kubelet/envvars): `<SVC>_SERVICE_HOST`, `<SVC>_PORT_80_TCP_ADDR` and
 * friends for every service of the pod's namespace with a cluster IP, and always for the
 * `kubernetes` service of the default namespace.
 */
import type { Service } from "kubernetes-types/core/v1";
import type { ApiServer } from "../../api/server";

const envName = (s: string) => s.toUpperCase().replace(/-/g, "_");

function serviceVars(svc: Service): Record<string, string> {
  const ip = svc.spec?.clusterIP ?? "";
  const ports = svc.spec?.ports ?? [];
  const prefix = envName(svc.metadata?.name ?? "");
  const out: Record<string, string> = { [`${prefix}_SERVICE_HOST`]: ip };
  if (ports.length) out[`${prefix}_SERVICE_PORT`] = String(ports[0].port);
  for (const p of ports) if (p.name) out[`${prefix}_SERVICE_PORT_${envName(p.name)}`] = String(p.port);
  ports.forEach((p, i) => {
    const proto = (p.protocol ?? "TCP").toLowerCase();
    const url = `${proto}://${ip}:${p.port}`;
    if (i === 0) out[`${prefix}_PORT`] = url;
    const pp = `${prefix}_PORT_${p.port}_${proto.toUpperCase()}`;
    Object.assign(out, { [pp]: url, [`${pp}_PROTO`]: proto, [`${pp}_PORT`]: String(p.port), [`${pp}_ADDR`]: ip });
  });
  return out;
}

export function serviceEnv(api: ApiServer, namespace: string, enableServiceLinks: boolean): Record<string, string> {
  const chosen = new Map<string, Service>();
  for (const o of api.store.list("services")) {
    const svc = o as unknown as Service;
    const ip = svc.spec?.clusterIP;
    if (!ip || ip === "None") continue;
    const name = svc.metadata?.name ?? "";
    if (svc.metadata?.namespace === "default" && name === "kubernetes") {
      if (!chosen.has(name)) chosen.set(name, svc);
    } else if (svc.metadata?.namespace === namespace && enableServiceLinks) {
      chosen.set(name, svc);
    }
  }
  const out: Record<string, string> = {};
  for (const name of [...chosen.keys()].sort()) Object.assign(out, serviceVars(chosen.get(name) as Service));
  return out;
}
