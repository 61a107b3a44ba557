import { describe, expect, it } from 'vitest';
import { commandBatches } from '../../../../src/widgets/runtime/batches.ts';
import { isRefusal } from '../../../../src/widgets/runtime/timeline.ts';

describe('commandBatches', () => {
  const logic = commandBatches<readonly string[], number, string>({
    steps: [['a'], [], ['b', 'c']],
    send: (model, batch) => [...model, ...batch],
    unfit: (_model, n) => (n < 0 ? `отрицательное ${n}` : undefined),
    commands: (n) => [`x${n}`],
  });

  it('a step sends its batch; a step without one leaves the model as it is', () => {
    expect(logic.play(['s'], 'story', 3)).toEqual(['s', 'b', 'c']);
    const model = ['s'];
    expect(logic.play(model, 'story', 4)).toBe(model);
  });

  it('a fitting action sends its commands, an unfit one is refused with the reason', () => {
    expect(logic.act([], 2)).toEqual(['x2']);
    const refused = logic.act([], -1);
    expect(isRefusal(refused) && refused.reason).toBe('отрицательное -1');
  });
});
