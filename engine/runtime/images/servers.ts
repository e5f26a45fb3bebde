/**
 * Long-running servers: Apache httpd, and the small demo web servers that Kubernetes
 * tutorials and CKA practice labs deploy (hello-app, echoserver, http-echo, whoami ...).
 */
import { DEFAULT_PATH, sizeFor, tagVersion, type ImageSpec, type ImageVariant, type TagTable } from "../image-spec";

const HTTPD_TAGS: TagTable = { named: { latest: "2.4.65", alpine: "2.4.65" }, lines: { "2.4": 65, "2": -1 }, suffixes: ["-alpine", "-bookworm", "-trixie"] };

export const HTTPD: ImageSpec = {
  name: "httpd",
  repositories: ["docker.io/library/httpd"],
  variant: (tag) => {
    const t = tagVersion(HTTPD_TAGS, tag);
    return t ? { version: t.version === "2" ? "2.4.65" : t.version, alpine: t.alpine, sizeBytes: sizeFor(t.alpine ? 22_000_000 : 58_200_000, tag) } : undefined;
  },
  entrypoint: [],
  cmd: ["httpd-foreground"],
  workingDir: "/usr/local/apache2",
  env: (v) => ({ PATH: "/usr/local/apache2/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", HTTPD_PREFIX: "/usr/local/apache2", HTTPD_VERSION: v.version }),
  toolbox: "gnu",
  bash: true,
  programs: { "/usr/local/bin/httpd-foreground": "httpd", "/usr/local/apache2/bin/httpd": "httpd" },
  files: () => ({ "/usr/local/apache2/htdocs/index.html": "<html><body><h1>It works!</h1></body></html>\n", "/usr/local/apache2/conf/httpd.conf": "Listen 80\nDocumentRoot \"/usr/local/apache2/htdocs\"\n" }),
  base: (v) => (v.alpine ? { os: "alpine", version: "3.22.2" } : { os: "debian", release: 13 }),
};

/** A demo server image: fixed tags, one program, served on one port. */
function demo(name: string, repositories: string[], tags: string[], program: string, size: number, opts: Partial<ImageSpec> = {}): ImageSpec {
  return {
    name,
    repositories,
    variant: (tag): ImageVariant | undefined => (tags.includes(tag) ? { version: tag, alpine: false, sizeBytes: sizeFor(size, tag) } : undefined),
    entrypoint: [`/${name}`],
    cmd: [],
    workingDir: "/",
    env: () => ({ PATH: DEFAULT_PATH }),
    toolbox: "none",
    programs: { [`/${name}`]: program },
    base: () => ({ os: "scratch" }),
    ...opts,
  };
}

export const HELLO_APP = demo("hello-app", ["gcr.io/google-samples/hello-app", "us-docker.pkg.dev/google-samples/containers/gke/hello-app"], ["1.0", "2.0"], "hello-app", 4_100_000, {
  entrypoint: ["/hello-app"],
  toolbox: "busybox",
  base: () => ({ os: "alpine", version: "3.21.0" }),
});

export const ECHOSERVER = demo("echoserver", ["registry.k8s.io/echoserver", "k8s.gcr.io/echoserver", "gcr.io/google_containers/echoserver"], ["1.4", "1.8", "1.9", "1.10"], "echoserver", 46_300_000, {
  entrypoint: [],
  cmd: ["/usr/local/bin/run.sh"],
  toolbox: "gnu",
  programs: { "/usr/local/bin/run.sh": "echoserver" },
  base: () => ({ os: "debian", release: 9 }),
});

export const HTTP_ECHO = demo("http-echo", ["docker.io/hashicorp/http-echo"], ["latest", "1.0", "1.0.0", "0.2.3"], "http-echo", 3_600_000);

export const WHOAMI = demo("whoami", ["docker.io/traefik/whoami", "docker.io/containous/whoami"], ["latest", "v1.10", "v1.10.1", "v1.11", "v1.11.0"], "whoami", 3_400_000);

export const WEBAPP_COLOR = demo("webapp-color", ["docker.io/kodekloud/webapp-color"], ["latest", "v1", "v2", "v3"], "webapp-color", 31_000_000, {
  entrypoint: ["python", "app.py"],
  workingDir: "/opt",
  toolbox: "busybox",
  programs: { "/usr/local/bin/python": "webapp-color" },
  base: () => ({ os: "alpine", version: "3.7.0" }),
});

export const NGINX_HELLO = demo("nginxdemos-hello", ["docker.io/nginxdemos/hello"], ["latest", "plain-text", "0.4", "0.4-plain-text"], "nginx-hello", 20_500_000, {
  entrypoint: ["/docker-entrypoint.sh"],
  cmd: ["nginx", "-g", "daemon off;"],
  toolbox: "busybox",
  programs: { "/docker-entrypoint.sh": "exec-args", "/usr/sbin/nginx": "nginx-hello" },
  base: () => ({ os: "alpine", version: "3.20.3" }),
});

export const KUARD = demo("kuard", ["gcr.io/kuar-demo/kuard-amd64"], ["1", "2", "3", "blue", "green", "purple"], "kuard", 10_100_000, { entrypoint: ["/kuard"] });

export const SERVE_HOSTNAME = demo("serve_hostname", ["registry.k8s.io/serve_hostname", "k8s.gcr.io/serve_hostname"], ["latest", "1.1", "v1.4"], "serve-hostname", 2_900_000);

export const HPA_EXAMPLE = demo("hpa-example", ["registry.k8s.io/hpa-example", "k8s.gcr.io/hpa-example"], ["latest"], "hpa-example", 176_000_000, {
  entrypoint: ["docker-php-entrypoint"],
  cmd: ["apache2-foreground"],
  toolbox: "gnu",
  programs: { "/usr/local/bin/docker-php-entrypoint": "exec-args", "/usr/local/bin/apache2-foreground": "hpa-example" },
  base: () => ({ os: "debian", release: 9 }),
});
