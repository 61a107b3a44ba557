import { describe, expect, it } from 'vitest';
import {
  fanoutCaption,
  rpcCaption,
  sourcingCaption,
} from '../../../../src/widgets/patterns/caption.ts';
import { fanoutView } from '../../../../src/widgets/patterns/logic-fanout.ts';
import {
  validateAmount,
  validateFibN,
  validateMessage,
  validateReceivers,
} from '../../../../src/widgets/patterns/logic.ts';
import { rpcView } from '../../../../src/widgets/patterns/logic-rpc.ts';
import { sourcingView } from '../../../../src/widgets/patterns/logic-sourcing.ts';

const open = { open: true, balance: 120, version: 4 };

describe('validation of the student’s inputs', () => {
  it('accepts 1–6 receivers and explains anything else', () => {
    expect(validateReceivers('6')).toEqual({ ok: true, value: 6 });
    for (const bad of ['0', '7', '', '2.5', 'три', '1e3', '9'.repeat(10000)]) {
      const r = validateReceivers(bad);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.message).toMatch(/Получателей/);
    }
  });

  it('keeps a message as typed (markup included), but not blank or over 60 bytes', () => {
    expect(validateMessage('  <script>x</script> ')).toEqual({
      ok: true,
      value: '<script>x</script>',
    });
    expect(validateMessage('   ').ok).toBe(false);
    expect(validateMessage('я'.repeat(31)).ok).toBe(false);
  });

  it('reads +N as a deposit and -N or −N as a withdrawal, within the balance', () => {
    expect(validateAmount('+40', open)).toEqual({
      ok: true,
      value: { kind: 'deposited', amount: 40 },
    });
    expect(validateAmount('40', open)).toEqual({
      ok: true,
      value: { kind: 'deposited', amount: 40 },
    });
    expect(validateAmount('−30', open)).toEqual({
      ok: true,
      value: { kind: 'withdrawn', amount: 30 },
    });
    expect(validateAmount('-121', open)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/Недостаточно средств/),
    });
    for (const bad of ['0', '+', '1.5', '<b>1</b>', '99999999', ''])
      expect(validateAmount(bad, open).ok).toBe(false);
    expect(validateAmount('+5', { open: false, balance: 0, version: 0 }).ok).toBe(false);
  });

  it('accepts n from 0 to 40 for fib(n)', () => {
    expect(validateFibN('40')).toEqual({ ok: true, value: 40 });
    expect(validateFibN('41').ok).toBe(false);
    expect(validateFibN('-1').ok).toBe(false);
  });
});

describe('captions say in words what the model did', () => {
  it('tells fan-out copies from one-worker-each', () => {
    expect(fanoutCaption(fanoutView(3, 0, []))).toContain('fanout-exchange «events» и 3 очереди');
    const text = fanoutCaption(fanoutView(3, 3, []));
    expect(text).toContain('«заказ #3» и «заказ #4»');
    expect(text).toContain('#3 → воркер 3, #4 → воркер 1');
    expect(text).toContain('каждому из 3 подписчиков');
  });

  it('names the appended offsets and the replayed range', () => {
    expect(sourcingCaption(sourcingView(2, []))).toContain('(offset 2–3): «−30 ₽», «+50 ₽»');
    expect(sourcingCaption(sourcingView(3, []))).toContain('перечитал журнал с offset 0 по 3');
  });

  it('names reply_to, correlation_id and the out-of-order match', () => {
    const queue = rpcView(0, []).replyQueue;
    expect(rpcCaption(rpcView(1, []))).toContain(`reply_to=${queue} и correlation_id=c-1`);
    expect(rpcCaption(rpcView(3, []))).toContain(
      'ответ 8 с запросом fib(6) — хотя fib(25) отправлен раньше',
    );
    expect(rpcCaption(rpcView(2, [{ type: 'request', n: 3 }]))).toContain('ждёт в «rpc_queue»');
    expect(rpcCaption(rpcView(4, []))).toContain('не по порядку, но каждый нашёл свой запрос');
  });
});
