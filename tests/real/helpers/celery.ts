/**
 * Runs a real `celery worker` with Debian's Python for a test file: starts it, waits until it
 * logs «ready.», and stops it by PID the way an operator does — SIGTERM (Celery's warm shutdown),
 * then SIGKILL if it lingers. Every worker started here is tracked for the file's afterAll.
 */
import { startPython, type PythonProcess } from './python.ts';

/** Which worker to start, where, and with which environment. */
export interface CeleryWorkerOptions {
  /** The folder that holds the app module. */
  readonly cwd: string;
  /** The app module (`celery -A`). */
  readonly app: string;
  /** The node name before `@%h` (`-n`); unique per test run, so that workers never meet. */
  readonly name: string;
  readonly env: Readonly<Record<string, string>>;
  /** `solo` (the default) runs tasks in the worker itself; `prefork` in one pool process that can die. */
  readonly pool?: 'solo' | 'prefork';
  /** Consume only this queue (`-Q`); by default Celery's own. */
  readonly queue?: string;
  /** Kill the worker (SIGKILL) after this long; default 10 min, longer than any test file. */
  readonly timeoutMs?: number;
}

const workers = new Set<PythonProcess>();

/** Starts a worker and resolves once it is ready; rejects with its log if it exits or takes over 60 s. */
export async function startCeleryWorker(options: CeleryWorkerOptions): Promise<PythonProcess> {
  const prefork = options.pool === 'prefork';
  const worker = startPython(
    [
      '-m',
      'celery',
      '-A',
      options.app,
      'worker',
      ...(prefork ? ['--pool=prefork', '--concurrency=1'] : ['--pool=solo']),
      '--loglevel=INFO',
      ...(options.queue === undefined ? [] : ['-Q', options.queue]),
      '-n',
      `${options.name}@%h`,
      // Gossip, mingle and heartbeats only slow a single test worker's start.
      '--without-gossip',
      '--without-mingle',
      '--without-heartbeat',
    ],
    {
      cwd: options.cwd,
      env: options.env,
      timeoutMs: options.timeoutMs ?? 600_000,
      // A pool process killed with its worker would keep the worker's output open.
      processGroup: prefork,
    },
  );
  workers.add(worker);
  void worker.finished.then(() => workers.delete(worker));
  try {
    await worker.waitForLog(/ready\./, 60_000);
  } catch (error) {
    await stopCeleryWorker(worker);
    throw error;
  }
  return worker;
}

/** Warm shutdown by PID (SIGTERM), SIGKILL to the worker and its pool after 20 s. */
export async function stopCeleryWorker(worker: PythonProcess): Promise<void> {
  await worker.stop(20_000, 'SIGTERM');
}

/** Stops every worker this file started that still runs. */
export async function stopCeleryWorkers(): Promise<void> {
  await Promise.all([...workers].map(stopCeleryWorker));
}
