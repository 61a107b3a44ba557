/**
 * The scripted stories of the exchange-routing widget (architecture, guided, topic: the slide
 * names one with `story=`), as plain RabbitMQ commands for the core's model: a setup (step 0) and
 * exactly {@link EXCHANGE_ROUTING_STEPS} clicker steps each, so the catalogue's one step count fits.
 */
import type { ExchangeKind, RabbitCommand } from '../../broker/rabbitmq/index.ts';
import { WIDGETS, type StoryOf } from '../../lecture/names.ts';

/** The stories' names (first = default), from the catalogue. */
export type RoutingStory = StoryOf<'exchange-routing'>;

/** Clicker steps of every scenario (the catalogue entry must say the same). */
export const EXCHANGE_ROUTING_STEPS = WIDGETS['exchange-routing'].steps;

/** The guided story walks one message through the broker: these phases split one publish into steps. */
export type GuidedPhase = 'at-exchange' | 'matching' | 'queued';

/** One clicker step: commands for the model plus what the diagram focuses on. */
export interface ScriptedStep {
  readonly commands: readonly RabbitCommand[];
  /** Which of the scenario's exchanges the diagram shows after this step. */
  readonly kind: ExchangeKind;
  /** Only in guided mode: how far the step's publish has travelled. */
  readonly phase?: GuidedPhase;
}

/** A queue and the consumer drawn beside it. */
export interface ScenarioQueue {
  readonly name: string;
  readonly consumer: string;
}

/** A whole story: one exchange per type (the type select switches between them). */
export interface RoutingScenario {
  readonly story: RoutingStory;
  readonly seed: number;
  readonly exchanges: Readonly<Record<ExchangeKind, string>>;
  readonly queues: readonly ScenarioQueue[];
  readonly setup: readonly RabbitCommand[];
  readonly initialKind: ExchangeKind;
  readonly steps: readonly ScriptedStep[];
}

/** The order of exchange types, as in the select and on slide 17. */
export const EXCHANGE_KINDS: readonly ExchangeKind[] = ['direct', 'fanout', 'topic', 'headers'];

type BindSpec = readonly [queue: string, routingKey: string, args?: Record<string, unknown>];

/** One exchange of each type, `prefix.type` (the topic one may have its own name). */
function exchangesNamed(prefix: string, topic = `${prefix}.topic`): Record<ExchangeKind, string> {
  return {
    direct: `${prefix}.direct`,
    fanout: `${prefix}.fanout`,
    topic,
    headers: `${prefix}.headers`,
  };
}

/** Queues from `[name, consumer]` pairs. */
function queuesOf(...pairs: readonly (readonly [string, string])[]): ScenarioQueue[] {
  return pairs.map(([name, consumer]) => ({ name, consumer }));
}

/**
 * Declares the exchanges and queues and binds them: the fanout exchange binds every queue (with
 * an empty key), the other types as `bindings` say.
 */
function topology(
  exchanges: Readonly<Record<ExchangeKind, string>>,
  queues: readonly ScenarioQueue[],
  bindings: Readonly<Record<Exclude<ExchangeKind, 'fanout'>, readonly BindSpec[]>>,
): RabbitCommand[] {
  const out: RabbitCommand[] = [];
  for (const kind of EXCHANGE_KINDS) {
    out.push({ type: 'exchange.declare', exchange: exchanges[kind], kind });
  }
  for (const q of queues) out.push({ type: 'queue.declare', queue: q.name });
  const all = { ...bindings, fanout: queues.map((q): BindSpec => [q.name, '']) };
  for (const kind of EXCHANGE_KINDS) {
    for (const [queue, routingKey, args] of all[kind]) {
      out.push({
        type: 'queue.bind',
        queue,
        exchange: exchanges[kind],
        routingKey,
        ...(args ? { arguments: args } : {}),
      });
    }
  }
  return out;
}

function publish(
  exchange: string,
  routingKey: string,
  extra: { mandatory?: boolean; headers?: Record<string, string> } = {},
): RabbitCommand {
  return {
    type: 'basic.publish',
    exchange,
    routingKey,
    body: routingKey,
    mandatory: extra.mandatory ?? false,
    ...(extra.headers ? { properties: { headers: extra.headers } } : {}),
  };
}

const ORDERS = exchangesNamed('orders');
const ORDER_QUEUES = queuesOf(
  ['billing', 'оплата'],
  ['notifications', 'рассылка'],
  ['audit', 'аудит'],
);

/** Architecture (slide 17): the four types in turn, one publish each, then an unroutable one. */
export const ARCHITECTURE_SCENARIO: RoutingScenario = {
  story: 'architecture',
  seed: 17,
  exchanges: ORDERS,
  queues: ORDER_QUEUES,
  setup: topology(ORDERS, ORDER_QUEUES, {
    direct: [
      ['billing', 'order.paid'],
      ['notifications', 'order.created'],
      ['audit', 'order.paid'],
    ],
    topic: [
      ['billing', 'order.*.paid'],
      ['notifications', 'order.*.created'],
      // Two bindings of one queue that both match: the queue still gets a single copy.
      ['audit', 'order.#'],
      ['audit', 'order.eu.*'],
    ],
    headers: [
      ['billing', '', { 'x-match': 'all', status: 'paid', region: 'eu' }],
      ['notifications', '', { 'x-match': 'any', status: 'created', channel: 'email' }],
      ['audit', '', { 'x-match': 'any', region: 'eu', status: 'refunded' }],
    ],
  }),
  initialKind: 'direct',
  steps: [
    { kind: 'direct', commands: [publish(ORDERS.direct, 'order.paid')] },
    { kind: 'fanout', commands: [publish(ORDERS.fanout, 'order.eu.paid')] },
    { kind: 'topic', commands: [publish(ORDERS.topic, 'order.eu.paid')] },
    {
      kind: 'headers',
      commands: [publish(ORDERS.headers, '', { headers: { status: 'paid', region: 'eu' } })],
    },
    {
      kind: 'direct',
      commands: [publish(ORDERS.direct, 'order.refunded', { mandatory: true })],
    },
  ],
};

const GUIDED = exchangesNamed('orders', 'orders');
const GUIDED_QUEUES = queuesOf(
  ['emails', 'email-сервис'],
  ['payments', 'оплата'],
  ['audit-eu', 'аудит'],
);

/** Guided (slide 18): one message — producer → exchange → binding → queue → consumer → ack. */
export const GUIDED_SCENARIO: RoutingScenario = {
  story: 'guided',
  seed: 18,
  exchanges: GUIDED,
  queues: GUIDED_QUEUES,
  setup: [
    ...topology(GUIDED, GUIDED_QUEUES, {
      direct: [
        ['emails', 'order.created'],
        ['payments', 'payment.done'],
        ['audit-eu', 'order.created.eu'],
      ],
      topic: [
        ['emails', 'order.*'],
        ['payments', 'payment.*'],
        ['audit-eu', 'order.*.eu'],
      ],
      headers: [
        ['emails', '', { 'x-match': 'all', event: 'created' }],
        ['payments', '', { 'x-match': 'all', event: 'paid' }],
        ['audit-eu', '', { 'x-match': 'all', region: 'eu' }],
      ],
    }),
    { type: 'connection.open', connection: 'email-service' },
    { type: 'channel.open', connection: 'email-service', channel: 'emails-ch' },
  ],
  initialKind: 'topic',
  steps: [
    { kind: 'topic', phase: 'at-exchange', commands: [publish(GUIDED.topic, 'order.created')] },
    { kind: 'topic', phase: 'matching', commands: [] },
    { kind: 'topic', phase: 'queued', commands: [] },
    {
      kind: 'topic',
      commands: [
        { type: 'basic.consume', channel: 'emails-ch', queue: 'emails', consumerTag: 'email-1' },
      ],
    },
    { kind: 'topic', commands: [{ type: 'basic.ack', channel: 'emails-ch', deliveryTag: 1 }] },
  ],
};

const LOGS = exchangesNamed('logs', 'logs');
const LOG_QUEUES = queuesOf(['errors', 'Consumer 1'], ['payments', 'Consumer 2']);

/** Topic (slide 26): the lecture's example on exchange 'logs', then `*` vs `#`, an unroutable key. */
export const TOPIC_SCENARIO: RoutingScenario = {
  story: 'topic',
  seed: 26,
  exchanges: LOGS,
  queues: [...LOG_QUEUES, ...queuesOf(['all-logs', 'Consumer 3'])],
  setup: topology(LOGS, LOG_QUEUES, {
    direct: [
      ['errors', 'error.payment'],
      ['payments', 'info.payment'],
    ],
    topic: [
      ['errors', 'error.*'],
      ['payments', '*.payment'],
    ],
    headers: [
      ['errors', '', { 'x-match': 'all', level: 'error' }],
      ['payments', '', { 'x-match': 'any', service: 'payment' }],
    ],
  }),
  initialKind: 'topic',
  steps: [
    { kind: 'topic', commands: [publish(LOGS.topic, 'error.payment')] },
    { kind: 'topic', commands: [publish(LOGS.topic, 'info.payment')] },
    { kind: 'topic', commands: [publish(LOGS.topic, 'error.db')] },
    // `*` is exactly one word: three words match neither pattern. topic_publish.py publishes
    // without mandatory, so the exchange drops it silently (slide 17 shows mandatory's return).
    { kind: 'topic', commands: [publish(LOGS.topic, 'error.payment.eu')] },
    {
      kind: 'topic',
      commands: [
        { type: 'queue.declare', queue: 'all-logs' },
        { type: 'queue.bind', queue: 'all-logs', exchange: LOGS.topic, routingKey: '#' },
        publish(LOGS.topic, 'error.payment.eu'),
      ],
    },
  ],
};

/** Every story by name. */
export const ROUTING_STORIES: Readonly<Record<RoutingStory, RoutingScenario>> = {
  architecture: ARCHITECTURE_SCENARIO,
  guided: GUIDED_SCENARIO,
  topic: TOPIC_SCENARIO,
};
