/**
 * Where `create configmap` and `create secret` take their keys from: `--from-literal`
 * (util.ParseLiteralSource), `--from-file` with a file, `key=file` or a directory
 * (util.ParseFileSource), and `--from-env-file` (cmdutil.AddFromEnvFile), with the key
 * rules of apimachinery's validation package.
 */
import { goQuote } from "../../../api/field-errors";
import type { CommandContext, KubectlEnv } from "../../command";
import type { FlagSpec } from "../../flags";
import { list } from "../../flags";

/** Adds one key; returns the kind's error text when the key is refused. */
export type AddKey = (key: string, value: string) => string | undefined;

const CONFIG_KEY = /^[-._a-zA-Z0-9]+$/;
const ENV_VAR_NAME = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/;

function chDirPrefixErrors(value: string): string[] {
  if (value === ".") return ["must not be '.'"];
  if (value === "..") return ["must not be '..'"];
  if (value.startsWith("..")) return ["must not start with '..'"];
  return [];
}

/** validation.IsConfigMapKey; Secret keys follow the same rules. */
export function configMapKeyErrors(key: string): string[] {
  const errs: string[] = [];
  if (key.length > 253) errs.push("must be no more than 253 characters");
  if (!CONFIG_KEY.test(key)) {
    errs.push("a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')");
  }
  return [...errs, ...chDirPrefixErrors(key)];
}

/** validation.IsEnvVarName */
export function envVarNameErrors(name: string): string[] {
  const errs = ENV_VAR_NAME.test(name)
    ? []
    : ["a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit (e.g. 'my.env-name',  or 'MY_ENV.NAME',  or 'MyEnvName1', regex used for validation is '[-._a-zA-Z][-._a-zA-Z0-9]*')"];
  return [...errs, ...chDirPrefixErrors(name)];
}

function addLiterals(sources: readonly string[], add: AddKey): string | undefined {
  for (const source of sources) {
    const eq = source.indexOf("=");
    if (eq <= 0) return `invalid literal source ${source}, expected key=value`;
    const err = add(source.slice(0, eq), source.slice(eq + 1));
    if (err) return err;
  }
  return undefined;
}

function parseFileSource(source: string): { key: string; path: string } | string {
  const separators = source.split("=").length - 1;
  if (separators === 0) return { key: source.split("/").filter(Boolean).pop() ?? source, path: source };
  if (separators > 1) return "key names or file paths cannot contain '='";
  if (source.startsWith("=")) return `key name for file path ${source.slice(1)} missing`;
  if (source.endsWith("=")) return `file path for key name ${source.slice(0, -1)} missing`;
  const [key, path] = source.split("=");
  return { key, path };
}

export function addFiles(env: KubectlEnv, sources: readonly string[], add: AddKey): string | undefined {
  for (const source of sources) {
    const parsed = parseFileSource(source);
    if (typeof parsed === "string") return parsed;
    const full = env.fs.resolve(env.cwd, parsed.path);
    const st = env.fs.stat(full);
    if (!st) return `error reading ${parsed.path}: no such file or directory`;
    if (st.type === "file") {
      const err = add(parsed.key, env.fs.readFile(full) ?? "");
      if (err) return err;
      continue;
    }
    if (source.includes("=")) return "cannot give a key name for a directory path";
    const names = env.fs.readdir(full);
    for (const name of Array.isArray(names) ? names : []) {
      const item = `${full.replace(/\/$/, "")}/${name}`;
      if (env.fs.stat(item)?.type !== "file") continue;
      const err = add(name, env.fs.readFile(item) ?? "");
      if (err) return err;
    }
  }
  return undefined;
}

/**
 * KEY=VALUE lines; blank lines and `#` comments are skipped, leading spaces trimmed, the
 * value kept as written. A line without `=` would take the value from kubectl's own
 * environment, which in this shell holds nothing for it.
 */
function addEnvFiles(env: KubectlEnv, sources: readonly string[], directoryError: string, add: AddKey): string | undefined {
  for (const source of sources) {
    const full = env.fs.resolve(env.cwd, source);
    const st = env.fs.stat(full);
    if (!st) return `error reading ${source}: no such file or directory`;
    if (st.type === "dir") return directoryError;
    const lines = (env.fs.readFile(full) ?? "").split("\n");
    if (lines[lines.length - 1] === "") lines.pop();
    for (let i = 0; i < lines.length; i++) {
      let line = lines[i].replace(/\r$/, "");
      if (i === 0) line = line.replace(/^\uFEFF/, "");
      line = line.replace(/^\s+/, "");
      if (line === "" || line.startsWith("#")) continue;
      const eq = line.indexOf("=");
      const key = eq < 0 ? line : line.slice(0, eq);
      const errs = envVarNameErrors(key);
      if (errs.length) return `${goQuote(key)} is not a valid key name: ${errs.join(";")}`;
      const err = add(key, eq < 0 ? "" : line.slice(eq + 1));
      if (err) return err;
    }
  }
  return undefined;
}

/** The three flags with the kind's own usage texts; a literal's value may hold commas, so it is a StringArray. */
export function dataSourceFlags(usage: { readonly envFile: string; readonly file: string; readonly literal: string }): FlagSpec[] {
  return [
    { name: "from-env-file", type: "stringSlice", usage: usage.envFile },
    { name: "from-file", type: "stringSlice", usage: usage.file },
    { name: "from-literal", type: "stringArray", usage: usage.literal },
  ];
}

export interface DataSourceOrder {
  /** create secret reads literals before files, create configmap files before literals */
  readonly literalsFirst: boolean;
  /** what an env file that is a directory is refused with */
  readonly envDirectoryError: string;
}

/** The keys of `--from-file`, `--from-literal` and `--from-env-file`, the last of which goes with neither of the others. */
export function addDataSources(ctx: CommandContext, order: DataSourceOrder, add: AddKey): string | undefined {
  const files = list(ctx.flags, "from-file");
  const literals = list(ctx.flags, "from-literal");
  const envFiles = list(ctx.flags, "from-env-file");
  if (envFiles.length && (files.length || literals.length)) return "from-env-file cannot be combined with from-file or from-literal";
  const err = order.literalsFirst ? (addLiterals(literals, add) ?? addFiles(ctx.env, files, add)) : (addFiles(ctx.env, files, add) ?? addLiterals(literals, add));
  return err ?? addEnvFiles(ctx.env, envFiles, order.envDirectoryError, add);
}
