/**
 * `kubectl get` tables. The server fills every column of a kind (columns/, as printers.go
 * declares them, wide ones included); kubectl then decorates the table the way cli-runtime's
 * tableprinter does (NAMESPACE first for `-A`, `kind/name` for `--show-kind`, `-L` columns
 * and LABELS last), keeps priority-1 columns only for `-o wide`, and aligns it with the
 * GET_TABLE tabwriter. One call prints one kind; the caller puts a blank line between kinds.
 */

import type { KubeObject } from "../../api/object";
import { qualifiedKind, type ResourceType } from "../../api/resources";
import type { Column } from "./columns/column";
import { CONFIG_MAP_COLUMNS } from "./columns/config-map";
import { CRON_JOB_COLUMNS } from "./columns/cron-job";
import { DAEMON_SET_COLUMNS } from "./columns/daemon-set";
import { DEFAULT_COLUMNS } from "./columns/default";
import { DEPLOYMENT_COLUMNS } from "./columns/deployment";
import { ENDPOINT_SLICE_COLUMNS } from "./columns/endpoint-slice";
import { ENDPOINTS_COLUMNS } from "./columns/endpoints";
import { EVENT_COLUMNS } from "./columns/event";
import { JOB_COLUMNS } from "./columns/job";
import { formatLabels } from "./columns/label-format";
import { NAMESPACE_COLUMNS } from "./columns/namespace";
import { NODE_COLUMNS } from "./columns/node";
import { POD_COLUMNS } from "./columns/pod";
import { REPLICA_SET_COLUMNS } from "./columns/replica-set";
import { RESOURCE_QUOTA_COLUMNS } from "./columns/resource-quota";
import { SECRET_COLUMNS } from "./columns/secret";
import { SERVICE_COLUMNS } from "./columns/service";
import { SERVICE_ACCOUNT_COLUMNS } from "./columns/service-account";
import { GET_TABLE, tabwrite } from "./tabwriter";

export interface TableRowInput {
  readonly object: KubeObject;
  readonly type: ResourceType;
}

export interface TableOptions {
  /** `-o wide`: also the priority-1 columns */
  readonly wide: boolean;
  /** `--show-labels`: a LABELS column last */
  readonly showLabels: boolean;
  /** `-L a,b/c`: one column per label key, headed by its upper-cased last path segment */
  readonly labelColumns: readonly string[];
  readonly noHeaders: boolean;
  /** `-A`: a NAMESPACE column first, for namespaced kinds only */
  readonly allNamespaces: boolean;
  /** `--show-kind`, or several kinds in one `get`: NAME as `pod/x`, `deployment.apps/x` */
  readonly showKind: boolean;
  /** ms since the epoch, for AGE and the other durations */
  readonly now: number;
}

const COLUMNS_BY_KIND: Readonly<Record<string, readonly Column[]>> = {
  ConfigMap: CONFIG_MAP_COLUMNS,
  CronJob: CRON_JOB_COLUMNS,
  DaemonSet: DAEMON_SET_COLUMNS,
  Deployment: DEPLOYMENT_COLUMNS,
  EndpointSlice: ENDPOINT_SLICE_COLUMNS,
  Endpoints: ENDPOINTS_COLUMNS,
  Event: EVENT_COLUMNS,
  Job: JOB_COLUMNS,
  Namespace: NAMESPACE_COLUMNS,
  Node: NODE_COLUMNS,
  Pod: POD_COLUMNS,
  ReplicaSet: REPLICA_SET_COLUMNS,
  ResourceQuota: RESOURCE_QUOTA_COLUMNS,
  Secret: SECRET_COLUMNS,
  Service: SERVICE_COLUMNS,
  ServiceAccount: SERVICE_ACCOUNT_COLUMNS,
};

function columnsFor(type: ResourceType): readonly Column[] {
  return COLUMNS_BY_KIND[type.kind] ?? DEFAULT_COLUMNS;
}

const visible = (columns: readonly Column[], opts: TableOptions) => columns.filter((c) => opts.wide || c.priority === 0);

// get.go turns the namespace column off for cluster-scoped kinds even with -A.
const withNamespace = (type: ResourceType, opts: TableOptions) => opts.allNamespaces && type.namespaced;

/** The header cells, already upper-cased. */
export function tableHeader(type: ResourceType, opts: TableOptions): string[] {
  return [
    ...(withNamespace(type, opts) ? ["NAMESPACE"] : []),
    ...visible(columnsFor(type), opts).map((c) => c.name.toUpperCase()),
    ...opts.labelColumns.map((key) => (key.split("/").at(-1) ?? key).toUpperCase()),
    ...(opts.showLabels ? ["LABELS"] : []),
  ];
}

/** The cells of each row, unaligned: what `get -w` prints as objects change. */
export function tableRows(rows: readonly TableRowInput[], opts: TableOptions): string[][] {
  const shown = new Map<ResourceType, readonly Column[]>();
  return rows.map(({ object, type }) => {
    const labels = object.metadata.labels ?? {};
    let columns = shown.get(type);
    if (!columns) shown.set(type, (columns = visible(columnsFor(type), opts)));
    const row: string[] = withNamespace(type, opts) ? [printable(object.metadata.namespace ?? "")] : [];
    for (const c of columns) {
      const value = c.cell(object, opts.now);
      row.push(printable(c.isName && opts.showKind ? `${qualifiedKind(type)}/${value}` : value));
    }
    for (const key of opts.labelColumns) row.push(printable(labels[key] ?? ""));
    if (opts.showLabels) row.push(printable(formatLabels(labels)));
    return row;
  });
}

/** The aligned table, header included unless `--no-headers`; empty when there are no rows. */
export function printTable(rows: readonly TableRowInput[], opts: TableOptions): string {
  if (rows.length === 0) return "";
  const lines = opts.noHeaders ? tableRows(rows, opts) : [tableHeader(rows[0].type, opts), ...tableRows(rows, opts)];
  return tabwrite(lines.map((cells) => cells.join("\t")).join("\n") + "\n", GET_TABLE);
}

/** tableprinter's printTable cuts a cell at its first line break and WriteEscaped defuses ESC. */
const SPECIAL = /[\f\n\r\x1b]/;

function printable(cell: string): string {
  if (!SPECIAL.test(cell)) return cell;
  const cut = cell.search(/[\f\n\r]/);
  const text = cut < 0 ? cell : `${cell.slice(0, cut)}...`;
  return text.replaceAll("\x1b", "^[");
}
