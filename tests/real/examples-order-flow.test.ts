/**
 * Runs the order examples of slides 6–7 (examples/order_flow/) with Debian's Python against the
 * real Redis the global setup started, the apps under `python3 -m uvicorn` called over real HTTP:
 * the synchronous endpoint answers after ≈ 2900 ms, the one with a broker after ≈ 100 ms plus
 * three publishes, and three workers then finish on their own.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { pythonPackageVersions, startPython, type PythonProcess } from './helpers/python.ts';
import { useRedisDb } from './helpers/redis-db.ts';
import { serve } from './helpers/uvicorn.ts';

const EXAMPLES = fileURLToPath(new URL('../../examples/order_flow', import.meta.url));
/** A database of its own: the examples use fixed queue names (orders:email, …). */
const DB = 12;
const QUEUES = ['orders:email', 'orders:inventory', 'orders:warehouse'] as const;
const ORDER = { email: 'anna@example.com', product_id: 42, quantity: 2 };
const VERSIONS = pythonPackageVersions(['redis', 'fastapi', 'pydantic']);

/** Serves `module`'s app with uvicorn, POSTs ORDER over HTTP, stops it; the answer and the app's output. */
async function postOrder(module: string, redisUrl: string) {
  const app = await serve({ cwd: EXAMPLES, module, env: { REDIS_URL: redisUrl } });
  const answer = await app.request('POST', '/orders', ORDER);
  const invalid = await app.request('POST', '/orders', { email: 'anna@example.com' });
  const stopped = await app.stop();
  return {
    status: answer.status,
    body: answer.body as { order_id: string },
    seconds: answer.seconds,
    invalid: invalid.status,
    stdout: stopped.stdout,
    stderr: stopped.stderr,
  };
}

describe(`order flow examples, slides 6–7 (Debian: ${VERSIONS})`, () => {
  const db = useRedisDb(DB);
  const redisUrl = db.url;

  it('sync_app.py over HTTP: the client waits for all four steps, ≈ 2900 ms', async () => {
    const answer = await postOrder('sync_app', redisUrl);
    expect(answer.stderr).not.toContain('Traceback');
    expect(answer.status).toBe(201);
    expect(answer.invalid).toBe(422);
    expect(answer.body.order_id).toMatch(/^[0-9a-f]{12}$/);
    expect(answer.seconds).toBeGreaterThanOrEqual(2.9);
    expect(answer.seconds).toBeLessThan(3.6);
    // The steps ran one after another, inside the request.
    // (uvicorn's access log lines go to stdout too.)
    const printed = answer.stdout.split('\n').filter((l) => l !== '' && !l.startsWith('INFO:'));
    expect(printed).toEqual([
      `Письмо о заказе ${answer.body.order_id} отправлено на anna@example.com`,
      'Остатки обновлены: товар 42, −2 шт.',
      `Склад получил заказ ${answer.body.order_id}`,
    ]);
  });

  it('async_app.py over HTTP: saves, publishes three tasks and answers in ≈ 115 ms', async () => {
    const answer = await postOrder('async_app', redisUrl);
    expect(answer.stderr).not.toContain('Traceback');
    expect(answer.status).toBe(201);
    expect(answer.invalid).toBe(422);
    // 100 ms of DB write plus three LPUSHes to a local Redis (well under the slide's 3 × 5 ms).
    expect(answer.seconds).toBeGreaterThanOrEqual(0.1);
    expect(answer.seconds).toBeLessThan(0.6);
    for (const queue of QUEUES) {
      const tasks = await db.client.lRange(queue, 0, -1);
      expect(tasks).toHaveLength(1);
      expect(JSON.parse(tasks[0] ?? 'null')).toEqual({
        order_id: answer.body.order_id,
        order: ORDER,
      });
    }
  });

  it('workers.py: three workers finish the queued tasks independently', async () => {
    expect(await db.client.lLen('orders:email')).toBe(1);
    const started = Date.now();
    const finishedAt: Record<string, number> = {};
    const workers = new Map<string, PythonProcess>();
    for (const kind of ['email', 'inventory', 'warehouse']) {
      const worker = startPython(['workers.py', kind, '--max-tasks', '1'], {
        cwd: EXAMPLES,
        env: { REDIS_URL: redisUrl },
        timeoutMs: 30_000,
      });
      void worker.finished.then(() => (finishedAt[kind] = Date.now() - started));
      workers.set(kind, worker);
    }
    const results = await Promise.all([...workers.values()].map((w) => w.finished));
    for (const result of results) {
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/обработал задач: 1/);
    }
    expect(workers.get('email')?.stdout).toContain('отправлено на anna@example.com');
    expect(workers.get('inventory')?.stdout).toContain('Остатки обновлены: товар 42, −2 шт.');
    expect(workers.get('warehouse')?.stdout).toMatch(/Склад получил заказ [0-9a-f]{12}/);
    // In parallel: the quick tasks do not wait for the 2-second e-mail.
    expect(finishedAt['warehouse']).toBeLessThan(finishedAt['email'] ?? 0);
    expect(finishedAt['inventory']).toBeLessThan(finishedAt['email'] ?? 0);
    for (const queue of QUEUES) expect(await db.client.lLen(queue)).toBe(0);
  });

  it('workers.py stops cleanly on Ctrl+C while the queue is empty', async () => {
    const worker = startPython(['workers.py', 'warehouse'], {
      cwd: EXAMPLES,
      env: { REDIS_URL: redisUrl },
    });
    await worker.waitForOutput(/ждёт задачи в orders:warehouse/);
    const result = await worker.stop();
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Воркер warehouse остановлен');
    expect(result.stderr).not.toContain('Traceback');
  });
});
