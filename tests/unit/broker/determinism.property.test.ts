import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generate, subjects } from './determinism-subjects.ts';

describe.each(subjects.map((s) => [s.name, s] as const))(
  '%s model (property)',
  (_name, subject) => {
    it('any seed and command count: two runs give the same JSON trace and end state', () => {
      fc.assert(
        fc.property(
          fc.integer({ min: 0, max: 0xffff_ffff }),
          fc.integer({ min: 0, max: 150 }),
          (seed, n) => {
            const a = generate(subject, seed, n);
            const b = generate(subject, seed, n);
            expect(JSON.stringify(b)).toBe(JSON.stringify(a));
          },
        ),
        { numRuns: 40 },
      );
    });

    it('seeking is replaying: the state after step k equals the state a fresh run reaches at k', () => {
      fc.assert(
        fc.property(
          fc.integer({ min: 0, max: 1000 }),
          fc.integer({ min: 1, max: 120 }),
          (seed, n) => {
            const { commands, state } = generate(subject, seed, n);
            let s = subject.model.init(seed);
            for (const c of commands) s = subject.model.step(s, c).state;
            expect(JSON.stringify(s)).toBe(JSON.stringify(state));
          },
        ),
        { numRuns: 25 },
      );
    });
  },
);
