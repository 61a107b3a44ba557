import { describe, expect, it } from 'vitest';
import {
  initSim,
  MAX_TASKS,
  stepSim,
  type AcksAction,
  type SceneSpec,
} from '../../../../src/widgets/rabbit-acks/sim.ts';
import { heldBy } from '../../../../src/widgets/rabbit-acks/sim.ts';

const scene = (over: Partial<SceneSpec> = {}): SceneSpec => ({
  seed: 1,
  queue: 'tasks',
  deadLetterQueue: 'tasks.dlq',
  workers: [
    { id: 'w1', name: 'W1', msPerTask: 1000 },
    { id: 'w2', name: 'W2', msPerTask: 3000 },
  ],
  prefetch: 1,
  faults: {},
  ...over,
});

function play(spec: SceneSpec, actions: AcksAction[]) {
  return actions.reduce(stepSim, initSim(spec));
}

const held = (sim: ReturnType<typeof play>, id: string) =>
  heldBy(
    sim.rabbit,
    sim.workers.find((w) => w.spec.id === id)!,
  ).map((u) => sim.taskOf[u.message.id]);
const ready = (sim: ReturnType<typeof play>, queue = 'tasks') =>
  (sim.rabbit.queues[queue]?.messages ?? []).map((m) => sim.taskOf[m.id]);
const acked = (sim: ReturnType<typeof play>, id: string) =>
  sim.workers.find((w) => w.spec.id === id)!.acked.map((a) => a.task);

describe('rabbit-acks simulation over the core model', () => {
  it('prefetch=1 hands each worker one unacked task; the rest wait in the queue', () => {
    const sim = play(scene(), [{ type: 'publish', count: 4 }]);
    expect(held(sim, 'w1')).toEqual([1]);
    expect(held(sim, 'w2')).toEqual([2]);
    expect(ready(sim)).toEqual([3, 4]);
  });

  it('a worker acks after its processing time and the broker gives it the next task', () => {
    const sim = play(scene(), [
      { type: 'publish', count: 4 },
      { type: 'run', ms: 1000 },
    ]);
    expect(acked(sim, 'w1')).toEqual([1]);
    expect(held(sim, 'w1')).toEqual([3]);
    expect(sim.log).toContainEqual({
      type: 'ack',
      worker: 'w1',
      task: 1,
      requeue: false,
      cause: 'done',
    });
  });

  it('a crash returns the unacked task with redelivered=true, and another worker gets it', () => {
    const crashed = play(scene(), [
      { type: 'publish', count: 3 },
      { type: 'crash', worker: 'w1' },
    ]);
    expect(crashed.log).toContainEqual({ type: 'requeued', task: 1 });
    expect(crashed.rabbit.queues['tasks']?.messages[0]?.redelivered).toBe(true);
    const later = stepSim(crashed, { type: 'run', ms: 3000 });
    expect(later.log).toContainEqual({
      type: 'deliver',
      worker: 'w2',
      task: 1,
      redelivered: true,
    });
  });

  it('unlimited prefetch splits 8 tasks 4/4 at once; prefetch=1 lets the fast worker do more', () => {
    const unlimited = play(scene({ prefetch: 0 }), [
      { type: 'publish', count: 8 },
      { type: 'run', ms: 4000 },
    ]);
    expect(acked(unlimited, 'w1')).toEqual([1, 3, 5, 7]);
    expect(held(unlimited, 'w1')).toEqual([]);
    expect(held(unlimited, 'w2')).toEqual([4, 6, 8]);
    const fair = play(scene({ prefetch: 1 }), [
      { type: 'publish', count: 8 },
      { type: 'run', ms: 4000 },
    ]);
    expect(acked(fair, 'w1')).toEqual([1, 3, 4, 5]);
    expect(held(fair, 'w1')).toEqual([7]);
    expect(ready(fair)).toEqual([8]);
  });

  it('a failing task is nacked with requeue once, then dead-lettered (consumer.py’s rule)', () => {
    const spec = scene({ faults: { 1: 'error' } });
    const once = play(spec, [
      { type: 'publish', count: 1 },
      { type: 'run', ms: 1000 },
    ]);
    expect(once.log).toContainEqual({
      type: 'nack',
      worker: 'w1',
      task: 1,
      requeue: true,
      cause: 'error',
    });
    // The broker's round-robin picks the idle W2 for the requeued copy.
    expect(once.log).toContainEqual({ type: 'deliver', worker: 'w2', task: 1, redelivered: true });
    const twice = stepSim(once, { type: 'run', ms: 3000 });
    expect(twice.log).toContainEqual({ type: 'dead-lettered', task: 1, queue: 'tasks.dlq' });
    expect(ready(twice, 'tasks.dlq')).toEqual([1]);
  });

  it('student settlements: reject without requeue dead-letters, nack with requeue returns it', () => {
    const base = play(scene(), [{ type: 'publish', count: 2 }]);
    const rejected = stepSim(base, { type: 'settle', worker: 'w1', how: 'reject', requeue: false });
    expect(ready(rejected, 'tasks.dlq')).toEqual([1]);
    const nacked = stepSim(base, { type: 'settle', worker: 'w2', how: 'nack', requeue: true });
    // Requeued to the head and redelivered to the same, now free, consumer.
    expect(nacked.log).toContainEqual({
      type: 'deliver',
      worker: 'w2',
      task: 2,
      redelivered: true,
    });
  });

  it('basic.qos with a new prefetch re-subscribes the workers, and a revived worker consumes again', () => {
    const sim = play(scene(), [
      { type: 'publish', count: 6 },
      { type: 'qos', prefetch: 3 },
    ]);
    expect(held(sim, 'w1').length + held(sim, 'w2').length).toBe(6);
    const down = stepSim(sim, { type: 'crash', worker: 'w1' });
    expect(held(down, 'w1')).toEqual([]);
    const up = stepSim(stepSim(down, { type: 'run', ms: 3000 }), { type: 'revive', worker: 'w1' });
    expect(up.workers.find((w) => w.spec.id === 'w1')?.up).toBe(true);
    expect(held(up, 'w1').length).toBeGreaterThan(0);
  });

  it('refuses more than MAX_TASKS tasks and never mutates the previous simulation', () => {
    const sim = initSim(scene());
    const frozen = JSON.stringify(sim);
    expect(() => stepSim(sim, { type: 'publish', count: MAX_TASKS + 1 })).toThrow(/Не больше/);
    stepSim(sim, { type: 'publish', count: 3 });
    expect(JSON.stringify(sim)).toBe(frozen);
  });
});
