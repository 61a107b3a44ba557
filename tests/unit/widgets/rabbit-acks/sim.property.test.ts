import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  heldBy,
  initSim,
  stepSim,
  type AcksAction,
  type AcksSim,
  type SceneSpec,
} from '../../../../src/widgets/rabbit-acks/sim.ts';

const SCENE: SceneSpec = {
  seed: 7,
  queue: 'tasks',
  deadLetterQueue: 'tasks.dlq',
  workers: [
    { id: 'w1', name: 'W1', msPerTask: 1000 },
    { id: 'w2', name: 'W2', msPerTask: 2000 },
  ],
  prefetch: 1,
  faults: { 2: 'error', 4: 'invalid' },
};

const worker = fc.constantFrom('w1', 'w2');
const action: fc.Arbitrary<AcksAction> = fc.oneof(
  fc.integer({ min: 1, max: 3 }).map((count) => ({ type: 'publish' as const, count })),
  fc.integer({ min: 1, max: 4 }).map((s) => ({ type: 'run' as const, ms: s * 500 })),
  fc.integer({ min: 0, max: 3 }).map((prefetch) => ({ type: 'qos' as const, prefetch })),
  worker.map((w) => ({ type: 'crash' as const, worker: w })),
  worker.map((w) => ({ type: 'revive' as const, worker: w })),
  fc
    .record({ w: worker, how: fc.constantFrom('ack', 'nack', 'reject'), requeue: fc.boolean() })
    .map(({ w, how, requeue }) => ({
      type: 'settle' as const,
      worker: w,
      how: how as 'ack' | 'nack' | 'reject',
      requeue,
    })),
);

/** Every task's places: ready, held by a worker, acked, dead-lettered. */
function places(sim: AcksSim): number[] {
  const task = (id: number) => sim.taskOf[id] ?? -1;
  return [
    ...(sim.rabbit.queues['tasks']?.messages ?? []).map((m) => task(m.id)),
    ...sim.workers.flatMap((w) => heldBy(sim.rabbit, w).map((u) => task(u.message.id))),
    ...sim.workers.flatMap((w) => w.acked.map((a) => a.task)),
    ...(sim.rabbit.queues['tasks.dlq']?.messages ?? []).map((m) => task(m.id)),
  ].sort((a, b) => a - b);
}

describe('rabbit-acks simulation invariants', () => {
  it('no task is lost or duplicated: each published task is in exactly one place', () => {
    fc.assert(
      fc.property(fc.array(action, { maxLength: 40 }), (actions) => {
        let sim = initSim(SCENE);
        for (const a of actions) {
          if (a.type === 'publish' && sim.published + a.count > 40) continue;
          sim = stepSim(sim, a);
          const expected = Array.from({ length: sim.published }, (_, i) => i + 1);
          expect(places(sim)).toEqual(expected);
          // A worker that is down holds nothing: the broker took its deliveries back.
          for (const w of sim.workers) {
            const held = heldBy(sim.rabbit, w).length;
            if (!w.up) expect(held).toBe(0);
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it('replaying the same actions gives the same simulation (deterministic)', () => {
    fc.assert(
      fc.property(fc.array(action, { maxLength: 25 }), (actions) => {
        const play = () =>
          actions.reduce(
            (s, a) => (a.type === 'publish' && s.published + a.count > 40 ? s : stepSim(s, a)),
            initSim(SCENE),
          );
        expect(play()).toEqual(play());
      }),
      { numRuns: 50 },
    );
  });
});
