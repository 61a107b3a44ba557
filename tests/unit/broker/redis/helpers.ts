/** Test helpers for the Redis model: run commands, collect events, deep-freeze inputs. */
import {
  initRedis,
  stepRedis,
  type RedisCommand,
  type RedisEvent,
  type RedisReply,
  type RedisState,
} from '../../../../src/broker/redis/index.ts';

/** Freezes an object graph so any mutation by the model throws in strict mode. */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}

/** Applies commands from an empty (or given) state, freezing every intermediate state. */
export function run(
  commands: readonly RedisCommand[],
  from: RedisState = initRedis(),
): { state: RedisState; events: RedisEvent[] } {
  let state = deepFreeze(from);
  const events: RedisEvent[] = [];
  for (const command of commands) {
    const result = stepRedis(state, command);
    state = deepFreeze(result.state);
    events.push(...result.events);
  }
  return { state, events };
}

/** The replies a client got, in order. */
export function repliesOf(events: readonly RedisEvent[], client = 'default'): RedisReply[] {
  return events.flatMap((e) => ('reply' in e && e.client === client ? [e.reply] : []));
}

/** The reply to the last command in the list. */
export function lastReply(commands: readonly RedisCommand[], client = 'default'): RedisReply {
  const replies = repliesOf(run(commands).events, client);
  return replies[replies.length - 1] ?? null;
}
