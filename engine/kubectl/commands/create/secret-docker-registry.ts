/**
 * `kubectl create secret docker-registry` (create_secret_docker.go): a
 * kubernetes.io/dockerconfigjson Secret whose `.dockerconfigjson` holds
 * `{"auths":{SERVER:{username,password,email,auth}}}`, or the given files.
 */
import type { CommandContext } from "../../command";
import { list, str } from "../../flags";
import { goMarshal } from "../../patch/go-json";
import { base64Utf8 } from "./base64";
import { addFiles } from "./data-sources";
import type { Generation } from "./generator";
import { generatorCommand, objectMeta } from "./generator";
import { secretKeyAdder } from "./secret-generic";

const DOCKER_CONFIG_JSON_KEY = ".dockerconfigjson";

/** DockerConfigEntry's fields in struct order, empty ones omitted. */
function dockerConfigJson(username: string, password: string, email: string, server: string): string {
  const entry: Record<string, string> = {};
  if (username) entry.username = username;
  if (password) entry.password = password;
  if (email) entry.email = email;
  const auth = base64Utf8(`${username}:${password}`);
  if (auth) entry.auth = auth;
  const fields = Object.entries(entry).map(([k, v]) => `${goMarshal(k)}:${goMarshal(v)}`);
  return `{"auths":{${goMarshal(server)}:{${fields.join(",")}}}}`;
}

function generate(ctx: CommandContext, name: string, namespace: string | undefined): Generation {
  const files = list(ctx.flags, "from-file").map((f) => (f.includes("=") ? f : `${DOCKER_CONFIG_JSON_KEY}=${f}`));
  const username = str(ctx.flags, "docker-username");
  const password = str(ctx.flags, "docker-password");
  const server = str(ctx.flags, "docker-server");
  if (!files.length && (!username || !password || !server)) {
    return { ok: false, error: "either --from-file or the combination of --docker-username, --docker-password and --docker-server is required" };
  }
  const data: Record<string, string> = {};
  if (files.length) {
    const err = addFiles(ctx.env, files, secretKeyAdder(data));
    if (err) return { ok: false, error: err };
  } else {
    data[DOCKER_CONFIG_JSON_KEY] = base64Utf8(dockerConfigJson(username, password, str(ctx.flags, "docker-email"), server));
  }
  return {
    ok: true,
    value: {
      errorPrefix: "failed to create secret ",
      object: { kind: "Secret", apiVersion: "v1", metadata: objectMeta(name, namespace), data, type: "kubernetes.io/dockerconfigjson" },
    },
  };
}

export const createSecretDockerRegistryCommand = generatorCommand({
  name: "docker-registry",
  kind: "Secret",
  short: "Create a secret for use with a Docker registry",
  long: `Create a new secret for use with Docker registries.
        
        Dockercfg secrets are used to authenticate against Docker registries.
        
        When using the Docker command line to push images, you can authenticate to a given registry by running:
        '$ docker login DOCKER_REGISTRY_SERVER --username=DOCKER_USER --password=DOCKER_PASSWORD --email=DOCKER_EMAIL'.
        
 That produces a ~/.dockercfg file that is used by subsequent 'docker push' and 'docker pull' commands to authenticate to the registry. The email address is optional.

        When creating applications, you may have a Docker registry that requires authentication.  In order for the
        nodes to pull images on your behalf, they must have the credentials.  You can provide this information
        by creating a dockercfg secret and attaching it to your service account.`,
  example: `# If you do not already have a .dockercfg file, create a dockercfg secret directly
kubectl create secret docker-registry my-secret --docker-server=DOCKER_REGISTRY_SERVER --docker-username=DOCKER_USER --docker-password=DOCKER_PASSWORD --docker-email=DOCKER_EMAIL

# Create a new secret named my-secret from ~/.docker/config.json
kubectl create secret docker-registry my-secret --from-file=path/to/.docker/config.json`,
  use: "NAME --docker-username=user --docker-password=password --docker-email=email [--docker-server=string] [--from-file=[key=]source] [--dry-run=server|client|none] [options]",
  flags: [
    { name: "docker-email", type: "string", usage: "Email for Docker registry" },
    { name: "docker-password", type: "string", usage: "Password for Docker registry authentication" },
    { name: "docker-server", type: "string", default: "https://index.docker.io/v1/", usage: "Server location for Docker registry" },
    { name: "docker-username", type: "string", usage: "Username for Docker registry authentication" },
    {
      name: "from-file",
      type: "stringSlice",
      usage: "Key files can be specified using their file path, in which case a default name of .dockerconfigjson will be given to them, or optionally with a name and file path, in which case the given name will be used. Specifying a directory will iterate each named file in the directory that is a valid secret key. For this command, the key should always be .dockerconfigjson.",
    },
  ],
  generate,
});
