/**
 * The `kubelab` command: the headless shell on a simulated cluster (for learners,
 * teachers and tests), and the authoring tools.
 */
import { lessonsCommand } from "./lessons";
import { shellCommand } from "./shell";

const USAGE = `kubelab: learn Kubernetes Pods by doing, on a simulated cluster.

Usage:
  kubelab shell [--seed N] [--start TIME]   a shell on a fresh simulated cluster
                                            (reads a script from stdin when it is not a terminal)
  kubelab lessons check [PATH]              prove every exercise solvable and not trivially passing
  kubelab lessons new CHAPTER SLUG          start a lesson in both locales
  kubelab help                              this text
`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case "shell":
      return shellCommand(rest);
    case "lessons":
      return lessonsCommand(rest);
    case undefined:
    case "help":
    case "--help":
    case "-h":
      process.stdout.write(USAGE);
      return 0;
    default:
      process.stderr.write(`kubelab: unknown command "${command}"\n\n${USAGE}`);
      return 2;
  }
}

process.exitCode = await main(process.argv.slice(2));
