/**
 * The deck's claims about Celery on a Redis broker (slides 37–39 and 41, the quiz), checked with a
 * real `celery worker` (prefork pool, one process) on the real Redis 7 the test setup starts:
 * - a pool process killed mid-task is not retried even with acks_late: FAILURE (WorkerLostError),
 *   and the task ran once; with reject_on_worker_lost it is requeued and runs again;
 * - an unacknowledged task comes back from the Redis transport after visibility_timeout, so a
 *   countdown longer than it runs the task twice; with the default hour, once.
 * Sources: Celery docs «Tasks» (acks_late and a terminated child process), «Using Redis»
 * (Visibility Timeout, Caveats); celery/worker/request.py (Request.on_failure).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startCeleryWorker, stopCeleryWorker, stopCeleryWorkers } from './helpers/celery.ts';
import { killAllPython, runPythonJson, type PythonProcess } from './helpers/python.ts';

const appDir = mkdtempSync(join(tmpdir(), 'claims-celery-'));

// The tasks under test: each counts its runs in Redis (db 3), so a test can tell one run from two.
const APP = `
import os
import signal

import redis
from celery import Celery

app = Celery("claims_app", broker=os.environ["BROKER_URL"], backend=os.environ["BACKEND_URL"])
app.conf.update(
    task_acks_late=True,
    worker_prefetch_multiplier=1,
    broker_transport_options={"visibility_timeout": float(os.environ["VISIBILITY_TIMEOUT"])},
)
runs = redis.Redis.from_url(os.environ["COUNTER_URL"])


def run_and_die_first_time(key):
    n = runs.incr(key)
    if n == 1:
        os.kill(os.getpid(), signal.SIGKILL)  # the pool process dies mid-task (OOM, kill -9)
    return n


@app.task(acks_late=True)
def die_once(key):
    return run_and_die_first_time(key)


@app.task(acks_late=True, reject_on_worker_lost=True)
def die_once_requeued(key):
    return run_and_die_first_time(key)


@app.task
def count(key):
    return runs.incr(key)
`;

/** Runs a Python snippet with arguments; it prints one JSON value on its last line. */
function driver(env: Record<string, string>, script: string, ...args: string[]): Promise<unknown> {
  return runPythonJson(['-c', script, ...args], { cwd: appDir, env, timeoutMs: 120_000 });
}

/** A one-process prefork worker of claims_app: a pool process that can die mid-task. */
function startWorker(env: Record<string, string>, name: string): Promise<PythonProcess> {
  return startCeleryWorker({ cwd: appDir, app: 'claims_app', name, env, pool: 'prefork' });
}

/** Each worker gets its own broker database, so the two never take each other's tasks. */
function envFor(brokerDb: number, visibilityTimeout: number): Record<string, string> {
  const redis = inject('redisUrl');
  return {
    BROKER_URL: `${redis}/${brokerDb}`,
    BACKEND_URL: `${redis}/2`,
    COUNTER_URL: `${redis}/3`,
    VISIBILITY_TIMEOUT: String(visibilityTimeout),
  };
}

const RESULT = `
import json, sys
from claims_app import app, runs
task, key, countdown = sys.argv[1], sys.argv[2], int(sys.argv[3])
result = app.send_task("claims_app." + task, args=[key], countdown=countdown or None)
result.get(timeout=90, propagate=False)
print(json.dumps({"state": result.state, "error": type(result.result).__name__,
                  "runs": int(runs.get(key) or 0)}))
`;

const SEND = `
import json, sys
from claims_app import app
task, key, countdown = sys.argv[1], sys.argv[2], int(sys.argv[3])
print(json.dumps(app.send_task("claims_app." + task, args=[key], countdown=countdown).id))
`;

const RUNS = `
import json, sys, time
from claims_app import runs
key, want, seconds = sys.argv[1], int(sys.argv[2]), float(sys.argv[3])
deadline = time.time() + seconds
while time.time() < deadline and int(runs.get(key) or 0) < want:
    time.sleep(0.2)
time.sleep(2)  # a third run, if any, would show up here
print(json.dumps(int(runs.get(key) or 0)))
`;

/** What a task call ended with: its state, the error's class, and how many times it ran. */
interface Outcome {
  readonly state: string;
  readonly error: string;
  readonly runs: number;
}

const serial = `${process.pid}-${Date.now()}`;

beforeAll(async () => {
  writeFileSync(join(appDir, 'claims_app.py'), APP);
  await startWorker(envFor(0, 3600), `claims-hour-${serial}`);
});

afterAll(async () => {
  await stopCeleryWorkers();
  await killAllPython();
  rmSync(appDir, { recursive: true, force: true });
});

describe('Celery with a Redis broker on real servers', () => {
  it('acks_late=True: a pool process killed mid-task ends in FAILURE (WorkerLostError), not a retry — the task ran once', async () => {
    const key = `die-once-${serial}`;
    const outcome = await driver(envFor(0, 3600), RESULT, 'die_once', key, '0');
    expect(outcome).toEqual({
      state: 'FAILURE',
      error: 'WorkerLostError',
      runs: 1,
    } satisfies Outcome);
  });

  it('reject_on_worker_lost=True: the same task is requeued and runs again to SUCCESS', async () => {
    const key = `die-once-requeued-${serial}`;
    const outcome = await driver(envFor(0, 3600), RESULT, 'die_once_requeued', key, '0');
    expect(outcome).toEqual({ state: 'SUCCESS', error: 'int', runs: 2 } satisfies Outcome);
  });

  it('a countdown longer than visibility_timeout (2 s) runs the task twice; with the default hour, once', async () => {
    // The Redis transport gives unacked messages back when a worker's poller starts (and every
    // 10th idle poll): a second worker that starts while the first holds the ETA task takes it
    // again once visibility_timeout has passed (kombu/transport/redis.py, QoS.restore_visible).
    const twice = `countdown-short-vt-${serial}`;
    const once = `countdown-hour-vt-${serial}`;
    const short = envFor(1, 2);
    const hour = envFor(0, 3600);
    const firstShort = await startWorker(short, `claims-short-a-${serial}`);
    await Promise.all([
      driver(short, SEND, 'count', twice, '15'),
      driver(hour, SEND, 'count', once, '15'),
    ]);
    await new Promise((r) => setTimeout(r, 4_000));
    const [secondShort, secondHour] = await Promise.all([
      startWorker(short, `claims-short-b-${serial}`),
      startWorker(hour, `claims-hour-b-${serial}`),
    ]);
    const [runsShort, runsHour] = await Promise.all([
      driver(short, RUNS, twice, '2', '60'),
      driver(hour, RUNS, once, '1', '60'),
    ]);
    await Promise.all([firstShort, secondShort, secondHour].map(stopCeleryWorker));
    expect(runsShort).toBe(2);
    expect(runsHour).toBe(1);
  });
});
