/**
 * The replication widget's logic on the kit: the model is the core's Kafka state plus what the
 * producer heard about each record it sent. Who leads, who is in sync, where the high watermark
 * stands and which record is lost are the core's (src/broker/kafka/replication.ts), never decided
 * here. A student's action that does not fit (starting a running broker) is refused.
 */
import {
  initKafka,
  logEndOffset,
  readRange,
  stepKafka,
  type Acks,
  type KafkaCommand,
  type KafkaEvent,
  type KafkaState,
  type PartitionState,
} from '../../broker/kafka/index.ts';
import { commandBatches } from '../runtime/batches.ts';
import { replay, type FrameAt, type WidgetLogic } from '../runtime/timeline.ts';
import { validateShortText, type Validation } from '../runtime/validate.ts';
import { WIDGETS } from '../../lecture/names.ts';
import { caption } from './caption.ts';
import { BROKERS, MIN_INSYNC, REPLICATE, SETUP, STEPS, TOPIC, send } from './story.ts';

/** A student's action. */
export type ReplicationAction =
  | { readonly type: 'send'; readonly value: string; readonly acks: Acks }
  | { readonly type: 'stop'; readonly broker: number }
  | { readonly type: 'start'; readonly broker: number }
  | { readonly type: 'replicate' };

/** What the producer heard about one record. */
export type Heard =
  | 'ack'
  | 'pending'
  | 'none'
  | 'queued'
  | 'NOT_ENOUGH_REPLICAS'
  | 'NOT_ENOUGH_REPLICAS_AFTER_APPEND'
  | 'NOT_LEADER_OR_FOLLOWER'
  | 'expired';

/** One record the producer sent. */
export interface Sent {
  readonly id: number;
  readonly value: string;
  readonly acks: Acks;
  /** Offset in the leader's log, or null when it was not written. */
  readonly offset: number | null;
  readonly heard: Heard;
  /** Written, then gone with a leader that died before its followers copied it. */
  readonly lost: boolean;
}

/** The widget's model. */
export interface ReplicationModel {
  readonly state: KafkaState;
  readonly sent: readonly Sent[];
  /** The events of the last step or action, and the records it sent. */
  readonly last: readonly KafkaEvent[];
  readonly lastSent: readonly number[];
}

/** One broker's replica of the partition. */
export interface ReplicaView {
  readonly broker: number;
  readonly up: boolean;
  readonly leader: boolean;
  readonly inIsr: boolean;
  /** Log end offset of this replica. */
  readonly leo: number;
  /** The records it holds, oldest first. */
  readonly records: readonly { readonly offset: number; readonly value: string }[];
  /**
   * Records past `leo` that a stopped former leader still has on its disk and the partition does
   * not (the core's strandedTails): consumers never read them; it truncates them when it rejoins.
   */
  readonly stranded: readonly { readonly offset: number; readonly value: string }[];
}

/** Everything one frame shows. */
export interface ReplicationView {
  readonly replicas: readonly ReplicaView[];
  readonly isr: readonly number[];
  /** Leader broker, or -1 when the partition is offline. */
  readonly leader: number;
  readonly highWatermark: number;
  readonly minInsync: number;
  readonly sent: readonly Sent[];
  /** Records sent by the last step or action. */
  readonly lastSent: readonly Sent[];
  readonly last: readonly KafkaEvent[];
  readonly step: number;
  readonly actions: number;
}

/** Records the producer may send at most (the picture shows the last ones). */
export const MAX_SENT = 40;
/** Longest order text, in UTF-8 bytes. */
export const MAX_VALUE_BYTES = 40;

/** An order's text: trimmed, visible, at most {@link MAX_VALUE_BYTES} bytes. */
export function validateValue(raw: string): Validation<string> {
  return validateShortText(raw.trim(), 'Сообщение', MAX_VALUE_BYTES);
}

function partitionOf(state: KafkaState): PartitionState {
  const partition = state.topics[TOPIC]?.partitions[0];
  if (!partition) throw new Error(`kafka-replication: topic ${TOPIC} has no partition 0`);
  return partition;
}

function brokerUp(state: KafkaState, broker: number): boolean {
  return state.brokersUp[String(broker)] === true;
}

function heardOf(result: string): Heard {
  return result === 'NOT_ENOUGH_REPLICAS' || result === 'ack' || result === 'pending'
    ? result
    : result === 'queued'
      ? 'queued'
      : 'none';
}

/** Follows one batch's events into what the producer heard; never mutates `sent`. */
function follow(sent: readonly Sent[], events: readonly KafkaEvent[]): Sent[] {
  let next = [...sent];
  const update = (id: number, change: Partial<Sent>): void => {
    next = next.map((s) => (s.id === id ? { ...s, ...change } : s));
  };
  for (const e of events) {
    if (e.type === 'produce' && next.some((s) => s.id === e.id)) {
      update(e.id, { offset: e.offset, heard: heardOf(e.result) });
    } else if (e.type === 'produceAcked') update(e.id, { heard: 'ack' });
    else if (e.type === 'produceFailed') update(e.id, { heard: e.error });
    else if (e.type === 'produceExpired') update(e.id, { heard: 'expired' });
    else if (e.type === 'recordsLost') {
      next = next.map((s) =>
        s.offset !== null && s.offset >= e.fromOffset && s.offset < e.toOffset
          ? { ...s, lost: true }
          : s,
      );
    }
  }
  return next;
}

/** Sends `commands` in order; records each produce's value with its event id. */
function run(model: ReplicationModel, commands: readonly KafkaCommand[]): ReplicationModel {
  let { state } = model;
  let sent = [...model.sent];
  const last: KafkaEvent[] = [];
  const lastSent: number[] = [];
  for (const command of commands) {
    const result = stepKafka(state, command);
    state = result.state;
    if (command.type === 'produce') {
      const event = result.events.find((e) => e.type === 'produce');
      if (event?.type === 'produce') {
        const acks = command.acks ?? 'all';
        sent.push({
          id: event.id,
          value: command.value,
          acks,
          offset: null,
          heard: 'none',
          lost: false,
        });
        lastSent.push(event.id);
      }
    }
    sent = follow(sent, result.events);
    last.push(...result.events);
  }
  return { state, sent, last, lastSent };
}

function commandsOf(action: ReplicationAction): KafkaCommand[] {
  switch (action.type) {
    case 'send':
      return [send(action.value, action.acks)];
    case 'stop':
      return [{ type: 'brokerDown', broker: action.broker }];
    case 'start':
      return [{ type: 'brokerUp', broker: action.broker }];
    case 'replicate':
      return [REPLICATE];
  }
}

/** Why `action` cannot be done in `model`, or undefined. */
function unfit(model: ReplicationModel, action: ReplicationAction): string | undefined {
  const known = (broker: number) => (BROKERS as readonly number[]).includes(broker);
  switch (action.type) {
    case 'send':
      return model.sent.length >= MAX_SENT
        ? `Уже ${MAX_SENT} сообщений — нажмите «Сначала».`
        : undefined;
    case 'stop':
      if (!known(action.broker)) return `Брокера ${action.broker} нет.`;
      return brokerUp(model.state, action.broker)
        ? undefined
        : `Брокер ${action.broker} уже остановлен.`;
    case 'start':
      if (!known(action.broker)) return `Брокера ${action.broker} нет.`;
      return brokerUp(model.state, action.broker)
        ? `Брокер ${action.broker} уже работает.`
        : undefined;
    case 'replicate':
      return undefined;
  }
}

/** The frame a model shows. */
export function viewOf(model: ReplicationModel, at: FrameAt<string>): ReplicationView {
  const p = partitionOf(model.state);
  const end = logEndOffset(p);
  const log = readRange(p, p.logStartOffset, end);
  const replicas = BROKERS.map((broker): ReplicaView => {
    const leo = Math.min(end, p.replicaLeo[String(broker)] ?? 0);
    return {
      broker,
      up: brokerUp(model.state, broker),
      leader: p.leader === broker,
      inIsr: p.isr.includes(broker),
      leo,
      records: log.filter((r) => r.offset < leo).map((r) => ({ offset: r.offset, value: r.value })),
      stranded: (p.strandedTails[String(broker)] ?? []).map((r) => ({
        offset: r.offset,
        value: r.value,
      })),
    };
  });
  return {
    replicas,
    isr: p.isr,
    leader: p.leader,
    highWatermark: p.highWatermark,
    minInsync: MIN_INSYNC,
    sent: model.sent,
    lastSent: model.sent.filter((s) => model.lastSent.includes(s.id)),
    last: model.last,
    step: at.step,
    actions: at.actions,
  };
}

/** The replication widget's logic (one story). */
export const replicationLogic: WidgetLogic<
  ReplicationModel,
  ReplicationView,
  ReplicationAction,
  'replication'
> = {
  init: () =>
    run(
      { state: initKafka(27, { brokers: [...BROKERS] }), sent: [], last: [], lastSent: [] },
      SETUP,
    ),
  ...commandBatches({ steps: STEPS, send: run, unfit, commands: commandsOf }),
  view: viewOf,
  caption,
};

/** The frame after `step` steps and `actions`, replayed from scratch (tests, print). */
export function replicationView(
  step: number,
  actions: readonly ReplicationAction[] = [],
): ReplicationView {
  const steps = WIDGETS['kafka-replication'].steps;
  return replay(replicationLogic, 'replication', steps, step, actions).view;
}
