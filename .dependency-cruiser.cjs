// The dependency arrows of DESIGN.md, checked by `npm run lint:deps` (part of
// `npm test`): app → engine, app → prisma client, bin → engine,
// bin → lessons loader, and never the other way.

const ENGINE_FORBIDDEN_NODE_MODULES = [
  "next",
  "react",
  "react-dom",
  "@types/react",
  "@types/react-dom",
  "@prisma/[^/]+",
  "prisma",
  "better-sqlite3",
  "pg",
];

// Tests (x.test.ts) and their helpers (test-support.ts, test-helpers.ts,
// anything under testing/), as opposed to the code they test.
const TEST_CODE = "(\\.test\\.tsx?$)|((^|/)test-(support|helpers?|utils?)\\.tsx?$)|(/testing/)";

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "engine-imports-only-engine",
      comment:
        "engine/ is the framework-free simulated cluster: it may not reach into app/, prisma/, bin/ or lessons/.",
      severity: "error",
      from: { path: "^engine/" },
      to: { path: "^(app|prisma|bin|lessons)/" },
    },
    {
      name: "engine-no-frameworks",
      comment: "engine/ runs in the server, the CLI, tests and workers alike: no Next.js, React or database clients.",
      severity: "error",
      from: { path: "^engine/" },
      to: { path: `(^|/)node_modules/(${ENGINE_FORBIDDEN_NODE_MODULES.join("|")})/` },
    },
    {
      name: "engine-no-io",
      comment:
        "engine/ does no file, network or process I/O: time, randomness and files are passed in as values. " +
        "Tests and their helpers may read golden files.",
      severity: "error",
      from: { path: "^engine/", pathNot: TEST_CODE },
      to: {
        dependencyTypes: ["core"],
        path: "^(node:)?(fs|fs/promises|net|http|https|http2|tls|dgram|dns|child_process|cluster|worker_threads)$",
      },
    },
    {
      name: "engine-test-helpers-stay-in-tests",
      comment: "Test helpers may do I/O, so only tests may import them.",
      severity: "error",
      from: { path: "^engine/", pathNot: TEST_CODE },
      to: { path: TEST_CODE },
    },
    {
      name: "engine-through-its-index",
      comment: "Code outside engine/ uses engine/index.ts, its one public entry; tests may reach further in.",
      severity: "error",
      from: { path: "^(app|bin|lessons|scripts)/", pathNot: TEST_CODE },
      to: { path: "^engine/", pathNot: "^engine/index\\.ts$" },
    },
    {
      name: "lessons-loader-stays-below-its-users",
      comment: "The lessons loader is used by the kubelab command and the web app; it imports neither.",
      severity: "error",
      from: { path: "^lessons/" },
      to: { path: "^(app|bin)/" },
    },
    {
      name: "app-not-to-bin",
      comment: "The web app and the kubelab command share engine/, never each other.",
      severity: "error",
      from: { path: "^app/" },
      to: { path: "^bin/" },
    },
    {
      name: "bin-not-to-app",
      comment: "The web app and the kubelab command share engine/, never each other.",
      severity: "error",
      from: { path: "^bin/" },
      to: { path: "^app/" },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "(^|/)(\\.next|prisma/generated)/" },
    // Type-only imports count too: `import type` from React is still React.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      mainFields: ["module", "main", "types", "typings"],
    },
    reporterOptions: {
      text: { highlightFocused: true },
    },
  },
};
