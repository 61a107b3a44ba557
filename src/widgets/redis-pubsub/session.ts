/**
 * Step → view-model: replays the story's first `step` steps and the student's actions through
 * the core's Redis model and describes what the board shows — subscribers (active or gone, what
 * they received), Redis's channel and pattern tables, and the last PUBLISH with its receivers.
 * Who gets a message is decided by the core (its PUBLISH and glob rules), never here.
 */
import {
  redisStep,
  createRedisState,
  type RedisCommand,
  type RedisEvent,
  type RedisState,
} from '../../broker/redis/index.ts';
import { PUBSUB_SCENARIO, SCRIPTED_SUBSCRIBERS } from './scenarios.ts';
import { actionCommands, isGlob, type PubSubAction } from './student.ts';

/** How many of a subscriber's received messages the board lists (newest last). */
export const INBOX_SHOWN = 2;

/** How a subscriber fared with the last PUBLISH. */
export type Fate = 'got' | 'missed' | 'absent';

/** One subscriber card. */
export interface SubscriberView {
  readonly client: string;
  readonly label: string;
  /** The channel or glob it subscribes (or last subscribed) to. */
  readonly pattern: string;
  readonly kind: 'channel' | 'pattern';
  readonly active: boolean;
  /** The newest received messages, oldest first. */
  readonly inbox: readonly string[];
  readonly received: number;
  /** Undefined before any PUBLISH is shown. */
  readonly fate: Fate | undefined;
}

/** A row of Redis's subscription tables. */
export interface RowView {
  readonly name: string;
  readonly kind: 'channel' | 'pattern';
  readonly subscribers: readonly string[];
  /** Whether the last PUBLISH went through this row (undefined when there is none). */
  readonly matched: boolean | undefined;
}

/** The last PUBLISH. */
export interface PublishView {
  readonly channel: string;
  readonly message: string;
  /** PUBLISH's integer reply: deliveries made; 0 means the message is gone. */
  readonly receivers: number;
  /** Labels of who got it, with the pattern for a pmessage. */
  readonly deliveries: readonly { readonly label: string; readonly via?: string }[];
}

/** Everything one frame shows. */
export interface PubSubView {
  readonly subscribers: readonly SubscriberView[];
  readonly rows: readonly RowView[];
  readonly publish: PublishView | undefined;
  /** The events of the last step or action: what the caption and animation tell. */
  readonly last: readonly RedisEvent[];
  /** Messages that reached nobody so far. */
  readonly dropped: number;
  readonly published: number;
  readonly state: RedisState;
}

/** The commands for the first `step` steps, then the student's actions; one batch each. */
export function batchesFor(
  step: number,
  actions: readonly PubSubAction[],
): readonly (readonly RedisCommand[])[] {
  const n = Math.max(0, Math.min(PUBSUB_SCENARIO.length, Math.floor(step)));
  return [...PUBSUB_SCENARIO.slice(0, n), ...actions.map(actionCommands)];
}

/** Label of a subscriber client: scripted ones by name, a student's S1… as «Подписчик 1». */
export function labelOf(client: string): string {
  return SCRIPTED_SUBSCRIBERS[client] ?? `Подписчик ${client.replace(/^S/, '')}`;
}

interface Tracked {
  pattern: string;
  received: number;
}

/** The frame after `step` scripted steps and the student's `actions`. */
export function pubsubView(step: number, actions: readonly PubSubAction[]): PubSubView {
  let state = createRedisState();
  const tracked = new Map<string, Tracked>();
  let last: RedisEvent[] = [];
  let publish: PublishView | undefined;
  let activeAtPublish = new Set<string>();
  let got = new Set<string>();
  let rowsHit = new Set<string>();
  let published = 0;
  for (const batch of batchesFor(step, actions)) {
    const events: RedisEvent[] = [];
    for (const command of batch) {
      const result = redisStep(state, command);
      state = result.state;
      events.push(...result.events);
    }
    if (events.length > 0) last = events;
    for (const e of events) {
      if (e.type === 'SUBSCRIBE' || e.type === 'PSUBSCRIBE') {
        const name = e.args[1] ?? '';
        tracked.set(e.client, { pattern: name, received: tracked.get(e.client)?.received ?? 0 });
      }
      if (e.type === 'message' || e.type === 'pmessage') {
        const t = tracked.get(e.client);
        if (t) t.received += 1;
      }
    }
    const pub = events.find((e) => e.type === 'PUBLISH');
    if (pub?.type !== 'PUBLISH') continue;
    published += 1;
    got = new Set();
    rowsHit = new Set();
    const deliveries: { label: string; via?: string }[] = [];
    for (const e of events) {
      if (e.type === 'message') {
        got.add(e.client);
        rowsHit.add(`channel:${e.channel}`);
        deliveries.push({ label: labelOf(e.client) });
      } else if (e.type === 'pmessage') {
        got.add(e.client);
        rowsHit.add(`pattern:${e.pattern}`);
        deliveries.push({ label: labelOf(e.client), via: e.pattern });
      }
    }
    activeAtPublish = new Set(
      [...tracked.keys()].filter((c) => isSubscribed(state, c) || got.has(c)),
    );
    publish = {
      channel: pub.args[1] ?? '',
      message: pub.args[2] ?? '',
      receivers: typeof pub.reply === 'number' ? pub.reply : 0,
      deliveries,
    };
  }

  const subscribers = [...tracked].map(([client, t]): SubscriberView => {
    const inbox = state.clients[client]?.inbox ?? [];
    const fate: Fate | undefined = !publish
      ? undefined
      : got.has(client)
        ? 'got'
        : activeAtPublish.has(client)
          ? 'missed'
          : 'absent';
    return {
      client,
      label: labelOf(client),
      pattern: t.pattern,
      kind: isGlob(t.pattern) ? 'pattern' : 'channel',
      active: isSubscribed(state, client),
      inbox: inbox.slice(-INBOX_SHOWN).map((m) => m.message),
      received: t.received,
      fate,
    };
  });
  return {
    subscribers,
    rows: rowsOf(state, publish, rowsHit),
    publish,
    last,
    dropped: state.stats.droppedMessages,
    published,
    state,
  };
}

function isSubscribed(state: RedisState, client: string): boolean {
  const c = state.clients[client];
  return c !== undefined && c.channels.length + c.patterns.length > 0;
}

function rowsOf(
  state: RedisState,
  publish: PublishView | undefined,
  hit: ReadonlySet<string>,
): RowView[] {
  const matched = (key: string): boolean | undefined => (publish ? hit.has(key) : undefined);
  const rows: RowView[] = Object.entries(state.channels).map(([name, clients]) => ({
    name,
    kind: 'channel',
    subscribers: clients.map(labelOf),
    matched: matched(`channel:${name}`),
  }));
  for (const p of state.patterns) {
    rows.push({
      name: p.pattern,
      kind: 'pattern',
      subscribers: p.clients.map(labelOf),
      matched: matched(`pattern:${p.pattern}`),
    });
  }
  return rows;
}
