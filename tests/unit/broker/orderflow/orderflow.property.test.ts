import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MAX_STEP_MS,
  orderFlow,
  resolveInput,
  WORKER_TASKS,
} from '../../../../src/broker/orderflow/index.ts';

const ms = fc.integer({ min: 0, max: MAX_STEP_MS });
const input = fc
  .record({
    durations: fc.record({
      saveOrder: ms,
      sendEmail: ms,
      updateInventory: ms,
      notifyWarehouse: ms,
      publish: fc.integer({ min: 0, max: 100 }),
    }),
    failures: fc.record({ email: fc.nat(10), inventory: fc.nat(10), warehouse: fc.nat(10) }),
  })
  .map((p) => resolveInput(p));

describe('order flow properties', () => {
  it('async answers after save + 3 publishes whatever fails; sync is the sum up to the first failure', () => {
    fc.assert(
      fc.property(input, (i) => {
        const { sync, async } = orderFlow(i);
        const d = i.durations;
        expect(async.responseMs).toBe(d.saveOrder + 3 * d.publish);
        expect(async.status).toBe(201);
        const work = {
          email: d.sendEmail,
          inventory: d.updateInventory,
          warehouse: d.notifyWarehouse,
        };
        let expected = d.saveOrder;
        let status: 201 | 500 = 201;
        for (const t of WORKER_TASKS) {
          expected += work[t];
          if (i.failures[t] > 0) {
            status = 500;
            break;
          }
        }
        expect([sync.responseMs, sync.status]).toEqual([expected, status]);
      }),
    );
  });

  it('each worker pops its task once (BRPOP, no retry): done if the handler returns, else lost', () => {
    fc.assert(
      fc.property(input, (i) => {
        const { async } = orderFlow(i);
        for (const t of WORKER_TASKS) {
          const spans = async.spans.filter((s) => s.lane === `worker:${t}`);
          expect(spans).toHaveLength(1);
          const fates = async.events
            .filter((e) => 'key' in e && e.key === `orders:${t}`)
            .map((e) => e.type);
          expect(fates).toEqual(['LPUSH', 'BRPOP', i.failures[t] > 0 ? 'task-lost' : 'task-done']);
        }
        expect(async.doneMs).toBeGreaterThanOrEqual(async.responseMs);
      }),
    );
  });
});
