/** Test helpers for the RabbitMQ model: play commands, deep-freeze inputs, pick events. */
import {
  initRabbit,
  stepRabbit,
  type RabbitCommand,
  type RabbitEvent,
  type RabbitState,
} from '../../../../src/broker/rabbitmq/index.ts';

/** Freezes a value and everything inside it, so any mutation by the model throws. */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** The result of playing commands: final state, every event, and the events per step. */
export interface Played {
  readonly state: RabbitState;
  readonly events: RabbitEvent[];
  readonly steps: (readonly RabbitEvent[])[];
}

/** Plays commands from a fresh node (seed 1 unless given), freezing every intermediate state. */
export function play(commands: readonly RabbitCommand[], seed = 1, from?: RabbitState): Played {
  let state = deepFreeze(from ?? initRabbit(seed));
  const events: RabbitEvent[] = [];
  const steps: (readonly RabbitEvent[])[] = [];
  for (const c of commands) {
    const r = stepRabbit(state, deepFreeze(c));
    state = deepFreeze(r.state);
    events.push(...r.events);
    steps.push(r.events);
  }
  return { state, events, steps };
}

/** The event variants whose `type` may be T (some variants share a shape over several types). */
type Of<T extends RabbitEvent['type']> = RabbitEvent extends infer E
  ? E extends { type: infer U }
    ? T extends U
      ? E
      : never
    : never
  : never;

/** Events of one type, typed. */
export function ofType<T extends RabbitEvent['type']>(
  events: readonly RabbitEvent[],
  type: T,
): Of<T>[] {
  return events.filter((e): e is Of<T> => e.type === type);
}

/** Deliveries as "consumer:body" (or "get:body"), with a trailing "*" when redelivered. */
export function deliveries(events: readonly RabbitEvent[]): string[] {
  return events.flatMap((e) =>
    e.type === 'basic.deliver' || e.type === 'basic.get-ok'
      ? [`${e.consumerTag ?? 'get'}:${e.body}${e.redelivered ? '*' : ''}`]
      : [],
  );
}

/** A connection `k` with channels named by `channels`. */
export function open(...channels: string[]): RabbitCommand[] {
  return [
    { type: 'connection.open', connection: 'k' },
    ...channels.map((channel): RabbitCommand => ({
      type: 'channel.open',
      connection: 'k',
      channel,
    })),
  ];
}

/** Publishes bodies to a queue through the default exchange. */
export function publishTo(queue: string, ...bodies: string[]): RabbitCommand[] {
  return bodies.map((body): RabbitCommand => ({
    type: 'basic.publish',
    exchange: '',
    routingKey: queue,
    body,
  }));
}
