import { describe, expect, it } from 'vitest';
import { chipMoves } from '../../../../src/widgets/rabbit-acks/animate.ts';

describe('which chips move between two frames', () => {
  it('a chip that changed place starts from its old offset; one that stayed does not move', () => {
    const before = new Map([
      ['1', { x: 10, y: 10 }],
      ['2', { x: 50, y: 10 }],
    ]);
    const after = new Map([
      ['1', { x: 10, y: 10.5 }],
      ['2', { x: 200, y: 110 }],
    ]);
    expect(chipMoves(before, after)).toEqual([{ key: '2', from: { dx: -150, dy: -100 } }]);
  });

  it('a new chip appears; a chip that left is not animated', () => {
    const before = new Map([['1', { x: 0, y: 0 }]]);
    const after = new Map([['3', { x: 5, y: 5 }]]);
    expect(chipMoves(before, after)).toEqual([{ key: '3', from: undefined }]);
  });
});
