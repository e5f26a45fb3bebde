/** `kubectl create secret` (create_secret.go): a parent for the kinds of secret. */
import type { CommandSpec } from "../../command";
import { defaultSubCommandRun } from "./default-subcommand-run";
import { createSecretDockerRegistryCommand } from "./secret-docker-registry";
import { createSecretGenericCommand } from "./secret-generic";

export const createSecretCommand: CommandSpec = {
  name: "secret",
  short: "Create a secret using a specified subcommand",
  long: `Create a secret with specified type.

 A docker-registry type secret is for accessing a container registry.

 A generic type secret indicate an Opaque secret type.

 A tls type secret holds TLS certificate and its associated key.`,
  use: "(docker-registry | generic | tls) [options]",
  subcommands: [createSecretDockerRegistryCommand, createSecretGenericCommand],
  run: (ctx) => defaultSubCommandRun(ctx, createSecretCommand),
};
