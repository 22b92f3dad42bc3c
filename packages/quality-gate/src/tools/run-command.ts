/**
 * Runs a repository's tool as a command: argument arrays (never a shell string built from input),
 * in the repository, with its own output captured, a time limit, and an abort signal. The command
 * gets a process group of its own, so a time limit or an abort stops everything it started (a
 * test script's runner and its workers), not only the process the gate spawned.
 */
import { spawn } from "node:child_process";

/** How a command ended. */
export interface CommandResult {
  /** Its exit code, or `undefined` when a signal ended it. */
  readonly code: number | undefined;
  /** What it printed on stdout. */
  readonly stdout: string;
  /** What it printed on stderr. */
  readonly stderr: string;
  /** Whether the time limit stopped it. */
  readonly timedOut: boolean;
  /** How long it ran, in milliseconds. */
  readonly durationMs: number;
}

/** How to run a command. */
export interface CommandOptions {
  /** The folder it runs in. */
  readonly cwd: string;
  /** Its environment (the gate's, with additions). */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Milliseconds before it is stopped. */
  readonly timeoutMs: number;
  /** Stops it when aborted. */
  readonly signal?: AbortSignal | undefined;
}

/**
 * Runs `file` with `args` and waits for it to end.
 *
 * @param file - the program (`process.execPath` to run a tool's script with this Node)
 * @param args - its arguments
 * @param options - where, with what environment, for how long
 * @returns its exit code and output; a program that cannot start ends with code 127 and the
 *   reason on stderr
 * @example
 * ```ts
 * const { code, stdout } = await runCommand(process.execPath, [tsc, "--noEmit"], { cwd, env, timeoutMs: 600_000 });
 * ```
 */
export function runCommand(
  file: string,
  args: readonly string[],
  options: CommandOptions,
): Promise<CommandResult> {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(file, args, {
      cwd: options.cwd,
      env: options.env,
      stdio: ["ignore", "pipe", "pipe"],
      detached: process.platform !== "win32",
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => out.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => err.push(chunk));
    const limits = enforceLimits(child.pid, options);
    const finish = (code: number | undefined, failure?: Error): void => {
      limits.release();
      resolve({
        code,
        stdout: Buffer.concat(out).toString("utf8"),
        stderr: failure === undefined ? Buffer.concat(err).toString("utf8") : failure.message,
        timedOut: limits.timedOut(),
        durationMs: performance.now() - started,
      });
    };
    child.on("error", (error) => {
      finish(127, error);
    });
    child.on("close", (code) => {
      finish(code ?? undefined);
    });
  });
}

/** Stops the command at its time limit or on abort; `release` once it has ended. */
function enforceLimits(
  pid: number | undefined,
  options: CommandOptions,
): { release: () => void; timedOut: () => boolean } {
  let timedOut = false;
  const stop = (): void => {
    killGroup(pid);
  };
  const timer = setTimeout(() => {
    timedOut = true;
    stop();
  }, options.timeoutMs);
  options.signal?.addEventListener("abort", stop, { once: true });
  return {
    release: () => {
      clearTimeout(timer);
      options.signal?.removeEventListener("abort", stop);
    },
    timedOut: () => timedOut,
  };
}

/** Stops a process and everything it started (its process group, where there is one). */
function killGroup(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    process.kill(process.platform === "win32" ? pid : -pid, "SIGTERM");
  } catch {
    // Already gone.
  }
}
