/**
 * The decision rules of slide 36 as data: five questions about the workload, each answer giving
 * points to Redis, RabbitMQ or Kafka with the lecture's own reason (sections 35–36). Pure: the
 * recommendation for any combination of answers (unanswered ones included) is computed here.
 */

/** The three brokers, in order of operational complexity (lecture, section 35: «Сложность»). */
export const BROKERS = ['redis', 'rabbitmq', 'kafka'] as const;
export type Broker = (typeof BROKERS)[number];

/** The names the audience reads. */
export const BROKER_TITLE: Readonly<Record<Broker, string>> = {
  redis: 'Redis',
  rabbitmq: 'RabbitMQ',
  kafka: 'Kafka',
};

/** One answer: its label, the points it gives and why (one reason per broker it favours). */
export interface Answer {
  readonly id: string;
  readonly label: string;
  readonly points: Readonly<Record<Broker, number>>;
  /** Why this answer points at each broker it gives points to, in the lecture's words. */
  readonly why: Readonly<Partial<Record<Broker, string>>>;
  /** A clearly marked fact-check where the lecture's comparison is dated (optional). */
  readonly caveat?: string;
}

export interface Question {
  readonly id: QuestionId;
  readonly title: string;
  /** One word for the stage's list of answers. */
  readonly short: string;
  readonly answers: readonly Answer[];
}

export type QuestionId = 'throughput' | 'replay' | 'routing' | 'delivery' | 'operations';

const pts = (redis: number, rabbitmq: number, kafka: number) => ({ redis, rabbitmq, kafka });

/** The questions, in the order the widget asks them. */
export const QUESTIONS: readonly Question[] = [
  {
    id: 'throughput',
    title: 'Сколько сообщений в секунду?',
    short: 'Поток',
    answers: [
      {
        id: 'moderate',
        label: 'до ~20 тыс.',
        points: pts(1, 2, 0),
        why: {
          rabbitmq:
            'RabbitMQ: ~20 000 сообщ./с с записью на диск — средние нагрузки, где надёжность важнее скорости.',
          redis: 'Redis: 100 000+ сообщ./с — такой поток с запасом.',
        },
      },
      {
        id: 'high',
        label: '~100 тыс., важна задержка',
        points: pts(2, 0, 1),
        why: {
          redis: 'Redis: 100 000+ сообщ./с из памяти, минимальная задержка.',
          kafka: 'Kafka: 1 000 000+ сообщ./с — выдержит с запасом.',
        },
      },
      {
        id: 'huge',
        label: 'миллионы, big data',
        points: pts(0, 0, 3),
        why: { kafka: 'Kafka: 1 000 000+ сообщ./с — последовательная запись в журнал на диске.' },
      },
    ],
  },
  {
    id: 'replay',
    title: 'Нужно перечитывать старые сообщения?',
    short: 'Перечитывать',
    answers: [
      {
        id: 'no',
        label: 'нет: обработал — забыл',
        points: pts(1, 1, 0),
        why: {
          redis: 'Хватит очереди: Redis отдаёт сообщение и забывает его.',
          rabbitmq: 'Хватит очереди: RabbitMQ удаляет сообщение после ack.',
        },
      },
      {
        id: 'yes',
        label: 'да: история, event sourcing',
        points: pts(0, 0, 3),
        why: {
          kafka:
            'Kafka не удаляет прочитанное: журнал хранится весь срок retention (по умолчанию 7 дней), перечитать можно с любого сохранённого offset — event sourcing, аналитика.',
        },
        caveat: 'RabbitMQ Streams (3.9) и Redis Streams тоже дают повторное чтение журнала.',
      },
    ],
  },
  {
    id: 'routing',
    title: 'Как сообщения расходятся?',
    short: 'Маршрутизация',
    answers: [
      {
        id: 'simple',
        label: 'одна очередь задач',
        points: pts(2, 1, 0),
        why: {
          redis: 'Простые задачи и очереди — Redis: список, LPUSH и BRPOP.',
          rabbitmq: 'Одна очередь в RabbitMQ — тоже просто.',
        },
      },
      {
        id: 'broadcast',
        label: 'всем подписчикам сразу',
        // All three do it (their docs: Redis Pub/Sub; RabbitMQ «AMQP 0-9-1 Model Explained»,
        // fanout exchange; Kafka «Introduction», consumer groups): this answer alone picks none.
        points: pts(2, 2, 2),
        why: {
          redis: 'Pub/Sub в реальном времени — Redis: каждый подписчик, кто сейчас на связи.',
          rabbitmq:
            'Fanout exchange в RabbitMQ кладёт копию в каждую привязанную очередь — у каждого подписчика своя.',
          kafka: 'Много независимых читателей одного потока — Kafka: у каждой группы свои offsets.',
        },
      },
      {
        id: 'complex',
        label: 'по ключам, шаблонам, приоритетам',
        points: pts(0, 3, 0),
        why: {
          rabbitmq:
            'Сложная маршрутизация и приоритеты — RabbitMQ: exchange типов direct, topic, headers.',
        },
      },
    ],
  },
  {
    id: 'delivery',
    title: 'Можно потерять сообщение?',
    short: 'Потеря',
    answers: [
      {
        id: 'loss-ok',
        label: 'да, не критично',
        points: pts(2, 0, 0),
        why: {
          redis:
            'Потеря некоторых сообщений не критична — Redis Pub/Sub и BRPOP (at most once) подойдут.',
        },
      },
      {
        id: 'at-least-once',
        label: 'нет, дубли допустимы',
        points: pts(1, 2, 1),
        why: {
          redis:
            'Redis тоже может: BLMOVE в список «в работе» (слайд 14) или Streams с XACK — но по умолчанию (без AOF) подтверждённое может пропасть при падении сервера.',
          rabbitmq:
            'Гарантия доставки — RabbitMQ: at least once, если очередь durable, сообщения persistent, publisher confirms и ручной ack.',
          kafka:
            'Kafka не теряет подтверждённое благодаря репликации: acks=all, replication factor 3 и min.insync.replicas ≥ 2; с acks=1 оно теряется при падении лидера.',
        },
      },
      {
        id: 'exactly-once',
        label: 'нужно ровно один раз',
        points: pts(0, 1, 2),
        why: {
          kafka: 'Exactly once — в лекции это Kafka (в новых версиях).',
          rabbitmq: 'RabbitMQ: at least once плюс идемпотентный consumer.',
        },
        caveat:
          'Exactly once в Kafka — для идемпотентного и транзакционного producer и цепочки «Kafka → Kafka»; побочным эффектам вне Kafka нужна идемпотентность (слайд 41).',
      },
    ],
  },
  {
    id: 'operations',
    title: 'Команда и эксплуатация?',
    short: 'Эксплуатация',
    answers: [
      {
        id: 'minimal',
        label: 'минимум забот',
        points: pts(2, 0, 0),
        why: { redis: 'Сложность Redis низкая: простая настройка, часто он уже есть как кэш.' },
      },
      {
        id: 'amqp',
        label: 'готовы освоить AMQP',
        points: pts(0, 2, 0),
        why: { rabbitmq: 'Сложность RabbitMQ средняя: нужно понимать AMQP.' },
      },
      {
        id: 'cluster',
        label: 'есть команда под кластер',
        points: pts(0, 0, 2),
        why: { kafka: 'Сложность Kafka высокая: кластер, партиции, репликация — команда есть.' },
        caveat: 'ZooKeeper больше не нужен: KRaft, а Kafka 4.0 удалила ZooKeeper совсем.',
      },
    ],
  },
];

/** A student's (or the story's) answers: question id → answer id; missing = not answered. */
export type Answers = Readonly<Partial<Record<QuestionId, string>>>;

/** How one answered question counted. */
export interface Explained {
  readonly question: Question;
  readonly answer: Answer;
}

/** The recommendation and everything needed to explain it. */
export interface Recommendation {
  readonly broker: Broker;
  readonly scores: Readonly<Record<Broker, number>>;
  /** Answered questions in order, each with its reason. */
  readonly explained: readonly Explained[];
  /** Reasons of the answers that gave the winner points. */
  readonly reasons: readonly string[];
  /** Questions not answered yet (they do not count). */
  readonly unanswered: readonly Question[];
  /** True when answers left the winner tied with another broker and the simpler one was chosen. */
  readonly tie: boolean;
  /** Fact-check notes of the chosen answers. */
  readonly caveats: readonly string[];
}

/** The answer object for an id, or undefined for an unknown id. */
export function findAnswer(question: Question, id: string | undefined): Answer | undefined {
  return id === undefined ? undefined : question.answers.find((a) => a.id === id);
}

/** With nothing answered, the lecture's advice for simple tasks: start with Redis. */
export const NO_ANSWERS_REASON =
  'Требований пока нет: для простых задач и очередей лекция советует Redis — его проще всего запустить.';

/**
 * Recommends a broker for `answers`: the most points wins; a tie goes to the simpler broker
 * (Redis < RabbitMQ < Kafka), as the lecture ranks their complexity. Every input gets a result.
 */
export function recommend(answers: Answers): Recommendation {
  const scores: Record<Broker, number> = { redis: 0, rabbitmq: 0, kafka: 0 };
  const explained: Explained[] = [];
  const unanswered: Question[] = [];
  for (const question of QUESTIONS) {
    const answer = findAnswer(question, answers[question.id]);
    if (!answer) {
      unanswered.push(question);
      continue;
    }
    explained.push({ question, answer });
    for (const b of BROKERS) scores[b] += answer.points[b];
  }
  const best = Math.max(...BROKERS.map((b) => scores[b]));
  const leaders = BROKERS.filter((b) => scores[b] === best);
  const broker = leaders[0] ?? 'redis';
  const reasons = explained.flatMap((e) => {
    const why = e.answer.why[broker];
    return e.answer.points[broker] > 0 && why ? [why] : [];
  });
  return {
    broker,
    scores,
    explained,
    reasons: reasons.length > 0 ? reasons : [NO_ANSWERS_REASON],
    unanswered,
    tie: leaders.length > 1 && explained.length > 0,
    caveats: explained.flatMap((e) => (e.answer.caveat ? [e.answer.caveat] : [])),
  };
}
