/**
 * The widget's logic on the kit: the model is the core's Redis state plus what the board tracks
 * (each subscriber's channel or glob and tally, the last PUBLISH and who got it). Scripted steps
 * and the student's actions are batches of Redis commands; an action that does not fit the state
 * (a fifth subscriber of one's own, leaving when not subscribed) is refused with the reason.
 * Who gets a message is decided by the core (its PUBLISH and glob rules), never here.
 */
import {
  initRedis,
  stepRedis,
  type RedisCommand,
  type RedisEvent,
  type RedisState,
} from '../../broker/redis/index.ts';
import { own } from '../../broker/core/record.ts';
import { stepAll } from '../../broker/core/replay.ts';
import { commandBatches } from '../runtime/batches.ts';
import { replay, type FrameAt, type WidgetLogic } from '../runtime/timeline.ts';
import { validateShortText, type Validation } from '../runtime/validate.ts';
import { caption } from './caption.ts';
import { PUBLISHER, PUBSUB_SCENARIO, PUBSUB_STEPS, SCRIPTED_SUBSCRIBERS } from './story.ts';

/** A student's action. */
export type PubSubAction =
  | { readonly type: 'publish'; readonly channel: string; readonly message: string }
  | { readonly type: 'join'; readonly client: string; readonly pattern: string }
  | { readonly type: 'leave'; readonly client: string; readonly pattern: string };

/** Subscribers a student may add on top of the scripted two: the board stays legible. */
export const MAX_STUDENT_SUBSCRIBERS = 4;
/** Longest channel name or pattern, in UTF-8 bytes (a label on a slide, not Redis's limit). */
export const MAX_NAME_BYTES = 64;
/** Longest message, in UTF-8 bytes. */
export const MAX_MESSAGE_BYTES = 200;
/** How many of a subscriber's received messages the board lists (newest last). */
export const INBOX_SHOWN = 2;

/** True when Redis would treat `name` as a glob, so the widget subscribes with PSUBSCRIBE. */
export function isGlob(name: string): boolean {
  return /[*?[]/.test(name);
}

/** The commands one action sends. */
export function actionCommands(action: PubSubAction): RedisCommand[] {
  switch (action.type) {
    case 'publish':
      return [
        { type: 'PUBLISH', client: PUBLISHER, channel: action.channel, message: action.message },
      ];
    case 'join':
      return [
        isGlob(action.pattern)
          ? { type: 'PSUBSCRIBE', client: action.client, patterns: [action.pattern] }
          : { type: 'SUBSCRIBE', client: action.client, channels: [action.pattern] },
      ];
    case 'leave':
      return [
        isGlob(action.pattern)
          ? { type: 'PUNSUBSCRIBE', client: action.client, patterns: [action.pattern] }
          : { type: 'UNSUBSCRIBE', client: action.client, channels: [action.pattern] },
      ];
  }
}

/** Client name and label of the n-th (1-based) subscriber a student adds. */
export function studentSubscriber(n: number): { client: string; label: string } {
  return { client: `S${n}`, label: `Подписчик ${n}` };
}

/** True for a subscriber the student added (S1, S2, …). */
export function isStudentClient(client: string): boolean {
  return /^S\d+$/.test(client);
}

function name(raw: string, what: string): Validation<string> {
  const text = raw.trim();
  const checked = validateShortText(text, what, MAX_NAME_BYTES);
  if (!checked.ok) return checked;
  if ([...text].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f)) {
    return { ok: false, message: `${what}: без управляющих символов.` };
  }
  return checked;
}

/** A channel to PUBLISH to: trimmed, non-empty, at most {@link MAX_NAME_BYTES} bytes. */
export function validateChannel(raw: string): Validation<string> {
  return name(raw, 'Канал');
}

/** A channel or glob to subscribe to, with the same limits as a channel. */
export function validatePattern(raw: string): Validation<string> {
  return name(raw, 'Канал или шаблон');
}

/** A message: any text up to {@link MAX_MESSAGE_BYTES} bytes, but not empty. */
export function validateMessage(raw: string): Validation<string> {
  return validateShortText(raw, 'Сообщение', MAX_MESSAGE_BYTES);
}

/** Label of a subscriber client: scripted ones by name, a student's S1… as «Подписчик 1». */
export function labelOf(client: string): string {
  return SCRIPTED_SUBSCRIBERS[client] ?? `Подписчик ${client.replace(/^S/, '')}`;
}

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

interface Tracked {
  readonly pattern: string;
  readonly received: number;
}

/** The widget's model: Redis and what the board remembers about subscribers and the last PUBLISH. */
export interface PubSubModel {
  readonly state: RedisState;
  /** Subscribers in the order they first subscribed. */
  readonly tracked: ReadonlyMap<string, Tracked>;
  readonly last: readonly RedisEvent[];
  readonly publish: PublishView | undefined;
  /** Subscribers that were subscribed (or got the message) at the last PUBLISH. */
  readonly activeAtPublish: ReadonlySet<string>;
  /** Who got the last PUBLISH, and the rows (`channel:x`, `pattern:y`) it went through. */
  readonly got: ReadonlySet<string>;
  readonly rowsHit: ReadonlySet<string>;
  readonly published: number;
}

function isSubscribed(state: RedisState, client: string): boolean {
  const c = own(state.clients, client);
  return c !== undefined && c.channels.length + c.patterns.length > 0;
}

/** Sends one batch; the board's memory follows the events. Never mutates `model`. */
function send(model: PubSubModel, batch: readonly RedisCommand[]): PubSubModel {
  const { state, events } = stepAll(stepRedis, model.state, batch);
  const tracked = new Map(model.tracked);
  for (const e of events) {
    if (e.type === 'SUBSCRIBE' || e.type === 'PSUBSCRIBE') {
      tracked.set(e.client, {
        pattern: e.args[1] ?? '',
        received: tracked.get(e.client)?.received ?? 0,
      });
    }
    if (e.type === 'message' || e.type === 'pmessage') {
      const t = tracked.get(e.client);
      if (t) tracked.set(e.client, { ...t, received: t.received + 1 });
    }
  }
  const last = events.length > 0 ? events : model.last;
  const pub = events.find((e) => e.type === 'PUBLISH');
  if (pub?.type !== 'PUBLISH') return { ...model, state, tracked, last };
  const got = new Set<string>();
  const rowsHit = new Set<string>();
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
  return {
    state,
    tracked,
    last,
    publish: {
      channel: pub.args[1] ?? '',
      message: pub.args[2] ?? '',
      receivers: typeof pub.reply === 'number' ? pub.reply : 0,
      deliveries,
    },
    activeAtPublish: new Set(
      [...tracked.keys()].filter((c) => isSubscribed(state, c) || got.has(c)),
    ),
    got,
    rowsHit,
    published: model.published + 1,
  };
}

/** Why `action` cannot be done in `model`, or undefined when it can. */
function unfit(model: PubSubModel, action: PubSubAction): string | undefined {
  if (action.type === 'publish') return undefined;
  const label = labelOf(action.client);
  switch (action.type) {
    case 'join': {
      if (isSubscribed(model.state, action.client)) return `${label} уже подписан.`;
      const own = [...model.tracked.keys()].filter(isStudentClient);
      return isStudentClient(action.client) &&
        !model.tracked.has(action.client) &&
        own.length >= MAX_STUDENT_SUBSCRIBERS
        ? `Не больше ${MAX_STUDENT_SUBSCRIBERS} своих подписчиков — отпишите или подпишите снова тех, что есть.`
        : undefined;
    }
    case 'leave':
      return isSubscribed(model.state, action.client)
        ? undefined
        : `${label} не подписан — отписывать нечего.`;
  }
}

function rowsOf(model: PubSubModel): RowView[] {
  const { state, publish, rowsHit } = model;
  const matched = (key: string): boolean | undefined => (publish ? rowsHit.has(key) : undefined);
  const rows: RowView[] = Object.entries(state.channels).map(([channel, clients]) => ({
    name: channel,
    kind: 'channel',
    subscribers: clients.map(labelOf),
    matched: matched(`channel:${channel}`),
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

/** The frame a model shows. */
export function viewOf(model: PubSubModel): PubSubView {
  const { state, publish } = model;
  const subscribers = [...model.tracked].map(([client, t]): SubscriberView => {
    const c = own(state.clients, client);
    const inbox = c?.inbox ?? [];
    const fate: Fate | undefined = !publish
      ? undefined
      : model.got.has(client)
        ? 'got'
        : model.activeAtPublish.has(client)
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
    rows: rowsOf(model),
    publish,
    last: model.last,
    dropped: state.stats.droppedMessages,
    published: model.published,
    state,
  };
}

/** The pub/sub widget's logic (one story). */
export const pubsubLogic: WidgetLogic<PubSubModel, PubSubView, PubSubAction, 'pubsub'> = {
  init: () => ({
    state: initRedis(),
    tracked: new Map(),
    last: [],
    publish: undefined,
    activeAtPublish: new Set(),
    got: new Set(),
    rowsHit: new Set(),
    published: 0,
  }),
  ...commandBatches({ steps: PUBSUB_SCENARIO, send, unfit, commands: actionCommands }),
  view: (model: PubSubModel, _at: FrameAt<'pubsub'>) => viewOf(model),
  caption,
};

/** The frame after `step` scripted steps and the student's `actions`, replayed from scratch. */
export function pubsubView(step: number, actions: readonly PubSubAction[] = []): PubSubView {
  return replay(pubsubLogic, 'pubsub', PUBSUB_STEPS, step, actions).view;
}
