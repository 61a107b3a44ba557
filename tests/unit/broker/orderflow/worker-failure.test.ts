import { describe, expect, it } from 'vitest';
import { orderFlow, resolveInput } from '../../../../src/broker/orderflow/index.ts';

describe('a failing step', () => {
  it('synchronously ends the request with 500 right after the failing step; later steps never run', () => {
    const { sync } = orderFlow(resolveInput({ failures: { email: 1 } }));
    expect(sync.status).toBe(500);
    expect(sync.responseMs).toBe(2100);
    expect(sync.spans.filter((s) => s.lane === 'api').map((s) => [s.label, s.status])).toEqual([
      ['saveOrder', 'ok'],
      ['sendEmail', 'error'],
    ]);
  });

  it('a failure in the last step still costs the client the whole wait, then 500', () => {
    const { sync } = orderFlow(resolveInput({ failures: { warehouse: 3 } }));
    expect([sync.status, sync.responseMs]).toEqual([500, 2900]);
  });

  // examples/order_flow/workers.py: BRPOP removes the task from the list before the handler
  // runs, run_worker has no try/except and main() catches only KeyboardInterrupt, so a raising
  // handler ends the worker and nothing holds the task any more. Recorded from Redis 7 in
  // tests/real/orderflow-lost-task.test.ts.
  it('with Redis BRPOP the client still gets 201 at 115 ms; the failing task is lost, not retried', () => {
    const { async } = orderFlow(resolveInput({ failures: { inventory: 2 } }));
    expect([async.status, async.responseMs]).toEqual([201, 115]);
    const inventory = async.spans.filter((s) => s.lane === 'worker:inventory');
    expect(inventory.map((s) => [s.start, s.end, s.status])).toEqual([[110, 610, 'error']]);
    const redis = async.events
      .filter((e) => 'key' in e && e.key === 'orders:inventory')
      .map((e) => [e.type, e.at]);
    expect(redis).toEqual([
      ['LPUSH', 110],
      ['BRPOP', 110],
      ['task-lost', 610],
    ]);
  });

  it('one worker’s failure does not touch the other workers', () => {
    const calm = orderFlow(resolveInput()).async.spans.filter((s) => s.lane !== 'worker:email');
    const failing = orderFlow(resolveInput({ failures: { email: 4 } })).async.spans.filter(
      (s) => s.lane !== 'worker:email',
    );
    expect(failing).toEqual(calm);
  });
});
