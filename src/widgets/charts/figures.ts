/**
 * The lecture's own figures (sections 4 and 35), as data. They are typical orders of magnitude the
 * lecturer quotes, not benchmarks, and the charts say so.
 */

export interface StoreFigure {
  readonly label: string;
  readonly kind: 'sql' | 'nosql' | 'broker';
  /** Writes (or messages) per second: the upper typical figure the lecture gives. */
  readonly writesPerSecond: number;
  /** The lecture's own wording of the throughput. */
  readonly writesText: string;
  /** Write latency in milliseconds, [low, high]. */
  readonly latencyMs: readonly [number, number];
  /** Where the figure comes from, shown in the text alternative. */
  readonly source: string;
}

/** Section 4: throughput and latency of stores vs in-memory brokers. */
export const STORE_FIGURES: readonly StoreFigure[] = [
  {
    label: 'PostgreSQL / MySQL / MS SQL',
    kind: 'sql',
    writesPerSecond: 20_000,
    writesText: '5 000–20 000 записей/с',
    latencyMs: [5, 50],
    source: 'лекция, слайд 4',
  },
  {
    label: 'MongoDB',
    kind: 'nosql',
    writesPerSecond: 50_000,
    writesText: 'до 50 000 записей/с',
    latencyMs: [2, 10],
    source: 'лекция, слайд 4',
  },
  {
    label: 'Брокеры в памяти',
    kind: 'broker',
    writesPerSecond: 1_000_000,
    writesText: '100 000 – 1 000 000+ сообщений/с',
    latencyMs: [0.1, 1],
    source:
      'лекция, слайд 4 (пропускная способность); задержка — документация Redis «Diagnosing latency issues» (команда — доли микросекунды, сеть 1 Гбит/с — около 200 мкс)',
  },
];

export interface BrokerFigure {
  readonly broker: 'redis' | 'rabbitmq' | 'kafka';
  readonly label: string;
  /** Messages per second as the lecture quotes it (section 35). */
  readonly messagesPerSecond: number;
  readonly speedText: string;
  /** Setup complexity, 1 low … 3 high (sections 8 and 35). */
  readonly complexity: 1 | 2 | 3;
  readonly complexityText: string;
  /** Delivery guarantee, 1 at most once … 3 exactly once (section 35, with our fact-check). */
  readonly guarantee: 1 | 2 | 3;
  /** The lecture's guarantee; an asterisk points to the footnote that qualifies it. */
  readonly guaranteeText: string;
  /** The footnote for the asterisk, or null when the lecture's word holds as it is. */
  readonly guaranteeNote: string | null;
  readonly storage: string;
  /** Where the order of messages holds. */
  readonly order: string;
  readonly useCases: string;
  /** Where the figures and the guarantee come from, shown in the text alternative. */
  readonly source: string;
}

/** Sections 5, 8, 35: the three brokers side by side. */
export const BROKER_FIGURES: readonly BrokerFigure[] = [
  {
    broker: 'redis',
    label: 'Redis',
    messagesPerSecond: 100_000,
    speedText: '100 000+ сообщений/с',
    complexity: 1,
    complexityText: 'низкая',
    guarantee: 1,
    guaranteeText: 'at most once*',
    guaranteeNote:
      '* Redis: at most once — это Pub/Sub и список с BRPOP; надёжная очередь на LMOVE/BLMOVE и Redis Streams (XREADGROUP, XACK) дают at least once.',
    storage: 'RAM (опционально диск)',
    order: 'в порядке отправки: и в списке, и в Pub/Sub (слабость Pub/Sub — потери, а не порядок)',
    useCases: 'кэш, простые очереди, Pub/Sub в реальном времени',
    source:
      'лекция, слайды 8 и 35; документация Redis: «Redis Pub/Sub» (порядок, Delivery semantics), LMOVE (Pattern: Reliable queue), «Redis Streams»',
  },
  {
    broker: 'rabbitmq',
    label: 'RabbitMQ',
    messagesPerSecond: 20_000,
    speedText: '≈20 000 сообщений/с',
    complexity: 2,
    complexityText: 'средняя',
    guarantee: 2,
    guaranteeText: 'at least once',
    guaranteeNote: null,
    storage: 'диск',
    order: 'в пределах очереди: один consumer, без requeue и приоритетов',
    useCases: 'надёжные задачи, сложная маршрутизация, приоритеты',
    source:
      'лекция, слайды 8 и 35; документация RabbitMQ: «Reliability Guide», «Queues» (Message Ordering), «Consumer Acknowledgements and Publisher Confirms»',
  },
  {
    broker: 'kafka',
    label: 'Kafka',
    messagesPerSecond: 1_000_000,
    speedText: '1 000 000+ сообщений/с',
    complexity: 3,
    complexityText: 'высокая',
    guarantee: 3,
    guaranteeText: 'exactly once**',
    guaranteeNote:
      "** Kafka: exactly once — только внутри Kafka, с идемпотентным или транзакционным producer'ом; побочные эффекты consumer'а вне Kafka — at least once.",
    storage: 'диск, последовательная запись',
    order: "в пределах партиции (при повторах отправки — с идемпотентным producer'ом)",
    useCases: 'потоки событий, аналитика, event sourcing, логи',
    source:
      'лекция, слайды 8 и 35; документация Apache Kafka: Design → Message Delivery Semantics, Producer Configs (enable.idempotence); KIP-98',
  },
];

/** Formats a count the Russian way: 20 000, 1 000 000. */
export function formatCount(n: number): string {
  return new Intl.NumberFormat('ru-RU').format(n).replace(/\u00a0/g, ' ');
}

/** Formats milliseconds the Russian way: 0,1. */
export function formatMs(n: number): string {
  return String(n).replace('.', ',');
}
