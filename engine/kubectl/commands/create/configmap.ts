/**
 * `kubectl create configmap` (create_configmap.go): keys from files, then literals, then
 * env files; an invalid or repeated key stops the command before anything is sent.
 */
import { goQuote } from "../../../api/field-errors";
import type { CommandContext } from "../../command";
import type { AddKey } from "./data-sources";
import { addDataSources, configMapKeyErrors, dataSourceFlags } from "./data-sources";
import type { Generation } from "./generator";
import { generatorCommand, objectMeta } from "./generator";

function generate(ctx: CommandContext, name: string, namespace: string | undefined): Generation {
  const data: Record<string, string> = {};
  const add: AddKey = (key, value) => {
    const errs = configMapKeyErrors(key);
    if (errs.length) return `${goQuote(key)} is not a valid key name for a ConfigMap: ${errs.join(",")}`;
    if (Object.hasOwn(data, key)) return `cannot add key ${goQuote(key)}, another key by that name already exists in Data for ConfigMap ${goQuote(name)}`;
    data[key] = value;
    return undefined;
  };
  const err = addDataSources(ctx, { literalsFirst: false, envDirectoryError: "env config file cannot be a directory" }, add);
  if (err) return { ok: false, error: err };
  return {
    ok: true,
    value: {
      errorPrefix: "failed to create configmap: ",
      object: { kind: "ConfigMap", apiVersion: "v1", metadata: objectMeta(name, namespace), ...(Object.keys(data).length ? { data } : {}) },
    },
  };
}

export const createConfigMapCommand = generatorCommand({
  name: "configmap",
  aliases: ["cm"],
  kind: "ConfigMap",
  short: "Create a config map from a local file, directory or literal value",
  long: `Create a config map based on a file, directory, or specified literal value.

 A single config map may package one or more key/value pairs.

 When creating a config map based on a file, the key will default to the basename of the file, and the value will default to the file content.  If the basename is an invalid key, you may specify an alternate key.

 When creating a config map based on a directory, each file whose basename is a valid key in the directory will be packaged into the config map.  Any directory entries except regular files are ignored (e.g. subdirectories, symlinks, devices, pipes, etc).`,
  example: `# Create a new config map named my-config based on folder bar
kubectl create configmap my-config --from-file=path/to/bar

# Create a new config map named my-config with specified keys instead of file basenames on disk
kubectl create configmap my-config --from-file=key1=/path/to/bar/file1.txt --from-file=key2=/path/to/bar/file2.txt

# Create a new config map named my-config with key1=config1 and key2=config2
kubectl create configmap my-config --from-literal=key1=config1 --from-literal=key2=config2

# Create a new config map named my-config from the key=value pairs in the file
kubectl create configmap my-config --from-file=path/to/bar

# Create a new config map named my-config from an env file
kubectl create configmap my-config --from-env-file=path/to/foo.env --from-env-file=path/to/bar.env`,
  use: "NAME [--from-file=[key=]source] [--from-literal=key1=value1] [--dry-run=server|client|none] [options]",
  flags: [
    ...dataSourceFlags({
      envFile: "Specify the path to a file to read lines of key=val pairs to create a configmap.",
      file: "Key file can be specified using its file path, in which case file basename will be used as configmap key, or optionally with a key and file path, in which case the given key will be used.  Specifying a directory will iterate each named file in the directory whose basename is a valid configmap key.",
      literal: "Specify a key and literal value to insert in configmap (i.e. mykey=somevalue)",
    }),
  ],
  generate,
});
