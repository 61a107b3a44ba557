/**
 * The scripted stories of the `kafka-partitions` widget (the slide names one with `story=`):
 * architecture, usage, producer, consumer. Every story has KAFKA_STEPS clicker steps; each step is
 * a list of core commands, built from the widget's settings (partition count, assignor) so a
 * student's choice replays the same story.
 */
import type { AssignorName, KafkaCommand, OffsetReset } from '../../broker/kafka/index.ts';
import { WIDGETS, type StoryOf } from '../../lecture/names.ts';

/** Clicker steps of every story (one catalogue entry serves all four stories). */
export const KAFKA_STEPS = WIDGETS['kafka-partitions'].steps;

/** A story's name, as the slide writes it (`story=producer`). */
export type KafkaStoryName = StoryOf<'kafka-partitions'>;

/** Group ids of the two consumer groups the widget draws. */
export const GROUP_A = 'billing';
export const GROUP_B = 'analytics';

/** What a student may change that reshapes the whole story. */
export interface KafkaSettings {
  readonly partitions: number;
  readonly assignor: AssignorName;
}

/** One clicker step: the commands it applies and the sentence that leads its caption. */
export interface ScriptedStep {
  readonly lead: string;
  readonly commands: (settings: KafkaSettings) => KafkaCommand[];
}

/** One story. */
export interface KafkaStory {
  readonly name: KafkaStoryName;
  readonly topic: string;
  readonly seed: number;
  /** Partitions before the student changes them. */
  readonly defaultPartitions: number;
  /**
   * Keyless records per partition pick. 1 everywhere: the lecture's client is kafka-python
   * 2.0.2, whose DefaultPartitioner (kafka/partitioner/default.py) takes random.choice(available)
   * for every keyless record; the Java client's sticky batches (KIP-480, KIP-794) would be > 1.
   */
  readonly stickyBatchRecords: number;
  /** auto.offset.reset of each group when created. */
  readonly resetA: OffsetReset;
  readonly resetB: OffsetReset;
  readonly steps: readonly ScriptedStep[];
}

type Cmd = KafkaCommand;

/** kafka-python 2.0.2 picks a random available partition for each keyless record. */
const KAFKA_PYTHON_KEYLESS = 1;

/**
 * kafka-python 2.0.2's KafkaConsumer default session_timeout_ms (kafka/consumer/group.py): the
 * slides' consumer.py sets none, so a crashed member keeps its partitions this long (Java: 45 s).
 */
export const KAFKA_PYTHON_SESSION_TIMEOUT_MS = 10_000;

function produceAll(topic: string, keys: readonly (string | null)[], tag: string): Cmd[] {
  return keys.map((key, i) => ({ type: 'produce', topic, key, value: `${tag}-${i + 1}` }));
}

/** A join to group A or B with the story's settings. */
export function joinCommand(
  story: Pick<KafkaStory, 'topic' | 'resetA' | 'resetB'>,
  group: 'A' | 'B',
  assignor: AssignorName,
): Cmd {
  return {
    type: 'joinGroup',
    groupId: group === 'A' ? GROUP_A : GROUP_B,
    topics: [story.topic],
    assignor,
    autoOffsetReset: group === 'A' ? story.resetA : story.resetB,
    // Commits are explicit steps, so the audience sees position and committed offset apart.
    enableAutoCommit: false,
    sessionTimeoutMs: KAFKA_PYTHON_SESSION_TIMEOUT_MS,
  };
}

function pollCommit(groupId: string, members: readonly string[], max = 500): Cmd[] {
  return members.flatMap((memberId): Cmd[] => [
    { type: 'poll', groupId, memberId, maxRecords: max },
    { type: 'commitOffset', groupId, memberId },
  ]);
}

function story(
  base: Omit<KafkaStory, 'steps'>,
  steps: (s: Omit<KafkaStory, 'steps'>) => ScriptedStep[],
): KafkaStory {
  const built = steps(base);
  if (built.length !== KAFKA_STEPS) throw new Error(`story ${base.name}: ${built.length} steps`);
  return { ...base, steps: built };
}

const USERS = ['user-42', 'user-7', 'user-13', 'user-42', 'user-99', 'user-7'];

/** usage (slide 28): a kept stream read by two groups independently, then a replay. */
const usage = story(
  {
    name: 'usage',
    topic: 'clicks',
    seed: 28,
    defaultPartitions: 3,
    stickyBatchRecords: KAFKA_PYTHON_KEYLESS,
    resetA: 'earliest',
    resetB: 'earliest',
  },
  (b) => [
    {
      lead: 'Сервисы пишут события в топик clicks.',
      commands: () => produceAll(b.topic, USERS, 'click'),
    },
    {
      lead: 'Группа A (billing) прочитала всё — записи остались в журнале.',
      commands: (s) => [joinCommand(b, 'A', s.assignor), ...pollCommit(GROUP_A, ['consumer-1'])],
    },
    {
      lead: 'Группа B (analytics) читает тот же топик — со своими offsets.',
      commands: (s) => [joinCommand(b, 'B', s.assignor), ...pollCommit(GROUP_B, ['consumer-1'])],
    },
    {
      lead: 'Пришли новые события: у обеих групп появилось отставание (lag).',
      commands: () => produceAll(b.topic, ['user-13', 'user-42', 'user-5'], 'click-new'),
    },
    {
      lead: 'Группа A догнала поток, B отстаёт — группы не мешают друг другу.',
      commands: () => pollCommit(GROUP_A, ['consumer-1']),
    },
    {
      lead: 'Replay: журнал хранится, группу A вернули к началу.',
      commands: () => [
        { type: 'seekToBeginning', groupId: GROUP_A, memberId: 'consumer-1' },
        { type: 'poll', groupId: GROUP_A, memberId: 'consumer-1', maxRecords: 4 },
      ],
    },
  ],
);

const ORDERS = ['order-1', 'order-2', 'order-3', 'order-4', 'order-5', 'order-6', 'order-7'];

/** architecture (slide 29): keys to partitions, a group of two, a third joins (rebalance), offsets and lag. */
const architecture = story(
  {
    name: 'architecture',
    topic: 'orders',
    seed: 29,
    defaultPartitions: 3,
    stickyBatchRecords: KAFKA_PYTHON_KEYLESS,
    resetA: 'earliest',
    resetB: 'earliest',
  },
  (b) => [
    {
      lead: 'Producer пишет заказы: ключ решает, в какую партицию попадёт запись.',
      commands: () => produceAll(b.topic, ORDERS, 'order'),
    },
    {
      lead: "Группа A из двух consumer'ов: у каждой партиции — один.",
      commands: (s) => [joinCommand(b, 'A', s.assignor), joinCommand(b, 'A', s.assignor)],
    },
    {
      lead: 'Каждый consumer читает только свои партиции.',
      commands: () => pollCommit(GROUP_A, ['consumer-1', 'consumer-2'], 2),
    },
    {
      lead: 'Третий consumer вступил в группу.',
      commands: (s) => [joinCommand(b, 'A', s.assignor)],
    },
    {
      lead: 'Новые заказы: lag = конец партиции − committed offset.',
      commands: () => produceAll(b.topic, ['order-8', 'order-9', 'order-2', 'order-10'], 'order'),
    },
    {
      lead: 'Каждый consumer дочитал свои партиции: lag группы 0.',
      commands: () => pollCommit(GROUP_A, ['consumer-1', 'consumer-2', 'consumer-3']),
    },
  ],
);

/**
 * producer (slide 31): keys → partitions, the same key → the same partition; keyless records as the slide's
 * client, kafka-python 2.0.2, sends them: each to a random available partition.
 */
const producer = story(
  {
    name: 'producer',
    topic: 'orders',
    seed: 31,
    defaultPartitions: 6,
    stickyBatchRecords: KAFKA_PYTHON_KEYLESS,
    resetA: 'earliest',
    resetB: 'earliest',
  },
  (b) => [
    {
      lead: 'Producer: send(key="user-42").',
      commands: () => produceAll(b.topic, ['user-42'], 'order'),
    },
    {
      lead: 'Тот же ключ — та же партиция: заказы user-42 лежат по порядку.',
      commands: () => produceAll(b.topic, ['user-42', 'user-42'], 'order'),
    },
    {
      lead: 'Разные ключи расходятся по партициям.',
      commands: () => produceAll(b.topic, ['user-7', 'user-13', 'user-99', 'user-5'], 'order'),
    },
    {
      lead: 'Без ключа kafka-python 2.0.2 шлёт каждую запись в случайную партицию.',
      commands: () => produceAll(b.topic, [null, null, null, null], 'event'),
    },
    {
      lead: 'Java-клиент (Kafka ≥ 2.4) шлёт такие пачкой в одну партицию; kafka-python — снова вразброс.',
      commands: () => produceAll(b.topic, [null, null, null, null], 'event'),
    },
    {
      lead: 'user-42 снова в свою партицию: порядок событий одного ключа сохранён.',
      commands: () => produceAll(b.topic, ['user-42'], 'order'),
    },
  ],
);

/** consumer (slide 32): a group, earliest vs latest, commit, a crash and rebalance, lag. */
const consumer = story(
  {
    name: 'consumer',
    topic: 'orders',
    seed: 32,
    defaultPartitions: 4,
    stickyBatchRecords: KAFKA_PYTHON_KEYLESS,
    resetA: 'earliest',
    resetB: 'latest',
  },
  (b) => [
    {
      lead: "В топике уже есть заказы, consumer'ов ещё нет.",
      commands: () => produceAll(b.topic, ORDERS.concat('order-8'), 'order'),
    },
    {
      lead: 'Группа A: auto_offset_reset="earliest" — с начала; группа B: "latest" — только новые.',
      commands: (s) => [joinCommand(b, 'A', s.assignor), joinCommand(b, 'B', s.assignor)],
    },
    {
      lead: 'poll(): позиция ушла вперёд, commit ещё не было.',
      commands: () => [
        ...produceAll(b.topic, ['order-9', 'order-10'], 'order'),
        { type: 'poll', groupId: GROUP_A, memberId: 'consumer-1', maxRecords: 5 },
        ...pollCommit(GROUP_B, ['consumer-1']),
      ],
    },
    {
      lead: 'commit(): committed offset догнал позицию.',
      commands: () => [{ type: 'commitOffset', groupId: GROUP_A, memberId: 'consumer-1' }],
    },
    {
      lead: 'Второй consumer в группе A — партиции поделены.',
      commands: (s) => [
        joinCommand(b, 'A', s.assignor),
        { type: 'poll', groupId: GROUP_A, memberId: 'consumer-2', maxRecords: 2 },
      ],
    },
    {
      lead: 'Упал до commit(): прочитанное придёт снова (at least once).',
      commands: () => [
        { type: 'crash', groupId: GROUP_A, memberId: 'consumer-2' },
        { type: 'advance', ms: KAFKA_PYTHON_SESSION_TIMEOUT_MS },
      ],
    },
  ],
);

/** Every story by name. */
export const KAFKA_STORIES: Readonly<Record<KafkaStoryName, KafkaStory>> = {
  architecture,
  usage,
  producer,
  consumer,
};
