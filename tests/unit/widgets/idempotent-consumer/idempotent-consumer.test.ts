import { describe, expect, it } from 'vitest';
import { caption } from '../../../../src/widgets/idempotent-consumer/caption.ts';
import { isRefusal } from '../../../../src/widgets/runtime/timeline.ts';
import {
  captionOf,
  idempotentLogic,
  replay,
  validateAmount,
  validatePaymentId,
  viewOf,
} from '../../../../src/widgets/idempotent-consumer/logic.ts';
import { ledgerOf, processedKeys } from '../../../../src/widgets/idempotent-consumer/run.ts';
import { IDEMPOTENT_STEPS } from '../../../../src/widgets/idempotent-consumer/story.ts';

const charges = (step: number, extra = [] as Parameters<typeof replay>[1]) => {
  const v = viewOf(replay(step, extra));
  return [v.naive.charges, v.idempotent.charges];
};

describe('idempotent-consumer story', () => {
  it('the duplicate: naive charges pay-1 twice, the idempotent consumer once', () => {
    expect([0, 1, 2, 3, 4, 5, 6].map((n) => charges(n))).toEqual([
      [0, 0],
      [0, 0],
      [1, 1],
      [1, 1],
      [2, 1],
      [2, 1],
      [3, 2],
    ]);
    const v = viewOf(replay(4, []));
    expect(v.executions.map((x) => [x.worker, x.redelivered, x.idempotent])).toEqual([
      ['worker1', false, 'charged'],
      ['worker2', true, 'skipped'],
    ]);
    expect(v.naive.doubled).toEqual(['pay-1']);
    expect(v.idempotent.doubled).toEqual([]);
    expect(v.crashes).toEqual([{ worker: 'worker1', at: 1500 }]);
  });

  it('the duplicate comes from the core: worker1 died before basic.ack and RabbitMQ requeued it', () => {
    const { run, cut } = replay(IDEMPOTENT_STEPS, []);
    const types = run.events.slice(0, cut).map((e) => e.type);
    const crash = types.indexOf('worker-offline');
    expect(types.slice(0, crash)).not.toContain('basic.ack');
    expect(types).toContain('requeue');
    // Each consumer's simulated Redis holds exactly what the view shows.
    expect(ledgerOf(run.naiveRedis).map((e) => e.id)).toEqual(['pay-1', 'pay-1', 'pay-2']);
    expect(ledgerOf(run.idemRedis).map((e) => e.id)).toEqual(['pay-1', 'pay-2']);
    expect(processedKeys(run.idemRedis)).toEqual([
      { key: 'processed:pay-1', value: 'done' },
      { key: 'processed:pay-2', value: 'done' },
    ]);
  });

  it('a student re-sends the same id: only the naive consumer charges it again', () => {
    expect(charges(6, [{ id: 'pay-2', amount: 250, crash: false }])).toEqual([4, 2]);
    expect(charges(6, [{ id: 'new', amount: 5, crash: true }])).toEqual([5, 3]);
  });

  it('steps are seekable: the same step gives the same run', () => {
    expect(replay(4, [])).toEqual(replay(4, []));
  });

  it('captions say what happened in the step', () => {
    expect(captionOf(replay(1, []), 0)).toMatch(/apply_payment\.delay\("pay-1", 100 ₽\)/);
    expect(captionOf(replay(3, []), replay(2, []).cut)).toMatch(/упал после списания, но до ack/);
    expect(captionOf(replay(4, []), replay(3, []).cut)).toMatch(/SET NX вернул nil/);
  });

  it('checks payment ids and amounts', () => {
    expect(validatePaymentId('  pay-9 ')).toEqual({ ok: true, value: 'pay-9' });
    expect(validatePaymentId('   ').ok).toBe(false);
    expect(validatePaymentId('я'.repeat(30)).ok).toBe(false);
    expect(validatePaymentId('<img src=x onerror=alert(1)>').ok).toBe(true);
    expect(validateAmount('0').ok).toBe(false);
    expect(validateAmount('1000001').ok).toBe(false);
    expect(validateAmount('12.5').ok).toBe(false);
    expect(validateAmount('250')).toEqual({ ok: true, value: 250 });
  });
});

describe('idempotent-consumer on the kit', () => {
  it('refuses a seventh payment of one’s own with a reason, never throws', () => {
    const six = Array.from({ length: 6 }, (_, i) => ({ id: `p${i}`, amount: 1, crash: false }));
    const model = replay(6, six);
    const seventh = idempotentLogic.act(model, { id: 'p7', amount: 1, crash: false });
    expect(isRefusal(seventh) && seventh.reason).toMatch(/Не больше 6 своих платежей/);
  });

  it('a student’s payment is told by its own run, with «Ваш платёж»', () => {
    const model = replay(6, [{ id: 'pay-2', amount: 250, crash: false }]);
    const text = caption(idempotentLogic.view(model, { story: 'idempotent', step: 6, actions: 1 }));
    expect(text).toMatch(/^Ваш платёж\. .*SET NX вернул nil/);
  });
});
