import type { Sink } from "./io";

/** Budgets for one `run`, so a learner's input can never hang or exhaust the server. */
export const LIMITS = {
  /** Simple commands plus loop iterations. */
  steps: 100_000,
  /** Characters written to the terminal. */
  terminalOutput: 1024 * 1024,
  /** Characters written anywhere: terminal, pipes, substitutions, files. */
  totalOutput: 16 * 1024 * 1024,
  /** Characters of one run's input text. */
  input: 1024 * 1024,
  /** Function calls, `source`, `eval` and substitutions nested in each other. */
  depth: 100,
  /** Characters one variable may hold. */
  variable: 1024 * 1024,
} as const;

/**
 * Counts work done by one run. When a budget is exceeded it prints one clear message to the
 * terminal, aborts the signal programs see, and reports `tripped` so the interpreter unwinds.
 */
export class RunLimits {
  private steps = 0;
  private terminalOut = 0;
  private totalOut = 0;
  private readonly controller = new AbortController();
  tripped = false;

  constructor(
    private readonly terminalErr: Sink,
    userSignal: AbortSignal | undefined,
    private readonly limits: typeof LIMITS = LIMITS,
  ) {
    if (userSignal?.aborted) this.controller.abort();
    userSignal?.addEventListener("abort", () => this.controller.abort(), { once: true });
  }

  /** Aborted on Ctrl-C or when a budget trips. */
  get signal(): AbortSignal {
    return this.controller.signal;
  }

  get max(): typeof LIMITS {
    return this.limits;
  }

  /** Counts one command or iteration; false once the step budget is spent. */
  step(): boolean {
    if (this.tripped) return false;
    if (++this.steps > this.limits.steps) {
      this.trip(`bash: step limit exceeded: more than ${this.limits.steps} commands or loop iterations in one run`);
      return false;
    }
    return true;
  }

  /** Wraps a sink so what passes through counts against the total (and, for the terminal, its own cap). */
  counted(sink: Sink, terminal: boolean): Sink {
    return {
      write: (s: string) => {
        if (this.tripped || s === "") return;
        this.totalOut += s.length;
        if (terminal) this.terminalOut += s.length;
        if (terminal && this.terminalOut > this.limits.terminalOutput) {
          sink.write(s.slice(0, s.length - (this.terminalOut - this.limits.terminalOutput)));
          this.trip(`bash: output limit exceeded: more than ${this.limits.terminalOutput} bytes in one run`, true);
          return;
        }
        if (this.totalOut > this.limits.totalOutput) {
          this.trip(`bash: output limit exceeded: more than ${this.limits.totalOutput} bytes produced in one run`, true);
          return;
        }
        sink.write(s);
      },
    };
  }

  /** Stops the run with a message on the terminal's stderr. */
  trip(message: string, midLine = false): void {
    if (this.tripped) return;
    this.tripped = true;
    this.terminalErr.write(`${midLine ? "\n" : ""}${message}\n`);
    this.controller.abort();
  }
}
