import { describe, expect, it } from 'vitest';
import { DEFAULT_INPUT, orderFlow, resolveInput } from '../../../../src/broker/orderflow/index.ts';

describe('order flow timings (slides 6–7)', () => {
  const { sync, async } = orderFlow(DEFAULT_INPUT);

  it('synchronously the client waits 100 + 2000 + 500 + 300 = 2900 ms', () => {
    expect(sync.responseMs).toBe(2900);
    expect(sync.status).toBe(201);
    expect(
      sync.spans.filter((s) => s.lane === 'api').map((s) => [s.label, s.start, s.end]),
    ).toEqual([
      ['saveOrder', 0, 100],
      ['sendEmail', 100, 2100],
      ['updateInventory', 2100, 2600],
      ['notifyWarehouse', 2600, 2900],
    ]);
  });

  it('with a broker the client gets 201 after 100 + 3 × 5 = 115 ms', () => {
    expect(async.responseMs).toBe(115);
    expect(async.status).toBe(201);
    expect(async.spans.find((s) => s.lane === 'client')).toMatchObject({ start: 0, end: 115 });
  });

  it('each worker pops its task with BRPOP the moment it is pushed and finishes on its own', () => {
    const worker = (lane: string) => async.spans.find((s) => s.lane === lane);
    // workers.py is already blocked in BRPOP, so the task leaves the list as it arrives.
    expect(worker('worker:email')).toMatchObject({ start: 105, end: 2105 });
    expect(worker('worker:inventory')).toMatchObject({ start: 110, end: 610 });
    expect(worker('worker:warehouse')).toMatchObject({ start: 115, end: 415 });
    expect(async.doneMs).toBe(2105);
  });

  it("broker commands are the code's Redis ones: LPUSH onto orders:<kind>, then BRPOP; no ack", () => {
    const redis = async.events.filter((e) => 'key' in e);
    expect(redis.map((e) => e.type)).toEqual([
      'LPUSH',
      'BRPOP',
      'LPUSH',
      'BRPOP',
      'LPUSH',
      'BRPOP',
      'task-done',
      'task-done',
      'task-done',
    ]);
    // The list names of examples/order_flow/async_app.py's publish() calls.
    expect(async.events.filter((e) => e.type === 'LPUSH').map((e) => 'key' in e && e.key)).toEqual([
      'orders:email',
      'orders:inventory',
      'orders:warehouse',
    ]);
    expect(async.events.some((e) => e.type.startsWith('basic.'))).toBe(false);
  });

  it('follows the durations given: a slower save or publish moves everything after it', () => {
    const input = resolveInput({ durations: { saveOrder: 250, publish: 20, sendEmail: 0 } });
    const r = orderFlow(input);
    expect(r.sync.responseMs).toBe(250 + 0 + 500 + 300);
    expect(r.async.responseMs).toBe(250 + 3 * 20);
    expect(r.async.spans.find((s) => s.lane === 'worker:email')).toMatchObject({
      start: 270,
      end: 270,
    });
  });

  it('events come in time order and every span’s start precedes its end', () => {
    for (const run of [sync, async]) {
      const times = run.events.map((e) => e.at);
      expect(times).toEqual([...times].sort((a, b) => a - b));
      for (const s of run.spans) expect(s.start).toBeLessThanOrEqual(s.end);
    }
  });
});
