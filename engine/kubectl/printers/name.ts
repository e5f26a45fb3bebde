/**
 * `-o name` and the one-line result of a mutating verb (cli-runtime NamePrinter):
 * `<kind>[.<group>]/<name>`, optionally followed by the verb kubectl performed.
 */

import type { KubeObject } from "../../api/object";
import { qualifiedKind, type ResourceType } from "../../api/resources";

export type DryRunStrategy = "none" | "client" | "server";

/** `pod/nginx`, `deployment.apps/web`; the line without its newline. */
export function nameOf(obj: KubeObject, type: ResourceType): string {
  return `${qualifiedKind(type)}/${obj.metadata.name ?? ""}`;
}

/**
 * `pod/nginx created`, `pod/nginx created (dry run)`, `pod/nginx created (server dry run)`:
 * PrintFlagsWithDryRunStrategy appends the dry-run marker to the verb.
 */
export function operationMessage(obj: KubeObject, type: ResourceType, verb: string, dryRun: DryRunStrategy): string {
  const suffix = dryRun === "client" ? " (dry run)" : dryRun === "server" ? " (server dry run)" : "";
  return `${nameOf(obj, type)} ${verb}${suffix}`;
}
