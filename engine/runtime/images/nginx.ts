/**
 * The official nginx image (docker.io/library/nginx) and the Kubernetes docs' nginx-slim.
 * Facts that change across releases (entrypoint scripts, welcome page, compiler line,
 * base distribution) are derived from the version the tag runs.
 */
import { debianCodename } from "./base-os";
import { DEFAULT_PATH, compareVersions, sizeFor, tagVersion, type BaseOs, type ImageSpec, type ImageVariant, type TagTable } from "../image-spec";

const TAGS: TagTable = {
  named: { latest: "1.29.3", mainline: "1.29.3", stable: "1.28.0", alpine: "1.29.3", perl: "1.29.3" },
  lines: {
    "1.10": 3, "1.11": 13, "1.12": 2, "1.13": 12, "1.14": 2, "1.15": 12, "1.16": 1, "1.17": 10, "1.18": 0, "1.19": 10,
    "1.20": 2, "1.21": 6, "1.22": 1, "1.23": 4, "1.24": 0, "1.25": 5, "1.26": 3, "1.27": 5, "1.28": 0, "1.29": 3,
  },
  suffixes: ["-alpine-slim", "-alpine-perl", "-alpine-otel", "-alpine", "-perl", "-otel", "-bookworm", "-trixie", "-bullseye"],
};

/** Which /docker-entrypoint.d scripts a release ships: none before 1.19, more with each line. */
export type EntrypointScripts = "none" | "1.19" | "1.21" | "1.25";

export interface NginxFacts {
  readonly version: string;
  readonly scripts: EntrypointScripts;
  /** the notice-level start-up lines appear from 1.19, whose nginx.conf logs at `notice` */
  readonly notices: boolean;
  readonly gcc: string;
  readonly base: BaseOs;
}

const FACTS = new Map<string, NginxFacts>();

export function nginxFacts(v: ImageVariant): NginxFacts {
  const key = `${v.version}/${v.alpine}`;
  let facts = FACTS.get(key);
  if (!facts) {
    facts = computeFacts(v);
    FACTS.set(key, facts);
  }
  return facts;
}

function computeFacts(v: ImageVariant): NginxFacts {
  const at = (min: string): boolean => compareVersions(v.version, min) >= 0;
  const scripts: EntrypointScripts = at("1.25") ? "1.25" : at("1.21") ? "1.21" : at("1.19") ? "1.19" : "none";
  const debian = at("1.29") ? 13 : at("1.24") ? 12 : at("1.21") ? 11 : at("1.17") ? 10 : 9;
  const debianGcc: Record<number, string> = {
    9: "gcc 6.3.0 20170516 (Debian 6.3.0-18+deb9u1)",
    10: "gcc 8.3.0 (Debian 8.3.0-6)",
    11: "gcc 10.2.1 20210110 (Debian 10.2.1-6)",
    12: "gcc 12.2.0 (Debian 12.2.0-14)",
    13: "gcc 14.2.0 (Debian 14.2.0-19)",
  };
  const alpineGcc = at("1.28") ? "gcc 14.2.0 (Alpine 14.2.0)" : at("1.25") ? "gcc 13.2.1 20231014 (Alpine 13.2.1_git20231014)" : "gcc 10.3.1 20210424 (Alpine 10.3.1_git20210424)";
  const alpineVersion = at("1.28") ? "3.22.2" : at("1.25") ? "3.20.3" : "3.14.2";
  return {
    version: v.version,
    scripts,
    notices: at("1.19"),
    gcc: v.alpine ? alpineGcc : debianGcc[debian],
    base: v.alpine ? { os: "alpine", version: alpineVersion } : { os: "debian", release: debian as 9 | 10 | 11 | 12 | 13 },
  };
}

/** The body both releases' welcome pages share; only their <head> differs. */
const WELCOME_BODY = `<body>
<h1>Welcome to nginx!</h1>
<p>If you see this page, the nginx web server is successfully installed and
working. Further configuration is required.</p>

<p>For online documentation and support please refer to
<a href="http://nginx.org/">nginx.org</a>.<br/>
Commercial support is available at
<a href="http://nginx.com/">nginx.com</a>.</p>

<p><em>Thank you for using nginx.</em></p>
</body>
</html>
`;

const WELCOME_OLD = `<!DOCTYPE html>
<html>
<head>
<title>Welcome to nginx!</title>
<style>
    body {
        width: 35em;
        margin: 0 auto;
        font-family: Tahoma, Verdana, Arial, sans-serif;
    }
</style>
</head>
${WELCOME_BODY}`;

const WELCOME = `<!DOCTYPE html>
<html>
<head>
<title>Welcome to nginx!</title>
<style>
html { color-scheme: light dark; }
body { width: 35em; margin: 0 auto;
font-family: Tahoma, Verdana, Arial, sans-serif; }
</style>
</head>
${WELCOME_BODY}`;

const ERROR_50X = `<!DOCTYPE html>
<html>
<head>
<title>Error</title>
</head>
<body>
<h1>An error occurred.</h1>
<p>Sorry, the page you are looking for is currently unavailable.<br/>
Please try again later.</p>
</body>
</html>
`;

function nginxConf(version: string): string {
  const pid = compareVersions(version, "1.25") >= 0 ? "/run/nginx.pid" : "/var/run/nginx.pid";
  const level = compareVersions(version, "1.19") >= 0 ? "notice" : "warn";
  return `
user  nginx;
worker_processes  auto;

error_log  /var/log/nginx/error.log ${level};
pid        ${pid};


events {
    worker_connections  1024;
}


http {
    include       /etc/nginx/mime.types;
    default_type  application/octet-stream;

    log_format  main  '$remote_addr - $remote_user [$time_local] "$request" '
                      '$status $body_bytes_sent "$http_referer" '
                      '"$http_user_agent" "$http_x_forwarded_for"';

    access_log  /var/log/nginx/access.log  main;

    sendfile        on;
    #tcp_nopush     on;

    keepalive_timeout  65;

    #gzip  on;

    include /etc/nginx/conf.d/*.conf;
}
`;
}

const DEFAULT_CONF = `server {
    listen       80;
    listen  [::]:80;
    server_name  localhost;

    #access_log  /var/log/nginx/host.access.log  main;

    location / {
        root   /usr/share/nginx/html;
        index  index.html index.htm;
    }

    #error_page  404              /404.html;

    # redirect server error pages to the static page /50x.html
    #
    error_page   500 502 503 504  /50x.html;
    location = /50x.html {
        root   /usr/share/nginx/html;
    }
}
`;

function nginxFiles(v: ImageVariant): Record<string, string> {
  const modern = compareVersions(v.version, "1.21") >= 0;
  const files: Record<string, string> = {
    "/usr/share/nginx/html/index.html": modern ? WELCOME : WELCOME_OLD,
    "/usr/share/nginx/html/50x.html": ERROR_50X,
    "/etc/nginx/nginx.conf": nginxConf(v.version),
    "/etc/nginx/conf.d/default.conf": DEFAULT_CONF,
    "/etc/nginx/mime.types": "types {\n    text/html                                        html htm shtml;\n    text/css                                         css;\n    application/javascript                           js;\n    application/json                                 json;\n}\n",
  };
  const facts = nginxFacts(v);
  if (facts.scripts !== "none") {
    files["/docker-entrypoint.sh"] = "#!/bin/sh\n";
    files["/docker-entrypoint.d/10-listen-on-ipv6-by-default.sh"] = "#!/bin/sh\n";
    files["/docker-entrypoint.d/20-envsubst-on-templates.sh"] = "#!/bin/sh\n";
    if (facts.scripts !== "1.19") files["/docker-entrypoint.d/30-tune-worker-processes.sh"] = "#!/bin/sh\n";
    if (facts.scripts === "1.25") files["/docker-entrypoint.d/15-local-resolvers.envsh"] = "#!/bin/sh\n";
  }
  return files;
}

function pkgRelease(v: ImageVariant): string {
  const base = nginxFacts(v).base;
  return base.os === "debian" ? `1~${debianCodename(base.release)}` : "1";
}

function nginxVariant(tag: string): ImageVariant | undefined {
  const t = tagVersion(TAGS, tag);
  if (!t) return undefined;
  const at = (min: string): boolean => compareVersions(t.version, min) >= 0;
  const base = t.alpine ? 20_800_000 : at("1.24") ? 72_000_000 : at("1.21") ? 56_700_000 : at("1.17") ? 53_600_000 : 44_700_000;
  return { version: t.version, alpine: t.alpine, sizeBytes: sizeFor(base, tag) };
}

export const NGINX: ImageSpec = {
  name: "nginx",
  repositories: ["docker.io/library/nginx"],
  variant: nginxVariant,
  entrypoint: ["/docker-entrypoint.sh"],
  cmd: ["nginx", "-g", "daemon off;"],
  workingDir: "/",
  env: (v) => ({ PATH: DEFAULT_PATH, NGINX_VERSION: v.version, NJS_VERSION: "0.9.1", PKG_RELEASE: pkgRelease(v) }),
  toolbox: "gnu",
  tools: ["curl"],
  bash: true,
  programs: { "/docker-entrypoint.sh": "nginx-entrypoint", "/usr/sbin/nginx": "nginx" },
  files: nginxFiles,
  base: (v) => nginxFacts(v).base,
};

/** registry.k8s.io/nginx-slim, the StatefulSet tutorial's web server: an old nginx without the entrypoint. */
export const NGINX_SLIM: ImageSpec = {
  ...NGINX,
  name: "nginx-slim",
  repositories: ["registry.k8s.io/nginx-slim", "k8s.gcr.io/nginx-slim", "gcr.io/google_containers/nginx-slim"],
  variant: (tag) => (/^0\.([89]|1\d|2[0-7])$/.test(tag) ? { version: "1.11.1", alpine: false, sizeBytes: sizeFor(38_000_000, tag) } : undefined),
  entrypoint: [],
  cmd: ["nginx", "-g", "daemon off;"],
  tools: [],
  programs: { "/usr/sbin/nginx": "nginx" },
  base: () => ({ os: "debian", release: 9 }),
};
