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
import {
  applyEvent,
  EMPTY_ACCOUNT,
  encodeEvent,
  type Account,
  type AccountEvent,
} from './account.ts';

export const EVENTS_TOPIC = 'account-42';
/** The projection that reads from the start of the story. */
export const PROJECTION = 'balance-view';
/** Readers on screen: the projection and up to three that join later. */
export const MAX_READERS = 4;

/** Something that happens in the story (scripted or the student's). */
export type SourcingAction =
  { readonly type: 'append'; readonly event: AccountEvent } | { readonly type: 'replay' };

export const SOURCING_SCRIPT: readonly (readonly SourcingAction[])[] = [
  [
    { type: 'append', event: { kind: 'opened' } },
    { type: 'append', event: { kind: 'deposited', amount: 100 } },
  ],
  [
    { type: 'append', event: { kind: 'withdrawn', amount: 30 } },
    { type: 'append', event: { kind: 'deposited', amount: 50 } },
  ],
  [{ type: 'replay' }],
];

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

interface Run {
  state: KafkaState;
  readers: {
    group: string;
    label: string;
    account: Account;
    position: number;
    justRead: number[];
  }[];
}

function step(run: Run, command: KafkaCommand): ReturnType<typeof stepKafka>['events'] {
  const r = stepKafka(run.state, command);
  run.state = r.state;
  return r.events;
}

/** Every reader polls once: what the model fetches is folded into its state. */
function pollAll(run: Run): void {
  for (const reader of run.readers) {
    reader.justRead = [];
    const events = step(run, { type: 'poll', groupId: reader.group, memberId: 'reader' });
    for (const e of events) {
      if (e.type !== 'fetch') continue;
      for (const record of fetchedRecords(e)) {
        reader.account = applyEvent(reader.account, record.value);
        reader.position = record.offset + 1;
        reader.justRead.push(record.offset);
      }
    }
  }
}

/** The state after `local` scripted steps and the student's actions. */
export function sourcingView(local: number, actions: readonly SourcingAction[]): SourcingView {
  const run: Run = {
    state: stepKafka(initKafka(40), {
      type: 'createTopic',
      name: EVENTS_TOPIC,
      partitions: 1,
      retentionMs: -1,
    }).state,
    readers: [],
  };
  const addReader = (): void => {
    const index = run.readers.length;
    const group = index === 0 ? PROJECTION : `replay-${index}`;
    step(run, join(group));
    run.readers.push({
      group,
      label: readerLabel(index),
      account: EMPTY_ACCOUNT,
      position: 0,
      justRead: [],
    });
  };
  addReader();
  const groups = [...SOURCING_SCRIPT.slice(0, Math.max(0, local)), ...actions.map((a) => [a])];
  let last: SourcingAction | undefined;
  let appended: number[] = [];
  // The log as the producer saw it acknowledged: each record at the offset the model gave it.
  const log: LogEntry[] = [];
  for (const group of groups) {
    appended = [];
    for (const action of group) {
      last = action;
      if (action.type === 'replay') {
        if (run.readers.length < MAX_READERS) addReader();
        continue;
      }
      const value = encodeEvent(action.event);
      for (const e of step(run, { type: 'produce', topic: EVENTS_TOPIC, value })) {
        if (e.type !== 'produce' || e.offset === null) continue;
        appended.push(e.offset);
        log.push({ offset: e.offset, value });
      }
    }
    pollAll(run);
  }
  return {
    log,
    readers: run.readers.map((r) => ({ ...r })),
    last,
    appended,
  };
}
