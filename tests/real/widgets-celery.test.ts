/**
 * The celery-retries widget against a real Celery 5.2 worker on a real Redis: tasks.py's
 * charge_card (slide 41) with the gateway down. Polling AsyncResult.state shows only states the
 * widget's state row can show, in its order, and never RECEIVED (celery/states.py: «only used in
 * events»); during each countdown the retry message sits unacked in the worker (kombu's `unacked`
 * hash), not in the queue's list — where the widget now draws the wait.
 */
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { replayStory, taskStateAfter } from '../../src/widgets/celery-retries/logic.ts';
import { CELERY_STORIES } from '../../src/widgets/celery-retries/story.ts';
import { startCeleryWorker, stopCeleryWorkers } from './helpers/celery.ts';
import { killAllPython, pythonPackageVersions, runPythonJson } from './helpers/python.ts';
import { redisDbUrl } from './helpers/redis-db.ts';

const CELERY = fileURLToPath(new URL('../../examples/celery', import.meta.url));
/** A database of its own: kombu's `unacked` hash is shared by every queue of a database. */
const DB = 14;
const QUEUE = `widget-${randomUUID().slice(0, 8)}`;

/** Sends charge_card with the gateway down and samples its state and where its message is. */
const DRIVER = `
import json, os, sys, time
import redis
import payment_gateway as g
import tasks

order, queue = sys.argv[1], sys.argv[2]
g.set_failures(order, 10)
result = tasks.charge_card.delay(order, 990)
broker = redis.Redis.from_url(os.environ["CELERY_BROKER_URL"])
states, waits = [], []
deadline = time.time() + 150
while time.time() < deadline:
    state = result.state
    if not states or states[-1] != state:
        states.append(state)
    if state == "RETRY":
        waits.append([broker.llen(queue), broker.hlen("unacked")])
    if state in ("SUCCESS", "FAILURE"):
        break
    time.sleep(0.02)
print(json.dumps({"states": states, "waits": waits}))
`;

/** The widget's AsyncResult.state after every event of slide 41's story, repeats collapsed. */
function widgetStates(): string[] {
  const story = CELERY_STORIES['max-retries'];
  const events = replayStory(story, story.settings).at(-1)?.events ?? [];
  const out: string[] = ['PENDING'];
  for (let i = 1; i <= events.length; i++) {
    const s = taskStateAfter(events.slice(0, i));
    if (s !== null && s !== out.at(-1)) out.push(s);
  }
  return out;
}

/** True when `sub` appears in `seq` in order (not necessarily side by side). */
function isSubsequence(sub: readonly string[], seq: readonly string[]): boolean {
  let i = 0;
  for (const s of seq) if (s === sub[i]) i++;
  return i === sub.length;
}

describe(`celery-retries and a real Celery worker (${pythonPackageVersions(['celery', 'kombu'])})`, () => {
  let env: Record<string, string>;

  beforeAll(async () => {
    const url = redisDbUrl(DB);
    env = {
      CELERY_BROKER_URL: url,
      CELERY_RESULT_BACKEND: url,
      REDIS_URL: url,
      CELERY_QUEUE: QUEUE,
    };
    await startCeleryWorker({ cwd: CELERY, app: 'tasks', name: QUEUE, queue: QUEUE, env });
  });

  afterAll(async () => {
    await stopCeleryWorkers();
    await killAllPython();
  });

  it('AsyncResult.state never says RECEIVED and follows the widget’s row; countdowns wait unacked in the worker', async () => {
    const real = (await runPythonJson(['-c', DRIVER, `order-${QUEUE}`, QUEUE], {
      cwd: CELERY,
      env,
      timeoutMs: 180_000,
    })) as { states: string[]; waits: number[][] };

    const unackedSamples = real.waits.filter(([, u]) => (u ?? 0) >= 1).length;
    console.log(
      `AsyncResult.state: ${real.states.join(' → ')}; RETRY samples: ${real.waits.length}, list empty in all, unacked ≥ 1 in ${unackedSamples}`,
    );
    expect(real.states).not.toContain('RECEIVED');
    expect(real.states).toContain('RETRY');
    expect(real.states.at(-1)).toBe('FAILURE');
    const widget = widgetStates();
    expect(widget).not.toContain('RECEIVED');
    expect(isSubsequence(real.states, widget), `${real.states} in ${widget}`).toBe(true);

    // While the task is in RETRY the queue's list is empty and the message is held unacked.
    expect(real.waits.length).toBeGreaterThan(10);
    expect(real.waits.every(([listed]) => listed === 0)).toBe(true);
    expect(real.waits.some(([, unacked]) => (unacked ?? 0) >= 1)).toBe(true);
  });
});
