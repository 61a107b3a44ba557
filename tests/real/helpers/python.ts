/**
 * Runs the lecture's Python examples with Debian's interpreter (/usr/bin/python3, which can import
 * the python3-* packages; the pyenv `python3` on PATH cannot) and captures what they print.
 * Every process started here is tracked so that a test's afterAll can stop it by PID.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { expect } from 'vitest';

/** Debian's Python: the one with redis-py, pika, FastAPI and Celery installed. */
export const PYTHON = '/usr/bin/python3';

/** Where and with which extra environment a Python program runs. */
export interface PythonOptions {
  readonly cwd: string;
  readonly env?: Readonly<Record<string, string>>;
  /** Kill the program (SIGKILL) after this long; default 60 s. */
  readonly timeoutMs?: number;
  /** Its own process group, so that every SIGKILL takes its children (a prefork pool) too. */
  readonly processGroup?: boolean;
}

/** How a finished program ended and what it printed. */
export interface PythonResult {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly timedOut: boolean;
}

const running = new Set<PythonProcess>();

function pythonEnv(extra: Readonly<Record<string, string>> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  // A pyenv shell may export these; they would point Debian's Python at the wrong stdlib.
  delete env['PYTHONHOME'];
  delete env['PYTHONPATH'];
  return {
    ...env,
    // Unbuffered so that a test can wait for a line while the program keeps running, and no
    // __pycache__ folders appear in examples/.
    PYTHONUNBUFFERED: '1',
    PYTHONDONTWRITEBYTECODE: '1',
    PYTHONIOENCODING: 'utf-8',
    ...extra,
  };
}

/** A Python program running in the background; its output accumulates as it arrives. */
export class PythonProcess {
  readonly child: ChildProcess;
  stdout = '';
  stderr = '';
  /** Resolves once the program has exited. */
  readonly finished: Promise<PythonResult>;
  private timedOut = false;
  private readonly processGroup: boolean;

  constructor(args: readonly string[], options: PythonOptions) {
    this.processGroup = options.processGroup ?? false;
    this.child = spawn(PYTHON, args, {
      cwd: options.cwd,
      env: pythonEnv(options.env),
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: this.processGroup,
    });
    running.add(this);
    this.child.stdout?.on('data', (chunk: Buffer) => (this.stdout += chunk.toString('utf8')));
    this.child.stderr?.on('data', (chunk: Buffer) => (this.stderr += chunk.toString('utf8')));
    const timer = setTimeout(() => {
      this.timedOut = true;
      this.kill();
    }, options.timeoutMs ?? 60_000);
    this.finished = new Promise((resolve) => {
      this.child.on('close', (code, signal) => {
        clearTimeout(timer);
        running.delete(this);
        resolve({
          code,
          signal,
          stdout: this.stdout,
          stderr: this.stderr,
          timedOut: this.timedOut,
        });
      });
    });
  }

  /** Waits until stdout matches `pattern`; rejects with the output so far on timeout or exit. */
  waitForOutput(pattern: RegExp, timeoutMs = 15_000): Promise<void> {
    return this.waitUntil(() => this.stdout, pattern, timeoutMs);
  }

  /** Waits until stdout or stderr (where Celery and uvicorn log) matches `pattern`; like waitForOutput. */
  waitForLog(pattern: RegExp, timeoutMs = 15_000): Promise<void> {
    return this.waitUntil(() => this.stdout + this.stderr, pattern, timeoutMs);
  }

  private async waitUntil(read: () => string, pattern: RegExp, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!pattern.test(read())) {
      if (this.child.exitCode !== null || this.child.signalCode !== null || Date.now() > deadline) {
        throw new Error(
          `no output matching ${pattern} (exit ${this.child.exitCode})\nstdout: ${this.stdout}\nstderr: ${this.stderr}`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  /**
   * Sends `signal` by PID (Ctrl+C's SIGINT unless told; Celery's warm shutdown is SIGTERM), then
   * SIGKILL if the program has not exited after `graceMs`.
   */
  async stop(graceMs = 5_000, signal: NodeJS.Signals = 'SIGINT'): Promise<PythonResult> {
    if (this.child.exitCode === null && this.child.signalCode === null) {
      this.child.kill(signal);
      const timer = setTimeout(() => this.kill(), graceMs);
      const result = await this.finished;
      clearTimeout(timer);
      return result;
    }
    return this.finished;
  }

  /** SIGKILL by PID, to the whole process group when the program has one. */
  kill(): void {
    const pid = this.child.pid;
    if (!this.processGroup || pid === undefined) {
      this.child.kill('SIGKILL');
      return;
    }
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // the group is gone already
    }
  }
}

/** Starts a long-running Python program (a worker, a subscriber). */
export function startPython(args: readonly string[], options: PythonOptions): PythonProcess {
  return new PythonProcess(args, options);
}

/** Runs a Python program to completion. */
export function runPython(args: readonly string[], options: PythonOptions): Promise<PythonResult> {
  return new PythonProcess(args, options).finished;
}

/**
 * Runs a Python program (a driver) that prints one JSON value on its last line: expects it to
 * exit 0, with its stderr as the failure message, and returns that value.
 */
export async function runPythonJson(
  args: readonly string[],
  options: PythonOptions,
): Promise<unknown> {
  const result = await runPython(args, options);
  expect(result.code, result.stderr).toBe(0);
  const lines = result.stdout.trim().split('\n');
  return JSON.parse(lines.at(-1) ?? 'null');
}

/** Kills (SIGKILL, by PID) every program started by this module that is still running. */
export async function killAllPython(): Promise<void> {
  const exits = [...running].map(async (program) => {
    program.kill();
    await program.finished;
  });
  await Promise.all(exits);
}

/** Versions of Python packages as "name x.y.z, …", read synchronously for test titles. */
export function pythonPackageVersions(modules: readonly string[]): string {
  const script =
    'import importlib, sys\n' +
    'for name in sys.argv[1:]:\n' +
    '    print(name, importlib.import_module(name).__version__)';
  const result = spawnSync(PYTHON, ['-c', script, ...modules], {
    env: pythonEnv(),
    encoding: 'utf8',
  });
  if (result.status !== 0) return `versions unknown: ${result.stderr.trim()}`;
  return result.stdout.trim().split('\n').join(', ');
}
