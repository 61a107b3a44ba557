/**
 * Pub/sub as Redis 7 does it: SUBSCRIBE, UNSUBSCRIBE, PSUBSCRIBE, PUNSUBSCRIBE and PUBLISH. A
 * client subscribed to a channel and to a matching pattern gets the message twice and is counted
 * twice; with nobody listening the count is 0 and the message is gone.
 */
import type { Draft } from './draft.ts';
import { redisGlobMatches } from './glob.ts';
import { own, put, drop } from '../core/record.ts';
import type { CommandOf, RedisCommand, RedisReply } from './types.ts';

type Cmd<T extends RedisCommand['type']> = CommandOf<T>;

function subscriptionCount(d: Draft, client: string): number {
  const state = d.client(client);
  return state.channels.length + state.patterns.length;
}

/** SUBSCRIBE channel...: one ['subscribe', channel, count] reply per channel. */
export function subscribe(d: Draft, client: string, cmd: Cmd<'SUBSCRIBE'>): RedisReply {
  const replies: RedisReply[] = [];
  for (const channel of cmd.channels) {
    const state = d.client(client);
    if (!state.channels.includes(channel)) {
      d.updateClient(client, { channels: [...state.channels, channel] });
      put(d.channels, channel, [...(own(d.channels, channel) ?? []), client]);
    }
    replies.push(['subscribe', channel, subscriptionCount(d, client)]);
  }
  return replies;
}

/** UNSUBSCRIBE [channel...]: none named means all of this client's channels. */
export function unsubscribe(d: Draft, client: string, cmd: Cmd<'UNSUBSCRIBE'>): RedisReply {
  const names = cmd.channels.length > 0 ? cmd.channels : d.client(client).channels;
  if (names.length === 0) return [['unsubscribe', null, subscriptionCount(d, client)]];
  const replies: RedisReply[] = [];
  for (const channel of names) {
    const state = d.client(client);
    if (state.channels.includes(channel)) {
      d.updateClient(client, { channels: state.channels.filter((c) => c !== channel) });
      const rest = (own(d.channels, channel) ?? []).filter((c) => c !== client);
      if (rest.length === 0) drop(d.channels, channel);
      else put(d.channels, channel, rest);
    }
    replies.push(['unsubscribe', channel, subscriptionCount(d, client)]);
  }
  return replies;
}

/** PSUBSCRIBE pattern...: one ['psubscribe', pattern, count] reply per pattern. */
export function psubscribe(d: Draft, client: string, cmd: Cmd<'PSUBSCRIBE'>): RedisReply {
  const replies: RedisReply[] = [];
  for (const pattern of cmd.patterns) {
    const state = d.client(client);
    if (!state.patterns.includes(pattern)) {
      d.updateClient(client, { patterns: [...state.patterns, pattern] });
      const i = d.patterns.findIndex((p) => p.pattern === pattern);
      d.patterns =
        i < 0
          ? [...d.patterns, { pattern, clients: [client] }]
          : d.patterns.map((p, j) => (j === i ? { pattern, clients: [...p.clients, client] } : p));
    }
    replies.push(['psubscribe', pattern, subscriptionCount(d, client)]);
  }
  return replies;
}

/** PUNSUBSCRIBE [pattern...]: none named means all of this client's patterns. */
export function punsubscribe(d: Draft, client: string, cmd: Cmd<'PUNSUBSCRIBE'>): RedisReply {
  const names = cmd.patterns.length > 0 ? cmd.patterns : d.client(client).patterns;
  if (names.length === 0) return [['punsubscribe', null, subscriptionCount(d, client)]];
  const replies: RedisReply[] = [];
  for (const pattern of names) {
    const state = d.client(client);
    if (state.patterns.includes(pattern)) {
      d.updateClient(client, { patterns: state.patterns.filter((p) => p !== pattern) });
      d.patterns = d.patterns
        .map((p) =>
          p.pattern === pattern ? { pattern, clients: p.clients.filter((c) => c !== client) } : p,
        )
        .filter((p) => p.clients.length > 0);
    }
    replies.push(['punsubscribe', pattern, subscriptionCount(d, client)]);
  }
  return replies;
}

/**
 * PUBLISH channel message: channel subscribers first (subscription order), then each matching
 * pattern's subscribers (the model orders patterns by first subscription; Redis walks a hash
 * table). Returns how many deliveries were made.
 */
export function publish(d: Draft, cmd: Cmd<'PUBLISH'>): RedisReply {
  const { channel, message } = cmd;
  let receivers = 0;
  for (const client of own(d.channels, channel) ?? []) {
    d.deliver(client, { kind: 'message', channel, message });
    d.events.push({ type: 'message', at: d.now, client, channel, message });
    receivers++;
  }
  for (const { pattern, clients } of d.patterns) {
    if (!redisGlobMatches(pattern, channel)) continue;
    for (const client of clients) {
      d.deliver(client, { kind: 'pmessage', pattern, channel, message });
      d.events.push({ type: 'pmessage', at: d.now, client, pattern, channel, message });
      receivers++;
    }
  }
  if (receivers === 0) {
    d.stats = { ...d.stats, droppedMessages: d.stats.droppedMessages + 1 };
    d.events.push({ type: 'messageDropped', at: d.now, channel, message });
  }
  return receivers;
}

/** Drops every subscription of a connection that went away. */
export function dropSubscriptions(d: Draft, client: string): void {
  const state = d.client(client);
  if (state.channels.length > 0)
    unsubscribe(d, client, { type: 'UNSUBSCRIBE', channels: [] as string[] } as const);
  if (state.patterns.length > 0)
    punsubscribe(d, client, { type: 'PUNSUBSCRIBE', patterns: [] as string[] } as const);
}
