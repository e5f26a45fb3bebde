// `npm run bench:workspaces`: the server's own work for a command, without HTTP or Next.
// LEARNERS workspaces go through the app's WorkspaceService and repository on a
// throwaway, migrated database, as the command route uses them: each use lets 3 s of
// cluster time pass (the think time of bench:web), runs one command of the same rotation,
// and saves what changed. It prints the wall and CPU time per use and how many uses saved
// nothing, the shell alone, the shell and some hosts' files, or the whole snapshot. It measures; it does not assert.
//
// Knobs: LEARNERS (50), ROUNDS (40), PROVIDER (sqlite; postgresql needs
// KUBELAB_TEST_POSTGRES_URL, e.g. under scripts/ci/with-postgres.sh).
import { performance } from "node:perf_hooks";
import type { WorkspaceRepository } from "../app/lib/workspaces/repository";
import { databaseWorkspaces } from "../app/lib/workspaces/database-repository";
import { WorkspaceService } from "../app/lib/workspaces/workspace-service";
import { migratedDatabase, users } from "../app/lib/testing/test-db";
import { Workspace } from "../engine/index";
import type { DatabaseProvider } from "../prisma/database-target";

const LEARNERS = Number(process.env.LEARNERS ?? 50);
const ROUNDS = Number(process.env.ROUNDS ?? 40);
const PROVIDER = (process.env.PROVIDER ?? "sqlite") as DatabaseProvider;
const THINK_MS = 3000;
const KEY = "lesson:pods/what-is-a-pod";
const COMMANDS = ["kubectl get pods", "kubectl get nodes", "kubectl describe pod web", "kubectl get pods -o wide", "echo hello > /root/x; cat /root/x"];
const quiet = { stdout: () => undefined, stderr: () => undefined };

/** The repository, counting which kind of save each use made. */
function counted(repo: WorkspaceRepository, saves: Record<"shell" | "files" | "whole", number>): WorkspaceRepository {
  return {
    ...repo,
    save: (...args) => (saves.whole++, repo.save(...args)),
    saveShellAndFiles:
      repo.saveShellAndFiles &&
      ((userId, id, version, shell, files) => (Object.keys(files).length ? saves.files++ : saves.shell++, repo.saveShellAndFiles!(userId, id, version, shell, files))),
  };
}

const connection = await migratedDatabase(PROVIDER);
const { db, close } = connection;
try {
  if (PROVIDER === "sqlite") {
    // as app/lib/db.ts opens it
    await db.$queryRawUnsafe("PRAGMA journal_mode = WAL");
    await db.$queryRawUnsafe("PRAGMA synchronous = NORMAL");
  }
  const ids = Array.from({ length: LEARNERS }, (_, i) => `learner${i}`);
  await users(db, ...ids);
  let wall = Date.UTC(2026, 0, 27, 10);
  const saves = { shell: 0, files: 0, whole: 0 };
  const service = new WorkspaceService({ repo: counted(databaseWorkspaces(connection), saves), now: () => wall, capacity: 500, maxCatchUpMs: 3_600_000 });
  const create = async () => Workspace.create({ startTime: wall, seed: 1 });
  for (const id of ids) await service.use(id, KEY, create, (ws) => ws.run("kubectl run web --image=nginx:1.27", quiet));
  // one untimed round: each cluster's pod comes up and the first catch-up is paid
  wall += 60_000;
  for (const id of ids) await service.use(id, KEY, create, (ws) => ws.run("true", quiet));

  Object.assign(saves, { shell: 0, files: 0, whole: 0 });
  const cpu = process.cpuUsage();
  const began = performance.now();
  for (let round = 0; round < ROUNDS; round++) {
    wall += THINK_MS;
    for (const [i, id] of ids.entries()) await service.use(id, KEY, create, (ws) => ws.run(COMMANDS[(i + round) % COMMANDS.length], quiet));
  }
  const uses = ROUNDS * LEARNERS;
  const used = process.cpuUsage(cpu);
  console.log(`${uses} uses of ${LEARNERS} workspaces on ${PROVIDER}, each after ${THINK_MS / 1000} s of cluster time:`);
  console.log(`  per use: ${((performance.now() - began) / uses).toFixed(2)} ms wall, ${((used.user + used.system) / 1000 / uses).toFixed(2)} ms CPU`);
  console.log(`  saves: ${uses - saves.shell - saves.files - saves.whole} none, ${saves.shell} shell only, ${saves.files} shell and files, ${saves.whole} whole`);
} finally {
  await close();
}
