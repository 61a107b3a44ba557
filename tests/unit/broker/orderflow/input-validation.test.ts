import { describe, expect, it } from 'vitest';
import { DEFAULT_DURATIONS, resolveInput } from '../../../../src/broker/orderflow/index.ts';

describe('order flow input validation', () => {
  it('defaults are the durations in the slides’ code', () => {
    expect(DEFAULT_DURATIONS).toEqual({
      saveOrder: 100,
      sendEmail: 2000,
      updateInventory: 500,
      notifyWarehouse: 300,
      publish: 5,
    });
    expect(resolveInput().failures).toEqual({ email: 0, inventory: 0, warehouse: 0 });
  });

  it('accepts 0 and 60000 ms, rejects negative, too large, NaN and infinite durations', () => {
    expect(resolveInput({ durations: { sendEmail: 0 } }).durations.sendEmail).toBe(0);
    expect(resolveInput({ durations: { sendEmail: 60_000 } }).durations.sendEmail).toBe(60_000);
    for (const bad of [-1, 60_001, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => resolveInput({ durations: { sendEmail: bad } })).toThrow(/durations\.sendEmail/);
    }
  });

  it('a failure count is an integer in 0..10', () => {
    expect(() => resolveInput({ failures: { email: 11 } })).toThrow(/failures\.email/);
    expect(() => resolveInput({ failures: { email: 1.5 } })).toThrow(RangeError);
    expect(() => resolveInput({ failures: { email: -1 } })).toThrow(RangeError);
  });
});
