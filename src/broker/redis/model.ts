/**
 * The simulated Redis as a pure model: `stepRedis(state, command)` returns the next state and
 * the events, never touching its input; `redisModel` plugs it into core/replay's `stateAt`.
 */
import { createClock, popDue, setNow } from '../core/clock.ts';
import type { Model, StepResult } from '../core/replay.ts';
import { argvOf } from './argv.ts';
import { blockingMove, blockingPop, serveReadyKeys, timeOut } from './blocking.ts';
import { Draft } from './draft.ts';
import * as hashes from './hashes.ts';
import * as lists from './lists.ts';
import { own } from '../core/record.ts';
import * as pubsub from './pubsub.ts';
import * as strings from './strings.ts';
import type {
  CommandOf,
  RedisCommand,
  RedisCommandName,
  RedisEvent,
  RedisReply,
  RedisState,
} from './types.ts';
import { crash, finishTask } from './worker.ts';

/** The connection a command comes from when it names none. */
export const DEFAULT_CLIENT = 'default';

/** An empty server at virtual time 0. */
export function initRedis(): RedisState {
  return {
    clock: createClock(),
    keys: {},
    expires: {},
    clients: {},
    blockedOn: {},
    channels: {},
    patterns: [],
    stats: { expiredKeys: 0, lostTasks: 0, droppedMessages: 0 },
  };
}

/** Minimum argv length (command name included) of the variadic commands, from Redis's arity. */
const MIN_ARGC: Partial<Record<RedisCommandName, number>> = {
  DEL: 2,
  EXISTS: 2,
  HSET: 4,
  HDEL: 3,
  LPUSH: 3,
  RPUSH: 3,
  BRPOP: 3,
  BLPOP: 3,
  SUBSCRIBE: 2,
  PSUBSCRIBE: 2,
};

/** Commands a RESP2 connection may send while it has subscriptions. */
const SUBSCRIBED_MODE = new Set(['SUBSCRIBE', 'UNSUBSCRIBE', 'PSUBSCRIBE', 'PUNSUBSCRIBE']);

type Command<T extends RedisCommandName> = CommandOf<T>;

function execute(
  d: Draft,
  client: string,
  command: Command<RedisCommandName>,
  args: string[],
): RedisReply | undefined {
  switch (command.type) {
    case 'SET':
      return strings.set(d, command);
    case 'GET':
      return strings.get(d, command);
    case 'SETEX':
      return strings.setex(d, command);
    case 'INCR':
      return strings.incr(d, command);
    case 'EXPIRE':
      return strings.expire(d, command);
    case 'TTL':
    case 'PTTL':
      return strings.ttl(d, command);
    case 'DEL':
      return strings.del(d, command);
    case 'EXISTS':
      return strings.exists(d, command);
    case 'TYPE':
      return strings.type(d, command);
    case 'HSET':
      return hashes.hset(d, command);
    case 'HGET':
      return hashes.hget(d, command);
    case 'HGETALL':
      return hashes.hgetall(d, command);
    case 'HDEL':
      return hashes.hdel(d, command);
    case 'LPUSH':
    case 'RPUSH':
      return lists.push(d, command);
    case 'LPOP':
    case 'RPOP':
      return lists.pop(d, client, command);
    case 'LRANGE':
      return lists.lrange(d, command);
    case 'LLEN':
      return lists.llen(d, command);
    case 'LMOVE':
      return lists.lmove(d, client, command);
    case 'LREM':
      return lists.lrem(d, command);
    case 'BRPOP':
    case 'BLPOP':
      return blockingPop(d, client, command, args);
    case 'BLMOVE':
      return blockingMove(d, client, command, args);
    case 'SUBSCRIBE':
      return pubsub.subscribe(d, client, command);
    case 'UNSUBSCRIBE':
      return pubsub.unsubscribe(d, client, command);
    case 'PSUBSCRIBE':
      return pubsub.psubscribe(d, client, command);
    case 'PUNSUBSCRIBE':
      return pubsub.punsubscribe(d, client, command);
    case 'PUBLISH':
      return pubsub.publish(d, command);
  }
}

function runCommand(d: Draft, client: string, command: Command<RedisCommandName>): void {
  const state = own(d.clients, client);
  if (state?.blocked) {
    throw new RangeError(
      `client "${client}" is blocked in ${state.blocked.command} and cannot send ${command.type}`,
    );
  }
  const args = argvOf(command);
  const lower = command.type.toLowerCase();
  let reply: RedisReply | undefined;
  if (args.length < (MIN_ARGC[command.type] ?? 0)) {
    reply = { error: `ERR wrong number of arguments for '${lower}' command` };
  } else if (
    state &&
    state.channels.length + state.patterns.length > 0 &&
    !SUBSCRIBED_MODE.has(command.type)
  ) {
    reply = {
      error: `ERR Can't execute '${lower}': only (P|S)SUBSCRIBE / (P|S)UNSUBSCRIBE / PING / QUIT / RESET are allowed in this context`,
    };
  } else {
    reply = execute(d, client, command, args);
  }
  if (reply !== undefined) d.reply(client, command.type, args, reply);
}

function advance(d: Draft, ms: number): void {
  if (!(ms >= 0) || !Number.isFinite(ms)) {
    throw new RangeError(`advance: ms must be a finite number >= 0, got ${ms}`);
  }
  const from = d.now;
  const to = from + ms;
  for (;;) {
    const due = popDue(d.clock, to);
    if (!due) break;
    d.clock = due.clock;
    const timer = due.timer.payload;
    if (timer.kind === 'blockTimeout') timeOut(d, timer.client, due.timer.id);
    else if (own(d.expires, timer.key) === timer.when && d.now > timer.when) d.expireKey(timer.key);
  }
  d.clock = setNow(d.clock, to);
  d.events.push({ type: 'advance', at: to, from });
}

/** Applies one command; the input state is never mutated. */
export function stepRedis(
  state: RedisState,
  command: RedisCommand,
): StepResult<RedisState, RedisEvent> {
  const d = new Draft(state);
  const client = command.client ?? DEFAULT_CLIENT;
  switch (command.type) {
    case 'advance':
      advance(d, command.ms);
      break;
    case 'finishTask':
      finishTask(d, client);
      break;
    case 'crash':
      crash(d, client);
      break;
    default:
      runCommand(d, client, command);
  }
  serveReadyKeys(d);
  return { state: d.finish(), events: d.events };
}

/** The Redis model for `stateAt`/`replayAll` (no randomness: the seed does not change the run). */
export const redisModel: Model<RedisState, RedisCommand, RedisEvent> = {
  init: () => initRedis(),
  step: stepRedis,
};
