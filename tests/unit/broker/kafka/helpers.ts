/** Test helpers for the Kafka model. */
import { stepKafka, initKafka } from '../../../../src/broker/kafka/index.ts';
import type {
  KafkaCommand,
  KafkaEvent,
  KafkaState,
  KafkaConfig,
} from '../../../../src/broker/kafka/index.ts';

/** Recursively freezes plain data so any mutation in step() throws. */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value as object)) deepFreeze(v);
  }
  return value;
}

/** Runs commands from a fresh cluster; returns the final state and all events. */
export function run(
  commands: readonly KafkaCommand[],
  seed = 1,
  config: Partial<KafkaConfig> = {},
): { state: KafkaState; events: KafkaEvent[] } {
  let state = initKafka(seed, config);
  const events: KafkaEvent[] = [];
  for (const c of commands) {
    const r = stepKafka(state, c);
    state = r.state;
    events.push(...r.events);
  }
  return { state, events };
}

/** Events of one type. */
export function ofType<T extends KafkaEvent['type']>(
  events: readonly KafkaEvent[],
  type: T,
): Extract<KafkaEvent, { type: T }>[] {
  return events.filter((e): e is Extract<KafkaEvent, { type: T }> => e.type === type);
}

/** "topic-p" strings for an assignment list. */
export function names(list: readonly { topic: string; partition: number }[] | undefined): string[] {
  return (list ?? []).map((tp) => `${tp.topic}-${tp.partition}`);
}
