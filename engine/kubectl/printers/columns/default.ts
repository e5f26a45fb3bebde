/**
 * The API server's DefaultTableConvertor, for kinds without a printer of their own:
 * NAME and CREATED AT (the creation time in RFC 3339, UTC).
 */

import type { KubeObject } from "../../../api/object";
import { defineColumns, NAME } from "./column";

function createdAt(o: KubeObject): string {
  const t = Date.parse(o.metadata.creationTimestamp ?? "");
  return Number.isNaN(t) ? "0001-01-01T00:00:00Z" : new Date(Math.floor(t / 1000) * 1000).toISOString().replace(".000Z", "Z");
}

export const DEFAULT_COLUMNS = defineColumns<KubeObject>([NAME, { name: "Created At", priority: 0, cell: createdAt }]);
