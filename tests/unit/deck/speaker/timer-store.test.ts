import { describe, expect, it } from 'vitest';
import { pause, startTimer, showSlide } from '../../../../src/deck/speaker/timekeeper.ts';
import { isTimerState, loadTimer, saveTimer } from '../../../../src/deck/speaker/timer-store.ts';

/** A Map-backed Storage; `broken` makes every call throw, like a forbidden storage. */
function memoryStorage(broken = false): Storage {
  const map = new Map<string, string>();
  const guard = (): void => {
    if (broken) throw new Error('SecurityError');
  };
  return {
    get length() {
      return map.size;
    },
    clear: () => map.clear(),
    getItem: (k) => (guard(), map.get(k) ?? null),
    key: (i) => [...map.keys()][i] ?? null,
    removeItem: (k) => void (guard(), map.delete(k)),
    setItem: (k, v) => void (guard(), map.set(k, v)),
  };
}

describe('timer store', () => {
  it('restores the totals after a reload, re-anchored on the new clock', () => {
    const storage = memoryStorage();
    const before = pause(showSlide(startTimer(10_000, 's-1'), 's-2', 40_000), 'questions', 50_000);
    saveTimer(storage, before);
    const after = loadTimer(storage, 3);
    expect(after).toEqual({ ...before, since: 3 });
  });

  it('reads a timer saved before the start pause existed, and keeps a waiting one waiting', () => {
    const storage = memoryStorage();
    const old = { ...startTimer(0, 's-1'), pausedMs: { deck: 5, questions: 7 } };
    storage.setItem('brokers-lecture:speaker-timer', JSON.stringify(old));
    expect(loadTimer(storage, 9)?.pausedMs).toEqual({ deck: 5, questions: 7, start: 0 });
    saveTimer(storage, startTimer(0, 's-1', true));
    expect(loadTimer(storage, 9)?.pauses).toEqual(['start']);
  });

  it('gives null for nothing saved, garbage, or a tampered shape', () => {
    const storage = memoryStorage();
    expect(loadTimer(storage, 0)).toBeNull();
    storage.setItem('brokers-lecture:speaker-timer', '{not json');
    expect(loadTimer(storage, 0)).toBeNull();
    const good = startTimer(0, 's-1');
    expect(isTimerState(good)).toBe(true);
    expect(isTimerState({ ...good, activeMs: -1 })).toBe(false);
    expect(isTimerState({ ...good, pauses: ['coffee'] })).toBe(false);
    expect(isTimerState({ ...good, perSlideMs: { 's-1': 'x' } })).toBe(false);
    expect(isTimerState(null)).toBe(false);
  });

  it('survives a storage that throws', () => {
    const storage = memoryStorage(true);
    expect(() => saveTimer(storage, startTimer(0, 's-1'))).not.toThrow();
    expect(loadTimer(storage, 0)).toBeNull();
    expect(loadTimer(null, 0)).toBeNull();
  });

  it('forgets the timer when saved as null', () => {
    const storage = memoryStorage();
    saveTimer(storage, startTimer(0, 's-1'));
    saveTimer(storage, null);
    expect(loadTimer(storage, 0)).toBeNull();
  });
});
