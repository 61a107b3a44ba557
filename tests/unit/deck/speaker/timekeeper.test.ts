import { describe, expect, it } from 'vitest';
import {
  advance,
  elapsedSeconds,
  isRunning,
  isWaiting,
  pause,
  reanchor,
  resume,
  showSlide,
  slideSeconds,
  startTimer,
} from '../../../../src/deck/speaker/timekeeper.ts';

describe('timekeeper', () => {
  it('credits running time to the slide shown and to the lecture', () => {
    let t = startTimer(1_000, 's-1');
    t = showSlide(t, 's-2', 31_000);
    expect(elapsedSeconds(t, 41_000)).toBe(40);
    expect(slideSeconds(t, 's-1', 41_000)).toBe(30);
    expect(slideSeconds(t, 's-2', 41_000)).toBe(10);
  });

  it('excludes deck pauses and question pauses, and counts them apart', () => {
    let t = startTimer(0, 's-1');
    t = pause(t, 'deck', 10_000);
    expect(isRunning(t)).toBe(false);
    t = resume(t, 'deck', 25_000);
    t = pause(t, 'questions', 30_000);
    t = resume(t, 'questions', 90_000);
    t = advance(t, 100_000);
    expect(t.activeMs).toBe(25_000);
    expect(t.perSlideMs['s-1']).toBe(25_000);
    expect(t.pausedMs).toEqual({ deck: 15_000, questions: 60_000, start: 0 });
  });

  it('waits for the lecture to start: nothing counts until the start pause is lifted', () => {
    let t = startTimer(0, 's-1', true);
    expect(isWaiting(t)).toBe(true);
    expect(isRunning(t)).toBe(false);
    expect(elapsedSeconds(t, 600_000)).toBe(0);
    t = resume(t, 'start', 600_000);
    expect(isWaiting(t)).toBe(false);
    t = showSlide(t, 's-2', 660_000);
    expect(elapsedSeconds(t, 700_000)).toBe(100);
    expect(slideSeconds(t, 's-1', 700_000)).toBe(60);
    expect(t.pausedMs).toEqual({ deck: 0, questions: 0, start: 600_000 });
    expect(isWaiting(startTimer(0, 's-1'))).toBe(false);
  });

  it('keeps running only when every pause reason is lifted', () => {
    let t = startTimer(0, 's-1');
    t = pause(t, 'deck', 1_000);
    t = pause(t, 'questions', 2_000);
    t = resume(t, 'deck', 3_000);
    expect(isRunning(t)).toBe(false);
    t = resume(t, 'questions', 4_000);
    expect(isRunning(t)).toBe(true);
    expect(elapsedSeconds(t, 5_000)).toBe(2);
    // Overlapping pauses count once, under the reason that came first.
    expect(t.pausedMs).toEqual({ deck: 2_000, questions: 1_000, start: 0 });
  });

  it('ignores a repeated pause, a resume without pause, and a clock reading from the past', () => {
    let t = startTimer(0, 's-1');
    t = pause(t, 'deck', 1_000);
    const again = pause(t, 'deck', 1_000);
    expect(again.pauses).toEqual(['deck']);
    t = resume(resume(t, 'questions', 2_000), 'deck', 2_000);
    expect(isRunning(t)).toBe(true);
    expect(advance(t, 500)).toBe(t);
    expect(elapsedSeconds(t, 4_000)).toBe(3);
  });

  it('sums several visits of one slide', () => {
    let t = startTimer(0, 's-1');
    t = showSlide(t, 's-2', 10_000);
    t = showSlide(t, 's-1', 15_000);
    t = showSlide(t, 's-2', 20_000);
    expect(slideSeconds(t, 's-1', 20_000)).toBe(15);
    expect(slideSeconds(t, 's-2', 20_000)).toBe(5);
  });

  it('never mutates its input', () => {
    const t = startTimer(0, 's-1');
    const frozen = JSON.stringify(t);
    showSlide(pause(t, 'deck', 5), 's-2', 10);
    expect(JSON.stringify(t)).toBe(frozen);
  });

  it('re-anchors on a new clock without counting the gap', () => {
    const saved = advance(startTimer(50_000, 's-1'), 80_000);
    const restored = reanchor(saved, 2_000);
    expect(elapsedSeconds(restored, 12_000)).toBe(40);
  });
});
