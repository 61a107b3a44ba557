/**
 * `play` and `act` of a logic whose scripted steps and student actions are both batches of core
 * commands sent with one function (redis-list-queue, redis-pubsub, kafka-replication). Pure.
 */
import { refuse, type Refusal } from './timeline.ts';

/** What such a logic says about itself. */
export interface CommandBatches<M, A, C> {
  /** The commands of each scripted step (step n plays `steps[n - 1]`; a missing one is a no-op). */
  readonly steps: readonly (readonly C[])[];
  /** Sends a batch to the model's core state; never mutates `model`. */
  send(model: M, batch: readonly C[]): M;
  /** Why `action` cannot be done now, or undefined when it can. */
  unfit(model: M, action: A): string | undefined;
  /** The commands a fitting `action` sends. */
  commands(action: A): readonly C[];
}

/** The logic's `play` and `act` over its command batches. */
export function commandBatches<M, A, C>(
  spec: CommandBatches<M, A, C>,
): {
  play(model: M, story: string, step: number): M;
  act(model: M, action: A): M | Refusal;
} {
  return {
    play(model, _story, step) {
      const batch = spec.steps[step - 1];
      return batch ? spec.send(model, batch) : model;
    },
    act(model, action) {
      const reason = spec.unfit(model, action);
      return reason === undefined ? spec.send(model, spec.commands(action)) : refuse(reason);
    },
  };
}
