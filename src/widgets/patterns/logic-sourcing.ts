/**
 * Event sourcing on the core's Kafka model: account events are appended to a one-partition topic
 * kept forever (retention.ms=-1); each reader is its own consumer group that polls the log and
 * folds what the model fetched into a balance. A new reader starts at offset 0
 * (auto.offset.reset=earliest) and replays the whole history.
 */
import {
  fetchedRecords,
  initKafka,
  stepKafka,
  type KafkaCommand,
  type KafkaState,
} from '../../broker/kafka/index.ts';
import { applyEvent, EMPTY_ACCOUNT, encodeEvent, type Account } from './account.ts';
import { SOURCING_SCRIPT, type SourcingAction } from './story.ts';

export const EVENTS_TOPIC = 'account-42';
/** The projection that reads from the start of the story. */
export const PROJECTION = 'balance-view';
/** Readers on screen: the projection and up to three that join later. */
export const MAX_READERS = 4;

/** A record of the log as drawn. */
export interface LogEntry {
  readonly offset: number;
  readonly value: string;
}

/** One consumer group and the state it rebuilt from what it fetched. */
export interface Reader {
  readonly group: string;
  readonly label: string;
  /** Next offset it will read (= records read, since it started at 0). */
  readonly position: number;
  /** Offsets fetched by the last step or action (empty when it read nothing new). */
  readonly justRead: readonly number[];
  readonly account: Account;
}

export interface SourcingView {
  readonly log: readonly LogEntry[];
  readonly readers: readonly Reader[];
  /** What the last step or action was. */
  readonly last: SourcingAction | undefined;
  /** Offsets appended by the last step or action. */
  readonly appended: readonly number[];
}

/** A reader that joined by a replay action gets a name by its order. */
const readerLabel = (index: number): string =>
  index === 0 ? 'проекция баланса' : `новый сервис ${index}`;

function join(group: string): KafkaCommand {
  return {
    type: 'joinGroup',
    groupId: group,
    memberId: 'reader',
    topics: [EVENTS_TOPIC],
    autoOffsetReset: 'earliest',
    enableAutoCommit: false,
  };
}

/** The event-sourcing part of the widget's model (never mutated): it is also what it shows. */
export type SourcingModel = SourcingView & { readonly state: KafkaState };

/** A new consumer group reading from offset 0. */
function addReader(model: SourcingModel): SourcingModel {
  const index = model.readers.length;
  const group = index === 0 ? PROJECTION : `replay-${index}`;
  const reader: Reader = {
    group,
    label: readerLabel(index),
    account: EMPTY_ACCOUNT,
    position: 0,
    justRead: [],
  };
  return {
    ...model,
    state: stepKafka(model.state, join(group)).state,
    readers: [...model.readers, reader],
  };
}

/** Every reader polls once: what the model fetches is folded into its state. */
function pollAll(model: SourcingModel): SourcingModel {
  let state = model.state;
  const readers = model.readers.map((reader): Reader => {
    const polled = stepKafka(state, { type: 'poll', groupId: reader.group, memberId: 'reader' });
    state = polled.state;
    let { account, position } = reader;
    const justRead: number[] = [];
    for (const e of polled.events) {
      if (e.type !== 'fetch') continue;
      for (const record of fetchedRecords(e)) {
        account = applyEvent(account, record.value);
        position = record.offset + 1;
        justRead.push(record.offset);
      }
    }
    return { ...reader, account, position, justRead };
  });
  return { ...model, state, readers };
}

/** The topic and the projection, before any event. */
export function sourcingInit(): SourcingModel {
  const state = stepKafka(initKafka(40), {
    type: 'createTopic',
    name: EVENTS_TOPIC,
    partitions: 1,
    retentionMs: -1,
  }).state;
  return addReader({ state, log: [], readers: [], last: undefined, appended: [] });
}

/** One step or action: appends and replays in order, then every reader polls. */
export function sourcingApply(
  model: SourcingModel,
  group: readonly SourcingAction[],
): SourcingModel {
  let next: SourcingModel = { ...model, appended: [] };
  for (const action of group) {
    next = { ...next, last: action };
    if (action.type === 'replay') {
      if (next.readers.length < MAX_READERS) next = addReader(next);
      continue;
    }
    // The log as the producer saw it acknowledged: each record at the offset the model gave it.
    const value = encodeEvent(action.event);
    const produced = stepKafka(next.state, { type: 'produce', topic: EVENTS_TOPIC, value });
    const offsets = produced.events.flatMap((e) =>
      e.type === 'produce' && e.offset !== null ? [e.offset] : [],
    );
    next = {
      ...next,
      state: produced.state,
      appended: [...next.appended, ...offsets],
      log: [...next.log, ...offsets.map((offset) => ({ offset, value }))],
    };
  }
  return pollAll(next);
}

/** Plays scripted step `local` (1-based) of the event-sourcing story. */
export function sourcingPlay(model: SourcingModel, local: number): SourcingModel {
  const group = SOURCING_SCRIPT[local - 1];
  return group ? sourcingApply(model, group) : model;
}

/** The view after `local` scripted steps and the student's actions, from scratch. */
export function sourcingView(local: number, actions: readonly SourcingAction[]): SourcingView {
  let model = sourcingInit();
  for (let i = 1; i <= local; i++) model = sourcingPlay(model, i);
  for (const action of actions) model = sourcingApply(model, [action]);
  const { log, readers, last, appended } = model;
  return { log, readers, last, appended };
}
