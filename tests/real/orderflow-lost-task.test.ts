/**
 * Slide 7's failure step, played on a real Redis 7 with the slide's own worker
 * (examples/order_flow/workers.py) and compared with the order-flow model: BRPOP takes the task
 * off the list before the handler runs, the handler's exception ends the worker, and no list
 * holds the task any more — nothing redelivers it.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { orderFlow, resolveInput } from '../../src/broker/orderflow/index.ts';
import { taskStatesAt } from '../../src/widgets/order-flow/tasks.ts';
import { runPython } from './helpers/python.ts';
import { useRedisDb } from './helpers/redis-db.ts';

const EXAMPLES = fileURLToPath(new URL('../../examples/order_flow', import.meta.url));
/** A database of its own: the worker uses the fixed list name orders:email. */
const DB = 13;
const TASK = { order_id: 'a1b2c3d4e5f6', order: { email: 'anna@example.com', product_id: 42 } };

/** workers.py as run from the shell, with a mail server that is down. */
const FAILING_WORKER = `
import sys
import workers

def smtp_down(order_id, order):
    raise ConnectionError("SMTP server is down")

workers.HANDLERS["email"] = smtp_down
sys.argv = ["workers.py", "email", "--max-tasks", "1"]
workers.main()
`;

describe('order flow on real Redis: a worker whose handler raises loses the task', () => {
  const db = useRedisDb(DB);

  it('LPUSH leaves one task on the list; the failing worker exits with a traceback and the list stays empty', async () => {
    const model = orderFlow(resolveInput({ failures: { email: 1 } })).async;
    const email = (ms: number) => taskStatesAt(model, ms).find((t) => t.task === 'email');
    const published = email(0)?.publishedAt ?? 0;

    await db.client.lPush('orders:email', JSON.stringify(TASK));
    const observed = { pushed: await db.client.lLen('orders:email'), after: -1 };
    const result = await runPython(['-c', FAILING_WORKER], {
      cwd: EXAMPLES,
      env: { REDIS_URL: db.url },
      timeoutMs: 30_000,
    });
    observed.after = await db.client.lLen('orders:email');

    // The real run: the exception ends the process, and the task is in no list.
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('ConnectionError: SMTP server is down');
    expect(result.stdout).not.toContain('обработал задач');
    expect(observed).toEqual({ pushed: 1, after: 0 });
    expect(await db.client.keys('*')).toEqual([]);

    // The model plays it the same way: one task in the list only until BRPOP, then lost.
    expect(email(published - 1)?.place).toBe('none');
    expect(email(published)?.place).toBe('worker');
    expect(email(model.doneMs)?.place).toBe('lost');
    expect(
      model.events.filter((e) => 'key' in e && e.key === 'orders:email').map((e) => e.type),
    ).toEqual(['LPUSH', 'BRPOP', 'task-lost']);
  });
});
