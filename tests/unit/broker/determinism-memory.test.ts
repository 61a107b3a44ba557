import { describe, expect, it } from 'vitest';
import { generate, subjects } from './determinism-subjects.ts';

const COMMANDS = 100_000;
/** Serialised state must stay under this, however long the run (capped logs, expiry, retention). */
const MAX_STATE_BYTES = 2_000_000;

describe.each(subjects.map((s) => [s.name, s] as const))('%s model memory', (_name, subject) => {
  it(`stays bounded over ${COMMANDS.toLocaleString('en')} commands`, { timeout: 300_000 }, () => {
    const sizes: number[] = [];
    generate(subject, 11, COMMANDS, (state, i) => {
      if (i % 10_000 === 9_999) sizes.push(JSON.stringify(state).length);
    });
    expect(Math.max(...sizes)).toBeLessThan(MAX_STATE_BYTES);
    // Flat, not creeping: the second half never grows past the first half's peak by much.
    const firstHalfPeak = Math.max(...sizes.slice(0, 5));
    const secondHalfPeak = Math.max(...sizes.slice(5));
    expect(secondHalfPeak).toBeLessThan(firstHalfPeak * 1.5 + 20_000);
  });
});
