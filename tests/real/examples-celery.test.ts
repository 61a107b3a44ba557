/**
 * The Celery examples (examples/celery) against real servers: for each broker — Redis, then
 * RabbitMQ — a real `celery worker` runs tasks.py while small Python drivers call the tasks the
 * way the slides do (`.delay()`, `AsyncResult`, the FastAPI app under uvicorn over HTTP) and
 * check results, retries with their attempt counts, exhausted retries and an idempotent consumer.
 * The hand-written Redis worker of slide 37 is run too. Every process started here is stopped by PID.
 */
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startCeleryWorker, stopCeleryWorker, stopCeleryWorkers } from './helpers/celery.ts';
import {
  killAllPython,
  pythonPackageVersions,
  runPython,
  runPythonJson,
  type PythonProcess,
} from './helpers/python.ts';
import { serve } from './helpers/uvicorn.ts';

const celeryDir = fileURLToPath(new URL('../../examples/celery', import.meta.url));

/** The versions these tests ran with (Debian 12 ships older ones than the current releases). */
const versionLabel = pythonPackageVersions(['celery', 'kombu', 'fastapi']);

/** Runs a program of examples/celery to the end (SIGKILL after `timeoutMs`). */
function runExample(args: readonly string[], env: Record<string, string>, timeoutMs = 120_000) {
  return runPython(args, { cwd: celeryDir, env, timeoutMs });
}

/** Runs a Python snippet that prints one JSON value on its last line, and returns that value. */
function driver(code: string, env: Record<string, string>): Promise<unknown> {
  return runPythonJson(['-c', code], { cwd: celeryDir, env, timeoutMs: 120_000 });
}

afterAll(async () => {
  await stopCeleryWorkers();
  await killAllPython();
});

const brokers = [
  { name: 'Redis', url: () => inject('redisUrl') },
  { name: 'RabbitMQ', url: () => inject('amqpUrl') },
] as const;

describe.each(brokers)(
  `Celery examples with the $name broker (${versionLabel})`,
  ({ name, url }) => {
    const id = `${name.toLowerCase()}-${randomUUID().slice(0, 8)}`;
    let env: Record<string, string>;
    let worker: PythonProcess | undefined;

    beforeAll(async () => {
      const redisUrl = inject('redisUrl');
      env = {
        CELERY_BROKER_URL: url(),
        CELERY_RESULT_BACKEND: redisUrl,
        REDIS_URL: redisUrl,
        CELERY_QUEUE: `lecture-${id}`,
      };
      worker = await startCeleryWorker({
        cwd: celeryDir,
        app: 'tasks',
        name: `lecture-${id}`,
        queue: `lecture-${id}`,
        env,
      });
    });

    afterAll(async () => {
      if (worker) await stopCeleryWorker(worker);
    });

    it('client.py: delay() returns at once, the worker sends the e-mail', async () => {
      const result = await runExample(['client.py'], env);
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout).toMatch(/задача: [0-9a-f-]{36}/);
      expect(result.stdout).toContain('письмо «Заказ принят» отправлено: anna@example.com');
    });

    it('charge_card: bind=True + self.retry succeeds on the 3rd attempt', async () => {
      const order = `order-${id}-ok`;
      const outcome = await driver(
        `import json, payment_gateway as g, tasks
g.set_failures(${JSON.stringify(order)}, 2)
result = tasks.charge_card.delay(${JSON.stringify(order)}, 990).get(timeout=90)
print(json.dumps({"result": result, "attempts": g.attempts("charge", ${JSON.stringify(order)})}))`,
        env,
      );
      expect(outcome).toEqual({
        result: { order_id: order, amount: 990, status: 'ok', attempts: 3 },
        attempts: 3,
      });
    });

    it('charge_card: after max_retries=3 the task fails with the gateway error', async () => {
      const order = `order-${id}-down`;
      const outcome = await driver(
        `import json, payment_gateway as g, tasks
g.set_failures(${JSON.stringify(order)}, 10)
r = tasks.charge_card.delay(${JSON.stringify(order)}, 990)
r.get(timeout=120, propagate=False)
print(json.dumps({"state": r.state, "error": type(r.result).__name__,
                  "attempts": g.attempts("charge", ${JSON.stringify(order)})}))`,
        env,
      );
      // One first run plus three retries, then FAILURE with the exception the task retried on.
      expect(outcome).toEqual({ state: 'FAILURE', error: 'GatewayUnavailable', attempts: 4 });
    });

    it('refund_card: autoretry_for + retry_backoff retries without any try/except', async () => {
      const order = `order-${id}-refund`;
      const outcome = await driver(
        `import json, payment_gateway as g, tasks
g.set_failures(${JSON.stringify(order)}, 2)
print(json.dumps(tasks.refund_card.delay(${JSON.stringify(order)}, 500).get(timeout=90)))`,
        env,
      );
      expect(outcome).toEqual({ order_id: order, amount: 500, status: 'ok', attempts: 3 });
    });

    it('apply_payment: a duplicate delivery does not credit twice (SET NX)', async () => {
      const account = `acc-${id}`;
      const outcome = await driver(
        `import json, tasks
from idempotency import r, already_processed
pid = "pay-${id}"
first = tasks.apply_payment.delay(pid, "${account}", 700).get(timeout=60)
again = tasks.apply_payment.delay(pid, "${account}", 700).get(timeout=60)
other = tasks.apply_payment.delay(pid + "-2", "${account}", 300).get(timeout=60)
print(json.dumps({"results": [first, again, other], "balance": int(r.get("balance:${account}")),
                  "marked": already_processed(pid)}))`,
        env,
      );
      expect(outcome).toEqual({
        results: ['applied', 'duplicate', 'applied'],
        balance: 1000,
        marked: true,
      });
    });

    it('fastapi_app.py over HTTP (uvicorn): POST /orders answers 202 at once, GET /tasks/{id} reaches SUCCESS', async () => {
      const app = await serve({ cwd: celeryDir, module: 'fastapi_app', env });
      try {
        const created = await app.request('POST', '/orders', {
          order_id: 7,
          email: 'anna@example.com',
        });
        expect(created.status).toBe(202);
        expect(created.seconds).toBeLessThan(2);
        const taskId = (created.body as { task_id: string }).task_id;
        expect((await app.request('POST', '/orders', { order_id: 'x' })).status).toBe(422);
        const seen = new Set<string>();
        let last: { task_id: string; status: string; result?: unknown } | undefined;
        const deadline = Date.now() + 90_000;
        while (Date.now() < deadline) {
          const answer = await app.request('GET', `/tasks/${taskId}`);
          expect(answer.status).toBe(200);
          last = answer.body as typeof last;
          seen.add(last?.status ?? '');
          if (last?.status === 'SUCCESS' || last?.status === 'FAILURE') break;
          await new Promise((resolve) => setTimeout(resolve, 200));
        }
        expect(last).toEqual({
          task_id: taskId,
          status: 'SUCCESS',
          result: { order_id: 7, status: 'processed' },
        });
        expect([...seen].every((s) => ['PENDING', 'STARTED', 'SUCCESS'].includes(s))).toBe(true);
      } finally {
        const stopped = await app.stop();
        expect(stopped.stderr).not.toContain('Traceback');
      }
    });
  },
);

describe('direct_worker.py: the hand-written Redis worker of slide 37', () => {
  it('sends good e-mails, retries 3 times, parks the failed task', async () => {
    const queue = `email-${randomUUID().slice(0, 8)}`;
    const env = { REDIS_URL: inject('redisUrl'), EMAIL_QUEUE: queue };
    for (const to of ['ok@example.com', 'nobody@mail.invalid']) {
      const enqueued = await runExample(['direct_worker.py', 'enqueue', to, 'Заказ принят'], env);
      expect(enqueued.code, enqueued.stderr).toBe(0);
    }
    const startedAt = Date.now();
    const run = await runExample(['direct_worker.py', 'work', '--max-tasks', '2'], env, 60_000);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('письмо «Заказ принят» отправлено: ok@example.com');
    // Pauses of 1, 2 and 3 s between the failing task's attempts.
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(6_000);
    const parked = await driver(
      `import json
from direct_worker import r, QUEUE
print(json.dumps({"failed": [json.loads(x) for x in r.lrange(QUEUE + ":failed", 0, -1)],
                  "left": r.llen(QUEUE)}))`,
      env,
    );
    expect(parked).toEqual({
      failed: [{ to: 'nobody@mail.invalid', subject: 'Заказ принят' }],
      left: 0,
    });
  });
});
