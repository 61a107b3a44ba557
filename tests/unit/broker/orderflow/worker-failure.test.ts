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

  it('with a broker the client still gets 201 at 115 ms; the message is rejected, redelivered and retried', () => {
    const { async } = orderFlow(resolveInput({ failures: { inventory: 2 } }));
    expect([async.status, async.responseMs]).toEqual([201, 115]);
    const inventory = async.spans.filter((s) => s.lane === 'worker:inventory');
    expect(inventory.map((s) => [s.start, s.end, s.status, s.attempt])).toEqual([
      [110, 610, 'error', 1],
      [610, 1110, 'error', 2],
      [1110, 1610, 'ok', 3],
    ]);
    const amqp = async.events
      .filter((e) => 'queue' in e && e.queue === 'orders.inventory')
      .map((e) => (e.type === 'basic.deliver' ? `deliver redelivered=${e.redelivered}` : e.type));
    expect(amqp).toEqual([
      'deliver redelivered=false',
      'basic.reject',
      'deliver redelivered=true',
      'basic.reject',
      'deliver redelivered=true',
      'basic.ack',
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
