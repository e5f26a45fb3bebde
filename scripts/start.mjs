// `npm start`: bring the database up to date, build the app if its sources
// changed since the last build, then serve it with `next start`. Arguments
// after `npm start --` go to `next start` (e.g. `npm start -- -p 4000`).
import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const nextCli = createRequire(import.meta.url).resolve("next/dist/bin/next");
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
const stampFile = path.join(root, ".next", "kubelab-build.json");

// What `next build` reads. tsconfig.json is left out on purpose: `next build`
// may rewrite it, which would make every start look stale.
const BUILD_INPUTS = ["app", "engine", "lessons", "public", "prisma", "next.config.js", "package-lock.json"];
const NOT_BUILD_INPUT = /(^|\/)(node_modules|testdata|\.[^/]*)(\/|$)|\.test\.tsx?$/;

function run(step, args) {
  const result = spawnSync(process.execPath, args, { cwd: root, env, stdio: "inherit" });
  if (result.status !== 0) {
    console.error(`start: ${step} failed`);
    process.exit(result.status ?? 1);
  }
}

// A file stands for itself; a folder for every file in it, at any depth.
function inputFiles(input) {
  const full = path.join(root, input);
  if (!existsSync(full)) return [];
  if (!statSync(full).isDirectory()) return [input];
  return readdirSync(full, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)));
}

function sourceFingerprint() {
  const hash = createHash("sha256");
  const files = BUILD_INPUTS.flatMap(inputFiles)
    .map((file) => file.split(path.sep).join("/"))
    .filter((file) => !NOT_BUILD_INPUT.test(file))
    .sort();
  for (const file of files) hash.update(`${file}\0`).update(readFileSync(path.join(root, file))).update("\0");
  return hash.digest("hex");
}

function buildIsCurrent(fingerprint) {
  if (!existsSync(path.join(root, ".next", "BUILD_ID")) || !existsSync(stampFile)) return false;
  return JSON.parse(readFileSync(stampFile, "utf8")).fingerprint === fingerprint;
}

if (!existsSync(path.join(root, "prisma/generated/sqlite/client.ts"))) {
  run("prisma generate", ["--import", "tsx", "scripts/db/migrate-cli.ts", "generate"]);
}
run("database migration", ["--import", "tsx", "scripts/db/migrate-cli.ts", "deploy"]);

const fingerprint = sourceFingerprint();
if (buildIsCurrent(fingerprint)) {
  console.log("start: the build in .next is up to date");
} else {
  console.log("start: building the app (next build)");
  run("next build", [nextCli, "build"]);
  writeFileSync(stampFile, `${JSON.stringify({ fingerprint }, null, 2)}\n`);
}

const server = spawn(process.execPath, [nextCli, "start", ...process.argv.slice(2)], {
  cwd: root,
  env,
  stdio: "inherit",
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
