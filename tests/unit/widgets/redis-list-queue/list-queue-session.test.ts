import { describe, expect, it } from 'vitest';
import { motionOf } from '../../../../src/widgets/redis-list-queue/animate.ts';
import { caption } from '../../../../src/widgets/redis-list-queue/caption.ts';
import {
  LIST_QUEUE_SCENARIO,
  LIST_QUEUE_STEPS,
} from '../../../../src/widgets/redis-list-queue/story.ts';
import { queueView } from '../../../../src/widgets/redis-list-queue/logic.ts';
import {
  nextWorker,
  validateTask,
  type QueueAction,
} from '../../../../src/widgets/redis-list-queue/logic.ts';

const status = (step: number, actions: QueueAction[] = []) =>
  Object.fromEntries(
    queueView(step, actions).workers.map((w) => [w.client, `${w.status}:${w.task ?? ''}`]),
  );

describe('redis-list-queue story (slide 14)', () => {
  it('has as many steps as the catalogue says', () => {
    expect(LIST_QUEUE_SCENARIO).toHaveLength(LIST_QUEUE_STEPS);
  });

  it('starts with three workers waiting in BRPOP, in the order they came', () => {
    const view = queueView(0, []);
    expect(view.workers.map((w) => [w.client, w.status, w.line])).toEqual([
      ['W1', 'waiting', 1],
      ['W2', 'waiting', 2],
      ['W3', 'waiting', 3],
    ]);
    expect(caption(view)).toContain('ждёт дольше');
  });

  it('serves blocked workers first-come first-served, one element each, FIFO', () => {
    expect(status(1)).toMatchObject({ W1: 'busy:письмо 1', W2: 'waiting:' });
    expect(status(2)).toMatchObject({ W2: 'busy:письмо 2', W3: 'busy:письмо 3' });
    const view = queueView(1, []);
    expect(caption(view)).toContain('Воркер 1, №1 в ожидании, взял «письмо 1» (BRPOP)');
    expect(caption(queueView(2, []))).toContain(
      'По очереди ожидания (BRPOP): Воркер 2 — «письмо 2», Воркер 3 — «письмо 3»',
    );
    expect(motionOf(view)).toMatchObject({ pushed: 0, taken: ['W1'] });
  });

  it('keeps what no worker can take in the list', () => {
    const view = queueView(4, []);
    expect(view.queue).toEqual(['письмо 5']);
    expect(status(4)).toMatchObject({ W1: 'busy:письмо 4' });
    expect(caption(view)).toContain('Все воркеры заняты');
  });

  it('a worker that crashes after BRPOP loses its task: it is nowhere in Redis', () => {
    const view = queueView(5, []);
    expect(view.crashes).toEqual([{ value: 'письмо 2', worker: 'W2', lost: true }]);
    expect(view.state.stats.lostTasks).toBe(1);
    expect(view.queue).not.toContain('письмо 2');
    expect(status(5)).toMatchObject({ W2: 'crashed:письмо 2' });
    expect(caption(view)).toContain('потеряна навсегда');
  });

  it('a BLMOVE worker’s task survives its crash in the processing list and is finished later', () => {
    expect(queueView(6, []).processing).toEqual(['письмо 5']);
    const crashed = queueView(7, []);
    expect(crashed.processing).toEqual(['письмо 5']);
    expect(crashed.crashes.at(-1)).toEqual({ value: 'письмо 5', worker: 'W4', lost: false });
    expect(caption(crashed)).toContain('задача не потеряна');
    const back = queueView(8, []);
    expect(status(8)).toMatchObject({ W4: 'busy:письмо 5' });
    expect(back.processing).toEqual(['письмо 5']);
    const done = queueView(9, []);
    expect(done.processing).toEqual([]);
    expect(done.state.stats.lostTasks).toBe(1);
    expect(caption(done)).toContain('LREM');
  });

  it('seeks: the frame for step n does not depend on the steps shown before', () => {
    const direct = queueView(6, []);
    for (let n = LIST_QUEUE_STEPS; n >= 0; n--) queueView(n, []);
    expect(queueView(6, [])).toEqual(direct);
  });
});

describe('redis-list-queue student actions', () => {
  it('LPUSH by the student wakes the longest-waiting worker', () => {
    const view = queueView(9, [{ type: 'lpush', value: 'моё' }]);
    expect(view.workers.find((w) => w.client === 'W4')?.task).toBe('моё');
    expect(view.processing).toEqual(['моё']);
  });

  it('a restarted worker takes the next task; requeue moves an orphan back', () => {
    const actions: QueueAction[] = [
      { type: 'start', worker: 'W2', mode: 'BLMOVE' },
      { type: 'lpush', value: 'a' },
      { type: 'crash', worker: 'W2' },
      { type: 'requeue' },
    ];
    const view = queueView(5, actions);
    // Back at the tail (the BRPOP end): the rescued task is served before the newer one.
    expect(view.queue).toEqual(['a', 'письмо 5']);
    expect(view.processing).toEqual([]);
    expect(motionOf(view).requeued).toBe(true);
  });

  it('finishing re-blocks in the same mode and counts the task as done', () => {
    const view = queueView(2, [{ type: 'finish', worker: 'W3', mode: 'BRPOP' }]);
    const w3 = view.workers.find((w) => w.client === 'W3');
    expect(w3).toMatchObject({ status: 'waiting', done: 1, line: 1 });
  });

  it('names new workers after the existing ones and validates task text', () => {
    expect(nextWorker(['W1', 'W2', 'W3', 'W4'])).toBe('W5');
    expect(validateTask('  x  ')).toEqual({ ok: true, value: 'x' });
    expect(validateTask('')).toMatchObject({ ok: false });
    expect(validateTask('я'.repeat(31))).toMatchObject({ ok: false });
  });
});
