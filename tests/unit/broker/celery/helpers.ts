/** Small helpers shared by the Celery model's tests. */
import { replayAll } from '../../../../src/broker/core/replay.ts';
import {
  celeryModelWith,
  type CeleryCommand,
  type CeleryEvent,
  type CeleryOptions,
  type CeleryState,
} from '../../../../src/broker/celery/index.ts';

/** Runs commands through a fresh model and returns the final state and every event in order. */
export function run(
  options: CeleryOptions,
  commands: readonly CeleryCommand[],
  seed = 1,
): { state: CeleryState; events: CeleryEvent[] } {
  const model = celeryModelWith(options);
  const snapshots = replayAll(model, { seed, commands });
  const last = snapshots[snapshots.length - 1];
  if (!last) throw new Error('replayAll returned nothing');
  return { state: last.state, events: snapshots.flatMap((s) => [...s.events]) };
}

/** `advance` by whole seconds. */
export const seconds = (n: number): CeleryCommand => ({ type: 'advance', ms: n * 1000 });

/** The events of one type, narrowed. */
export function ofType<T extends CeleryEvent['type']>(
  events: readonly CeleryEvent[],
  type: T,
): Extract<CeleryEvent, { type: T }>[] {
  return events.filter((e): e is Extract<CeleryEvent, { type: T }> => e.type === type);
}

/** Two workers with concurrency 1 and prefetch 1: the broker's choices are easy to follow. */
export const twoWorkers = [
  { id: 'w1', concurrency: 1, prefetchMultiplier: 1 },
  { id: 'w2', concurrency: 1, prefetchMultiplier: 1 },
] as const;
