/**
 * Blocking pops (BRPOP, BLPOP, BLMOVE) as Redis 7 serves them: data already there is popped at
 * once from the first non-empty key in argument order; otherwise the client blocks. After each
 * command, every list that got elements serves its blocked clients first-come first-served, one
 * element each, while elements last (so one LPUSH of three elements wakes three clients).
 */
import { cancel, schedule } from '../core/clock.ts';
import { WRONGTYPE, type Draft } from './draft.ts';
import { parseTimeoutMs } from './integers.ts';
import { listAt, moveOne, OTHER_TYPE, popValues } from './lists.ts';
import { own } from '../core/record.ts';
import type { CommandOf, BlockedState, RedisCommand, RedisReply } from './types.ts';

type Cmd<T extends RedisCommand['type']> = CommandOf<T>;

/** BRPOP/BLPOP key... timeout: [key, element] now, or undefined when the client blocked. */
export function blockingPop(
  d: Draft,
  client: string,
  cmd: Cmd<'BRPOP' | 'BLPOP'>,
  args: readonly string[],
): RedisReply | undefined {
  const timeoutMs = parseTimeoutMs(cmd.timeout);
  if (typeof timeoutMs === 'string') return { error: timeoutMs };
  for (const key of cmd.keys) {
    const list = listAt(d, key);
    if (list === OTHER_TYPE) return WRONGTYPE;
    if (list !== undefined) {
      const [value] = popValues(d, key, cmd.type === 'BLPOP' ? 'LEFT' : 'RIGHT');
      if (value !== undefined) {
        d.updateClient(client, { task: { value, queue: key } });
        return [key, value];
      }
    }
  }
  block(d, client, { command: cmd.type, keys: cmd.keys, args, since: d.now }, timeoutMs);
  return undefined;
}

/** BLMOVE source destination from to timeout: the moved element now, or undefined (blocked). */
export function blockingMove(
  d: Draft,
  client: string,
  cmd: Cmd<'BLMOVE'>,
  args: readonly string[],
): RedisReply | undefined {
  const timeoutMs = parseTimeoutMs(cmd.timeout);
  if (typeof timeoutMs === 'string') return { error: timeoutMs };
  const list = listAt(d, cmd.source);
  if (list !== undefined) {
    const reply = moveOne(d, cmd.source, cmd.destination, cmd.from, cmd.to);
    if (typeof reply === 'string') {
      d.updateClient(client, {
        task: { value: reply, queue: cmd.source, processingList: cmd.destination },
      });
    }
    return reply;
  }
  const blocked: BlockedState = {
    command: 'BLMOVE',
    keys: [cmd.source],
    args,
    since: d.now,
    destination: cmd.destination,
    whereFrom: cmd.from,
    whereTo: cmd.to,
  };
  block(d, client, blocked, timeoutMs);
  return undefined;
}

function block(d: Draft, client: string, blocked: BlockedState, timeoutMs: number): void {
  const keys = [...new Set(blocked.keys)];
  let state: BlockedState = { ...blocked, keys };
  if (timeoutMs > 0) {
    const scheduled = schedule(d.clock, timeoutMs, { kind: 'blockTimeout', client });
    d.clock = scheduled.clock;
    state = { ...state, timerId: scheduled.id };
  }
  for (const key of keys) d.setBlockedOn(key, [...(own(d.blockedOn, key) ?? []), client]);
  d.updateClient(client, { blocked: state });
  d.events.push({ type: 'blocked', at: d.now, client, command: state.command, keys });
}

/** Takes a client out of every key's waiting line and cancels its timeout. */
export function unblock(
  d: Draft,
  client: string,
  reason: 'served' | 'timeout' | 'disconnected',
): BlockedState | undefined {
  const blocked = d.client(client).blocked;
  if (!blocked) return undefined;
  for (const key of blocked.keys) {
    d.setBlockedOn(
      key,
      (own(d.blockedOn, key) ?? []).filter((name) => name !== client),
    );
  }
  if (blocked.timerId !== undefined) d.clock = cancel(d.clock, blocked.timerId);
  d.updateClient(client, { blocked: undefined });
  d.events.push({ type: 'unblocked', at: d.now, client, reason });
  return blocked;
}

/** A blocking timeout fired: the client gets nil (Redis's null array for BRPOP/BLPOP). */
export function timeOut(d: Draft, client: string, timerId: number): void {
  const blocked = d.client(client).blocked;
  if (!blocked || blocked.timerId !== timerId) return;
  unblock(d, client, 'timeout');
  d.reply(client, blocked.command, blocked.args, null);
}

/**
 * Serves clients blocked on lists that received elements, as handleClientsBlockedOnKeys does:
 * keys in the order they became ready, clients in the order they blocked. A served BLMOVE
 * pushes to its destination, which may make that key ready in turn.
 */
export function serveReadyKeys(d: Draft): void {
  while (d.readyKeys.length > 0) {
    const batch = d.readyKeys;
    d.readyKeys = [];
    for (const key of batch) {
      for (const client of own(d.blockedOn, key) ?? []) {
        const list = listAt(d, key);
        if (list === undefined || list === OTHER_TYPE) break;
        serveOne(d, client, key);
      }
    }
  }
}

function serveOne(d: Draft, client: string, key: string): void {
  const blocked = d.client(client).blocked;
  if (!blocked) return;
  if (blocked.command === 'BLMOVE') {
    const destination = blocked.destination ?? key;
    if (listAt(d, destination) === OTHER_TYPE) {
      unblock(d, client, 'served');
      d.reply(client, 'BLMOVE', blocked.args, WRONGTYPE);
      return;
    }
    unblock(d, client, 'served');
    const reply = moveOne(
      d,
      key,
      destination,
      blocked.whereFrom ?? 'LEFT',
      blocked.whereTo ?? 'LEFT',
    );
    if (typeof reply === 'string') {
      d.updateClient(client, { task: { value: reply, queue: key, processingList: destination } });
    }
    d.reply(client, 'BLMOVE', blocked.args, reply);
    return;
  }
  unblock(d, client, 'served');
  const [value] = popValues(d, key, blocked.command === 'BLPOP' ? 'LEFT' : 'RIGHT');
  if (value === undefined) return;
  d.updateClient(client, { task: { value, queue: key } });
  d.reply(client, blocked.command, blocked.args, [key, value]);
}
