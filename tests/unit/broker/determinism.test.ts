import { describe, expect, it } from 'vitest';
import { generate, subjects } from './determinism-subjects.ts';

/** Freezes a value and everything reachable from it, so any write in `step` throws. */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** Replays a fixed command list and serialises everything it produced. */
function replayJson(
  subject: (typeof subjects)[number],
  seed: number,
  commands: readonly unknown[],
): string {
  let state = subject.model.init(seed);
  const trace: unknown[] = [];
  for (const c of commands) {
    const r = subject.model.step(state, c);
    trace.push(r.events);
    state = r.state;
  }
  return JSON.stringify({ trace, state });
}

describe.each(subjects.map((s) => [s.name, s] as const))('%s model', (_name, subject) => {
  it('same seed and commands give the identical JSON trace', () => {
    for (const seed of [1, 2, 99]) {
      const { commands } = generate(subject, seed, 400);
      expect(replayJson(subject, seed, commands)).toBe(replayJson(subject, seed, commands));
    }
  });

  it('state round-trips through JSON and steps on identically after the round trip', () => {
    const { commands } = generate(subject, 7, 300);
    let state = subject.model.init(7);
    commands.forEach((c, i) => {
      const copy = JSON.parse(JSON.stringify(state)) as unknown;
      expect(copy).toEqual(state);
      const a = subject.model.step(state, c);
      if (i % 10 === 0) {
        const b = subject.model.step(copy, c);
        expect(JSON.stringify(b)).toBe(JSON.stringify(a));
      }
      state = a.state;
    });
  });

  it('step never mutates its (deep-frozen) input', () => {
    const { commands } = generate(subject, 3, 400);
    let state = deepFreeze(subject.model.init(3));
    for (const c of commands) {
      const before = JSON.stringify(state);
      const r = subject.model.step(state, deepFreeze(c));
      expect(JSON.stringify(state)).toBe(before);
      state = deepFreeze(r.state);
    }
  });
});
