/**
 * Flags the verbs that change existing objects share, with cmdutil's names and usage
 * texts: AddFilenameOptionFlags, AddLabelSelectorFlagVar, `--field-selector`, RecordFlags
 * (deprecated, so hidden), `--local`.
 */
import type { FlagSpec } from "../flags";

export const RECURSIVE_FLAG: FlagSpec = {
  name: "recursive",
  short: "R",
  type: "bool",
  usage: "Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory.",
};

/** `-f`, `-k`, `-R`; `usage` completes "Filename, directory, or URL to files …". */
export function filenameFlags(usage: string): FlagSpec[] {
  return [
    { name: "filename", short: "f", type: "stringSlice", usage: `Filename, directory, or URL to files ${usage}` },
    { name: "kustomize", short: "k", type: "string", usage: "Process the kustomization directory. This flag can't be used together with -f or -R." },
    RECURSIVE_FLAG,
  ];
}

export const SELECTOR_FLAG: FlagSpec = {
  name: "selector",
  short: "l",
  type: "string",
  usage: "Selector (label query) to filter on, supports '=', '==', '!=', 'in', 'notin'.(e.g. -l key1=value1,key2=value2,key3 in (value3)). Matching objects must satisfy all of the specified label constraints.",
};

export const FIELD_SELECTOR_FLAG: FlagSpec = {
  name: "field-selector",
  type: "string",
  usage: "Selector (field query) to filter on, supports '=', '==', and '!='.(e.g. --field-selector key1=value1,key2=value2). The server only supports a limited number of field queries per type.",
};

export const RECORD_FLAG: FlagSpec = {
  name: "record",
  type: "bool",
  hidden: true,
  usage: "Record current kubectl command in the resource annotation. If set to false, do not record the command. If set to true, record the command. If not set, default to updating the existing annotation value only if one already exists.",
};

/** `--local`: work on the files' contents without the server. */
export function localFlag(usage: string): FlagSpec {
  return { name: "local", type: "bool", usage };
}
