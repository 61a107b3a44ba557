/**
 * A model is a pure transition function over plain-data state. `replay` turns a scenario (a seed
 * and a list of commands) into "the state after step n", so a widget can seek back and forth.
 */
import { at } from './at.ts';

export interface StepResult<S, E> {
  readonly state: S;
  readonly events: readonly E[];
}

export interface Model<S, C, E> {
  /** The initial state for a seed; must be deterministic. */
  init(seed: number): S;
  /** Applies one command; must not mutate `state`. */
  step(state: S, command: C): StepResult<S, E>;
}

export interface Scenario<C> {
  readonly seed: number;
  readonly commands: readonly C[];
}

export interface Snapshot<S, E> {
  /** Number of commands applied (0 = initial state). */
  readonly step: number;
  readonly state: S;
  /** Events produced by the last applied command (empty at step 0). */
  readonly events: readonly E[];
}

/** The state after the first `n` commands of the scenario (n is clamped to [0, length]). */
export function stateAt<S, C, E>(
  model: Model<S, C, E>,
  scenario: Scenario<C>,
  n: number,
): Snapshot<S, E> {
  const steps = Math.max(0, Math.min(Math.floor(n), scenario.commands.length));
  let state = model.init(scenario.seed);
  let events: readonly E[] = [];
  for (let i = 0; i < steps; i++) {
    const result = model.step(state, at(scenario.commands, i));
    state = result.state;
    events = result.events;
  }
  return { step: steps, state, events };
}

/** Every snapshot from step 0 to the end; handy for tests and for precomputing a widget's frames. */
export function replayAll<S, C, E>(model: Model<S, C, E>, scenario: Scenario<C>): Snapshot<S, E>[] {
  const out: Snapshot<S, E>[] = [];
  let state = model.init(scenario.seed);
  out.push({ step: 0, state, events: [] });
  scenario.commands.forEach((command, i) => {
    const result = model.step(state, command);
    state = result.state;
    out.push({ step: i + 1, state, events: result.events });
  });
  return out;
}

/**
 * The state after `commands`, one `step` each, and every event they produced, in order — what a
 * widget does for one scripted step or student action (a batch of commands).
 */
export function stepAll<S, C, E>(
  step: (state: S, command: C) => StepResult<S, E>,
  state: S,
  commands: readonly C[],
): { state: S; events: E[] } {
  let current = state;
  const events: E[] = [];
  for (const command of commands) {
    const result = step(current, command);
    current = result.state;
    events.push(...result.events);
  }
  return { state: current, events };
}
