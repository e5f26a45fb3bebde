/**
 * Every node's systemd as a controller: it lets time pass for each node's units (a crash
 * loop meeting fixed files) and asks to be woken when the next restart attempt would go
 * differently. It runs whenever a file changed, so an edit is seen at the moment it was made.
 */
import type { Controller } from "../controllers/controller";
import { advanceServices } from "./advance";
import { readServices, writeServices } from "./state";

export const systemdController: Controller = {
  name: "systemd",
  reconcile(ctx) {
    let wrote = false;
    for (const node of ctx.api.store.list("nodes")) {
      const host = node.metadata.name ?? "";
      const fs = ctx.nodeFs(host);
      const state = fs ? readServices(fs) : undefined;
      if (!fs || !state) continue;
      const { state: next, wakeAt } = advanceServices({ fs, host, now: ctx.now() }, state);
      if (next !== state) wrote = writeServices(fs, next) || wrote;
      if (wakeAt !== undefined) ctx.wakeAt(wakeAt, `restart/${host}`);
    }
    return wrote;
  },
};
