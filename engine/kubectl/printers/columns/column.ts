/**
 * A kind's `kubectl get` columns as data, declared the way the API server's printers.go
 * declares them: a name, a priority (1 = only with `-o wide`) and a function that fills
 * the cell from the object at a given time.
 */

import type { KubeObject } from "../../../api/object";
import { age } from "../duration";

export interface Column {
  /** As printers.go names it ("Nominated Node"); the header is its upper-case form. */
  readonly name: string;
  readonly priority: 0 | 1;
  /** Format "name": the cell `--show-kind` turns into `kind/name`. */
  readonly isName?: boolean;
  readonly cell: (obj: KubeObject, now: number) => string;
}

export interface TypedColumn<T> {
  readonly name: string;
  readonly priority: 0 | 1;
  readonly isName?: boolean;
  readonly cell: (obj: T, now: number) => string;
}

/** Stored objects are plain JSON; each kind's file reads them through its kubernetes-types shape. */
export function defineColumns<T>(columns: readonly TypedColumn<T>[]): readonly Column[] {
  return columns.map((c) => ({ ...c, cell: (obj: KubeObject, now: number) => c.cell(obj as unknown as T, now) }));
}

interface Named {
  readonly metadata?: { readonly name?: string; readonly creationTimestamp?: string };
}

export const NAME: TypedColumn<Named> = { name: "Name", priority: 0, isName: true, cell: (o) => o.metadata?.name ?? "" };

/** translateTimestampSince(creationTimestamp): `<unknown>` for a zero time. */
export const AGE: TypedColumn<Named> = { name: "Age", priority: 0, cell: (o, now) => age(o.metadata?.creationTimestamp, now) };

interface ContainerLike {
  readonly name: string;
  readonly image?: string;
}

/** layoutContainerCells: every container of the template on one line. */
export function containerNames(containers: readonly ContainerLike[] | undefined): string {
  return (containers ?? []).map((c) => c.name).join(",");
}

export function containerImages(containers: readonly ContainerLike[] | undefined): string {
  return (containers ?? []).map((c) => c.image ?? "").join(",");
}
