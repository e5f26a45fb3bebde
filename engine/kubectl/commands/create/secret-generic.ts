/**
 * `kubectl create secret generic` (create_secret.go): keys from literals, then files,
 * then env files, each value base64-encoded; `--type` is sent as given (the server
 * defaults an empty one to Opaque).
 */
import { goQuote } from "../../../api/field-errors";
import type { CommandContext } from "../../command";
import { str } from "../../flags";
import { base64Utf8 } from "./base64";
import type { AddKey } from "./data-sources";
import { addDataSources, configMapKeyErrors, dataSourceFlags } from "./data-sources";
import type { Generation } from "./generator";
import { generatorCommand, objectMeta } from "./generator";

/** The key rule of addKeyFromLiteralToSecret, shared by every secret subcommand. */
export function secretKeyAdder(data: Record<string, string>): AddKey {
  return (key, value) => {
    const errs = configMapKeyErrors(key);
    if (errs.length) return `${goQuote(key)} is not valid key name for a Secret ${errs.join(";")}`;
    if (Object.hasOwn(data, key)) return `cannot add key ${key}, another key by that name already exists`;
    data[key] = base64Utf8(value);
    return undefined;
  };
}

function generate(ctx: CommandContext, name: string, namespace: string | undefined): Generation {
  const data: Record<string, string> = {};
  const err = addDataSources(ctx, { literalsFirst: true, envDirectoryError: "env secret file cannot be a directory" }, secretKeyAdder(data));
  if (err) return { ok: false, error: err };
  const type = str(ctx.flags, "type");
  return {
    ok: true,
    value: {
      errorPrefix: "failed to create secret: ",
      object: {
        kind: "Secret",
        apiVersion: "v1",
        metadata: objectMeta(name, namespace),
        ...(Object.keys(data).length ? { data } : {}),
        ...(type ? { type } : {}),
      },
    },
  };
}

export const createSecretGenericCommand = generatorCommand({
  name: "generic",
  kind: "Secret",
  short: "Create a secret from a local file, directory, or literal value",
  long: `Create a secret based on a file, directory, or specified literal value.

 A single secret may package one or more key/value pairs.

 When creating a secret based on a file, the key will default to the basename of the file, and the value will default to the file content. If the basename is an invalid key or you wish to chose your own, you may specify an alternate key.

 When creating a secret based on a directory, each file whose basename is a valid key in the directory will be packaged into the secret. Any directory entries except regular files are ignored (e.g. subdirectories, symlinks, devices, pipes, etc).`,
  example: `# Create a new secret named my-secret with keys for each file in folder bar
kubectl create secret generic my-secret --from-file=path/to/bar

# Create a new secret named my-secret with specified keys instead of names on disk
kubectl create secret generic my-secret --from-file=ssh-privatekey=path/to/id_rsa --from-file=ssh-publickey=path/to/id_rsa.pub

# Create a new secret named my-secret with key1=supersecret and key2=topsecret
kubectl create secret generic my-secret --from-literal=key1=supersecret --from-literal=key2=topsecret

# Create a new secret named my-secret using a combination of a file and a literal
kubectl create secret generic my-secret --from-file=ssh-privatekey=path/to/id_rsa --from-literal=passphrase=topsecret

# Create a new secret named my-secret from env files
kubectl create secret generic my-secret --from-env-file=path/to/foo.env --from-env-file=path/to/bar.env`,
  use: "NAME [--type=string] [--from-file=[key=]source] [--from-literal=key1=value1] [--dry-run=server|client|none] [options]",
  flags: [
    ...dataSourceFlags({
      envFile: "Specify the path to a file to read lines of key=val pairs to create a secret.",
      file: "Key files can be specified using their file path, in which case a default name will be given to them, or optionally with a name and file path, in which case the given name will be used.  Specifying a directory will iterate each named file in the directory that is a valid secret key.",
      literal: "Specify a key and literal value to insert in secret (i.e. mykey=somevalue)",
    }),
    { name: "type", type: "string", usage: "The type of secret to create" },
  ],
  generate,
});
