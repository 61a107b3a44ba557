/**
 * Self-check questions for the end of each part of the reading view. Where an answer is a
 * broker's rule (a topic match, a partition, a glob, an assignment, a backoff, the order flow's
 * timings) it is computed by the simulated core, so a question and the widget that answers it
 * can never disagree.
 */
import {
  assignRange,
  kafkaPartitionForKey,
  orderFlow,
  orderFlowInput,
  redisGlobMatches,
  topicMatches,
} from '../broker/index.ts';
import { getExponentialBackoffInterval } from '../broker/celery/index.ts';
import { seedPrng } from '../broker/core/prng.ts';
import type { PartName } from '../lecture/names.ts';

/** One answer option; `id` is what a check compares. */
export interface QuizOption {
  readonly id: string;
  readonly text: string;
}

/** A question: one right option (`single`) or a set of right ones (`multiple`). */
export interface QuizQuestion {
  readonly id: string;
  readonly part: PartName;
  readonly kind: 'single' | 'multiple';
  readonly prompt: string;
  /** A code-like fragment shown under the prompt (routing keys, bindings), as text. */
  readonly detail?: string;
  readonly options: readonly QuizOption[];
  readonly correct: readonly string[];
  readonly explanation: string;
  /** The section that teaches it: the explanation links back to it. */
  readonly section: number;
  /** Where a student can check the answer: a document and its section, or a source file. */
  readonly source: string;
  /** How to find the answer by playing the slide's widget. */
  readonly widgetHint?: string;
}

const yesNo = (yes: boolean): string[] => [yes ? 'yes' : 'no'];
const YES_NO: readonly QuizOption[] = [
  { id: 'yes', text: 'Да' },
  { id: 'no', text: 'Нет' },
];

function orderQuestions(): QuizQuestion[] {
  const { sync, async } = orderFlow(orderFlowInput());
  const times = [...new Set([sync.responseMs, async.responseMs, 100, 2000])].sort((a, b) => a - b);
  const options = times.map((ms) => ({ id: String(ms), text: `≈ ${ms} мс` }));
  return [
    {
      id: 'intro-sync',
      part: 'intro',
      kind: 'single',
      prompt:
        'Синхронный обработчик заказа: сохранить в БД, отправить письмо, обновить остатки, уведомить склад. Через сколько клиент получит ответ?',
      options,
      correct: [String(sync.responseMs)],
      explanation: `Клиент ждёт сумму всех шагов: ${sync.responseMs} мс, из них 2000 мс — письмо, которое ему сейчас не нужно.`,
      section: 6,
      source: 'examples/order_flow/sync_app.py: задержки шагов — из лекции, слайд 6',
      widgetHint: 'Пройдите виджет на слайде 6 и посмотрите на ответ синхронного обработчика.',
    },
    {
      id: 'intro-async',
      part: 'intro',
      kind: 'single',
      prompt:
        'Тот же заказ через брокер: обработчик сохраняет заказ и публикует три задачи. Через сколько клиент получит ответ?',
      options,
      correct: [String(async.responseMs)],
      explanation: `Ответ после записи в БД и трёх публикаций: ${async.responseMs} мс. Письмо, остатки и склад воркеры сделают позже и независимо.`,
      section: 7,
      source: 'examples/order_flow/async_app.py: задержки шагов — из лекции, слайд 7',
      widgetHint: 'На слайде 7 виджет показывает обе линии времени рядом.',
    },
  ];
}

function redisQuestions(): QuizQuestion[] {
  const glob = redisGlobMatches('news.*', 'news.sport.football');
  return [
    {
      id: 'redis-publish-nobody',
      part: 'redis',
      kind: 'single',
      prompt:
        'PUBLISH в канал, на который сейчас никто не подписан. Что вернёт команда и что станет с сообщением?',
      options: [
        { id: 'zero-lost', text: 'Вернёт 0, сообщение потеряно' },
        { id: 'zero-kept', text: 'Вернёт 0, сообщение дождётся первого подписчика' },
        { id: 'error', text: 'Ошибку: канала не существует' },
      ],
      correct: ['zero-lost'],
      explanation:
        'Pub/Sub в Redis ничего не хранит: PUBLISH возвращает число получивших, и если их 0, сообщение исчезло.',
      section: 12,
      source:
        'Документация Redis: команда PUBLISH (Return value), «Redis Pub/Sub» (Delivery semantics)',
      widgetHint:
        'В виджете на слайде 12 нажмите «Отписать» у всех подписчиков и опубликуйте сообщение.',
    },
    {
      id: 'redis-glob',
      part: 'redis',
      kind: 'single',
      prompt:
        'Подписчик сделал PSUBSCRIBE с шаблоном ниже. Получит ли он сообщение из канала news.sport.football?',
      detail: 'PSUBSCRIBE news.*',
      options: YES_NO,
      correct: yesNo(glob),
      explanation: glob
        ? 'В шаблонах Redis «*» — любая последовательность символов, в том числе с точками; точка для Redis не разделитель (в отличие от topic exchange в RabbitMQ).'
        : 'В шаблонах Redis «*» не совпадает с этим каналом.',
      section: 12,
      source:
        'Документация Redis: команда PSUBSCRIBE (glob-шаблоны), «Redis Pub/Sub» (Pattern-matching subscriptions)',
      widgetHint:
        'Добавьте в виджете подписчика с шаблоном news.* и опубликуйте в news.sport.football.',
    },
    {
      id: 'redis-crash',
      part: 'redis',
      kind: 'single',
      prompt: 'Воркер забрал задачу командой BRPOP и упал, не закончив её. Что стало с задачей?',
      options: [
        { id: 'lost', text: 'Потеряна: в списке её уже нет' },
        { id: 'back', text: 'Вернулась в список для другого воркера' },
        { id: 'dlq', text: 'Попала в очередь «мёртвых» сообщений' },
      ],
      correct: ['lost'],
      explanation:
        'BRPOP удаляет элемент из списка сразу. Надёжный вариант — LMOVE в список «в работе» и удаление после успеха.',
      section: 14,
      source: 'Документация Redis: команды BRPOP и LMOVE (Pattern: Reliable queue)',
      widgetHint: 'В виджете на слайде 14 нажмите «Упасть» у воркера посреди задачи.',
    },
  ];
}

const TOPIC_BINDINGS = [
  { queue: 'billing', key: 'order.*.paid' },
  { queue: 'audit', key: 'order.#' },
  { queue: 'eu', key: '*.eu.*' },
  { queue: 'legacy', key: 'order.paid' },
] as const;

function rabbitQuestions(): QuizQuestion[] {
  const routingKey = 'order.eu.paid';
  const hits = TOPIC_BINDINGS.filter((b) => topicMatches(b.key, routingKey)).map((b) => b.queue);
  const short = topicMatches('order.*.paid', 'order.paid');
  return [
    {
      id: 'rabbit-topic',
      part: 'rabbitmq',
      kind: 'multiple',
      prompt: `Topic exchange с привязками ниже. Какие очереди получат сообщение с ключом ${routingKey}? Отметьте все.`,
      detail: TOPIC_BINDINGS.map((b) => `${b.queue} ← ${b.key}`).join('   '),
      options: TOPIC_BINDINGS.map((b) => ({ id: b.queue, text: `${b.queue} (${b.key})` })),
      correct: hits,
      explanation: `«*» — ровно одно слово, «#» — ноль или больше слов. Получат: ${hits.join(', ')}; каждая очередь — одну копию.`,
      section: 26,
      source:
        'RabbitMQ tutorial 5 «Topics»; документация RabbitMQ «AMQP 0-9-1 Model Explained» (Topic Exchange)',
      widgetHint: 'Введите привязки и ключ в виджете на слайде 26 (exchange типа topic).',
    },
    {
      id: 'rabbit-star',
      part: 'rabbitmq',
      kind: 'single',
      prompt: 'Совпадёт ли ключ order.paid с привязкой order.*.paid?',
      options: YES_NO,
      correct: yesNo(short),
      explanation: short
        ? '«*» совпадает с пустым словом.'
        : '«*» требует ровно одно слово между точками, а в order.paid его нет. Для «ноль или больше» нужен «#».',
      section: 26,
      source: 'RabbitMQ tutorial 5 «Topics»',
    },
    {
      id: 'rabbit-unacked',
      part: 'rabbitmq',
      kind: 'single',
      prompt:
        'Процесс воркера получил сообщение (manual ack) и упал, не отправив basic.ack. Что будет с сообщением?',
      options: [
        {
          id: 'redelivered',
          text: 'Вернётся в очередь и придёт другому воркеру с redelivered=true',
        },
        { id: 'lost', text: 'Потеряется' },
        { id: 'dlq', text: 'Сразу уйдёт в dead-letter очередь' },
      ],
      correct: ['redelivered'],
      explanation:
        'Пока нет подтверждения, брокер держит сообщение за каналом. Процесс упал — его соединение и канал закрылись, и сообщение снова готово к доставке с флагом redelivered. Пока процесс жив и канал открыт, сообщение никуда не уходит (до consumer_timeout, 30 минут по умолчанию).',
      section: 24,
      source:
        'Документация RabbitMQ «Consumer Acknowledgements and Publisher Confirms» (Automatic Requeueing), «Consumers» (Delivery Acknowledgement Timeout)',
      widgetHint:
        'В виджете на слайде 19 нажмите «Уронить» у воркера, пока у него есть неподтверждённые сообщения.',
    },
  ];
}

function kafkaQuestions(): QuizQuestion[] {
  const partitions = 6;
  const key = 'user-42';
  const partition = kafkaPartitionForKey(key, partitions);
  const members = ['c1', 'c2', 'c3'].map((memberId) => ({ memberId, topics: ['orders'] }));
  const assignment = assignRange(members, { orders: 2 });
  const idle = Object.values(assignment).filter((tps) => tps.length === 0).length;
  return [
    {
      id: 'kafka-partition',
      part: 'kafka',
      kind: 'single',
      prompt: `В топике ${partitions} партиций. В какую партицию попадёт запись с ключом ${key}?`,
      options: Array.from({ length: partitions }, (_, p) => ({ id: String(p), text: `P${p}` })),
      correct: [String(partition)],
      explanation: `Партиция = (murmur2(ключ) & 0x7fffffff) mod число партиций; для ${key} это P${partition}. Все записи с этим ключом идут туда же, пока число партиций не меняется, — поэтому порядок по ключу сохраняется.`,
      section: 31,
      source:
        'kafka-python: kafka/partitioner/default.py (DefaultPartitioner, murmur2); Java-клиент: BuiltInPartitioner.partitionForKey',
      widgetHint: `В виджете на слайде 31 поставьте ${partitions} партиций и отправьте ключ ${key}.`,
    },
    {
      id: 'kafka-idle',
      part: 'kafka',
      kind: 'single',
      prompt:
        "В группе 3 consumer'а, в топике 2 партиции. Сколько consumer'ов останутся без партиций?",
      options: ['0', '1', '2', '3'].map((n) => ({ id: n, text: n })),
      correct: [String(idle)],
      explanation: `Партиция в группе достаётся ровно одному участнику: ${idle} из 3 простаивает. Больше consumer'ов, чем партиций, — лишние ждут в резерве.`,
      section: 32,
      source:
        'Документация Apache Kafka, Design → The Consumer (consumer groups); kafka-python: kafka/coordinator/assignors/range.py',
      widgetHint:
        'В виджете на слайде 32 поставьте 2 партиции и нажимайте «+ consumer», пока их не станет три.',
    },
    {
      id: 'kafka-second-group',
      part: 'kafka',
      kind: 'single',
      prompt:
        'Группа analytics впервые подписалась на топик, где уже есть записи, с auto.offset.reset=earliest. Что она прочитает?',
      options: [
        { id: 'all', text: 'Все хранимые записи с начала журнала, независимо от других групп' },
        { id: 'rest', text: 'Только то, что не прочитала первая группа' },
        { id: 'new', text: 'Только новые записи' },
      ],
      correct: ['all'],
      explanation:
        'Чтение не удаляет записи, а offset у каждой группы свой; без сохранённого offset earliest начинает с самой старой записи, которая ещё хранится (не обязательно с offset 0: старые сегменты удаляет retention).',
      section: 29,
      source:
        'Документация Apache Kafka, Consumer Configs (auto.offset.reset), Design → The Consumer (Offset Tracking)',
      widgetHint: 'В виджете на слайдах 28–29 группа B читает тот же топик независимо.',
    },
  ];
}

function compareQuestions(): QuizQuestion[] {
  const brokers: readonly QuizOption[] = [
    { id: 'redis', text: 'Redis' },
    { id: 'rabbitmq', text: 'RabbitMQ' },
    { id: 'kafka', text: 'Kafka' },
  ];
  return [
    {
      id: 'compare-replay',
      part: 'compare',
      kind: 'single',
      prompt:
        'Аналитикам нужно заново перечитать все события за прошлую неделю. Какой брокер подходит?',
      options: brokers,
      correct: ['kafka'],
      explanation:
        'Kafka хранит журнал по retention и даёт перечитать его с любого хранимого offset; обычная очередь RabbitMQ удаляет сообщение после ack (перечитывать умеют только RabbitMQ Streams), Pub/Sub в Redis не хранит вовсе.',
      section: 36,
      source:
        'Документация Apache Kafka, Introduction и Topic Configs (retention.ms); документация RabbitMQ «Streams»; документация Redis «Redis Pub/Sub»',
    },
    {
      id: 'compare-routing',
      part: 'compare',
      kind: 'single',
      prompt:
        'Заказы нужно маршрутизировать по типу и региону, доставка гарантирована, важные — раньше. Что выбрать?',
      options: brokers,
      correct: ['rabbitmq'],
      explanation:
        'Гибкая маршрутизация (exchange и привязки), подтверждения и приоритеты — сильные стороны RabbitMQ.',
      section: 36,
      source:
        'Документация RabbitMQ «AMQP 0-9-1 Model Explained», «Consumer Acknowledgements and Publisher Confirms», «Priority Support in Queues»',
    },
  ];
}

function celeryQuestions(): QuizQuestion[] {
  const prng = seedPrng(1);
  const pauses = [0, 1, 2].map(
    (retries) => getExponentialBackoffInterval(1, retries, 600, false, prng)[0],
  );
  const third = pauses[2] ?? 0;
  return [
    {
      id: 'celery-backoff',
      part: 'celery',
      kind: 'single',
      prompt:
        'Задача с retry_backoff=True и retry_jitter=False падает трижды подряд. Какая пауза перед третьим повтором?',
      options: [1, 2, 4, 8].map((s) => ({ id: String(s), text: `${s} с` })),
      correct: [String(third)],
      explanation: `Celery считает паузу как min(retry_backoff_max, factor · 2ⁿ), где n — номер повтора с нуля: ${pauses.join(', ')} с. С jitter (а retry_jitter по умолчанию True) пауза — случайное целое от 0 до этого числа.`,
      section: 41,
      source:
        'Исходный код Celery: celery/utils/time.py (get_exponential_backoff_interval), celery/app/autoretry.py',
      widgetHint: 'Виджет на слайде 41 показывает повторы на шкале времени.',
    },
    {
      id: 'celery-early-ack',
      part: 'celery',
      kind: 'single',
      prompt:
        'acks_late=False (подтверждение до выполнения). Воркер упал посреди задачи. Что с задачей?',
      options: [
        { id: 'lost', text: 'Потеряна: брокер уже получил ack' },
        { id: 'again', text: 'Выполнится снова на другом воркере' },
      ],
      correct: ['lost'],
      explanation:
        'При раннем ack задача подтверждена перед запуском, брокер её уже удалил. acks_late=True возвращает её не всегда: на RabbitMQ — когда закроется канал упавшего воркера, на Redis — только через visibility_timeout (по умолчанию 1 час). А если убит лишь процесс пула, задача и с acks_late подтверждается и получает FAILURE (WorkerLostError), пока не включён task_reject_on_worker_lost. Повторное выполнение возможно — задачи должны быть идемпотентными.',
      section: 41,
      source:
        'Документация Celery: глоссарий (early/late acknowledgment), «Using Redis» (Visibility Timeout), «Configuration» (task_reject_on_worker_lost); celery/worker/request.py (Request.on_failure)',
      widgetHint: 'В виджете Celery сравните раннее и позднее подтверждение при падении воркера.',
    },
    {
      id: 'celery-state',
      part: 'celery',
      kind: 'single',
      prompt: 'В каком состоянии задача, пока ждёт следующей попытки после self.retry()?',
      options: ['PENDING', 'STARTED', 'RETRY', 'FAILURE'].map((s) => ({ id: s, text: s })),
      correct: ['RETRY'],
      explanation:
        'self.retry() переводит задачу в RETRY и ставит её снова с countdown; после max_retries — FAILURE.',
      section: 38,
      source: 'Документация Celery «Tasks» (Built-in States: RETRY; Retrying)',
    },
  ];
}

function patternQuestions(): QuizQuestion[] {
  return [
    {
      id: 'patterns-reply',
      part: 'patterns',
      kind: 'single',
      prompt:
        'Request-reply через RabbitMQ: ответы на два запроса пришли в обратном порядке. Как клиент понимает, какой ответ к какому запросу?',
      options: [
        { id: 'correlation', text: 'По correlation_id, который сервер копирует в ответ' },
        { id: 'order', text: 'По порядку прихода' },
        { id: 'reply-to', text: 'По имени очереди reply_to' },
      ],
      correct: ['correlation'],
      explanation:
        'reply_to говорит, куда отвечать, а correlation_id — на что; клиент сопоставляет по нему.',
      section: 40,
      source: 'RabbitMQ tutorial 6 «RPC» (Correlation Id)',
    },
    {
      id: 'patterns-es',
      part: 'patterns',
      kind: 'single',
      prompt: 'Event sourcing: как новому сервису получить текущее состояние?',
      options: [
        { id: 'replay', text: 'Перечитать журнал событий с начала' },
        { id: 'last', text: 'Прочитать только последнее событие' },
        { id: 'db', text: 'Никак, нужен доступ к чужой БД' },
      ],
      correct: ['replay'],
      explanation:
        'Состояние — это свёртка всех событий по порядку; журнал Kafka позволяет перечитать их с начала, если топик хранит события бессрочно (retention.ms=-1).',
      section: 40,
      source:
        'M. Fowler, «Event Sourcing» (martinfowler.com, 2005); документация Apache Kafka, Topic Configs (retention.ms)',
    },
    {
      id: 'patterns-idempotent',
      part: 'patterns',
      kind: 'single',
      prompt:
        'Доставка at least once принесла платёж дважды. Сколько раз спишет деньги идемпотентный consumer?',
      options: ['0', '1', '2'].map((n) => ({ id: n, text: n })),
      correct: ['1'],
      explanation:
        'Он помнит id обработанных сообщений и пропускает повтор; наивный спишет дважды.',
      section: 41,
      source: 'G. Hohpe, B. Woolf, «Enterprise Integration Patterns», Idempotent Receiver',
      widgetHint: "Виджет на слайде 41 показывает наивного и идемпотентного consumer'а рядом.",
    },
  ];
}

/** Every question, in lecture order. */
export function quizQuestions(): QuizQuestion[] {
  return [
    ...orderQuestions(),
    ...redisQuestions(),
    ...rabbitQuestions(),
    ...kafkaQuestions(),
    ...compareQuestions(),
    ...celeryQuestions(),
    ...patternQuestions(),
  ];
}

/** What a check says: right or not, and which options were right. */
export interface QuizVerdict {
  readonly right: boolean;
  readonly missing: readonly string[];
  readonly wrong: readonly string[];
}

/** Checks chosen option ids against a question: right only when the sets are equal. */
export function checkAnswer(question: QuizQuestion, chosen: readonly string[]): QuizVerdict {
  const picked = new Set(chosen);
  const missing = question.correct.filter((id) => !picked.has(id));
  const wrong = [...picked].filter((id) => !question.correct.includes(id));
  return { right: missing.length === 0 && wrong.length === 0, missing, wrong };
}
