/**
 * The simulated RabbitMQ as a `Model`: `init(seed)` is a fresh node with the standard amq.*
 * exchanges, `step(state, command)` applies one AMQP method or broker action and returns the next
 * state and events without touching its input.
 */
import { createClock } from '../core/clock.ts';
import { seedPrng } from '../core/prng.ts';
import type { Model, StepResult } from '../core/replay.ts';
import type { RabbitCommand } from './commands.ts';
import { cancel, consume, get, qos } from './consume.ts';
import { clonePlain, type Ctx, type Draft } from './draft.ts';
import { dispatchAll, settle } from './dispatch.ts';
import type { RabbitEvent } from './events.ts';
import {
  advance,
  configure,
  openChannel,
  openConnection,
  restart,
  shutChannel,
  shutConnection,
} from './lifecycle.ts';
import { publish } from './publish.ts';
import {
  bindQueue,
  declareExchange,
  declareQueue,
  deleteExchange,
  deleteQueueCommand,
  purgeQueue,
} from './topology.ts';
import type { Exchange, RabbitState } from './types.ts';

const STANDARD_EXCHANGES: readonly Exchange[] = [
  { name: 'amq.direct', kind: 'direct', durable: true, autoDelete: false },
  { name: 'amq.fanout', kind: 'fanout', durable: true, autoDelete: false },
  { name: 'amq.headers', kind: 'headers', durable: true, autoDelete: false },
  { name: 'amq.match', kind: 'headers', durable: true, autoDelete: false },
  { name: 'amq.topic', kind: 'topic', durable: true, autoDelete: false },
];

/** RabbitMQ's default consumer_timeout since 3.8.15: 30 minutes. */
export const DEFAULT_CONSUMER_TIMEOUT = 30 * 60 * 1000;

/** A freshly started node: no queues, the amq.* exchanges (the default exchange '' is implicit). */
export function initRabbit(seed: number): RabbitState {
  return {
    clock: createClock(),
    prng: seedPrng(seed),
    exchanges: Object.fromEntries(STANDARD_EXCHANGES.map((x) => [x.name, x])),
    queueOrder: [],
    queues: {},
    bindings: [],
    connections: {},
    channels: {},
    consumers: {},
    nextPublishId: 1,
    nextMessageId: 1,
    consumerTimeout: DEFAULT_CONSUMER_TIMEOUT,
  };
}

function apply(ctx: Ctx, cmd: RabbitCommand): void {
  switch (cmd.type) {
    case 'connection.open':
      return openConnection(ctx, cmd.connection);
    case 'connection.close':
      return shutConnection(ctx, cmd.connection, false);
    case 'consumer.crash':
      return shutConnection(ctx, cmd.connection, true);
    case 'channel.open':
      return openChannel(ctx, cmd.connection, cmd.channel);
    case 'channel.close':
      return shutChannel(ctx, cmd.channel);
    case 'exchange.declare':
      return declareExchange(ctx, cmd);
    case 'exchange.delete':
      return deleteExchange(ctx, cmd);
    case 'queue.declare':
      return declareQueue(ctx, cmd);
    case 'queue.bind':
    case 'queue.unbind':
      return bindQueue(ctx, cmd);
    case 'queue.purge':
      return purgeQueue(ctx, cmd);
    case 'queue.delete':
      return deleteQueueCommand(ctx, cmd);
    case 'basic.publish':
      return publish(ctx, cmd);
    case 'basic.qos':
      return qos(ctx, cmd);
    case 'basic.consume':
      return consume(ctx, cmd);
    case 'basic.cancel':
      return cancel(ctx, cmd);
    case 'basic.get':
      return get(ctx, cmd);
    case 'basic.ack':
      return settle(ctx, cmd.channel, cmd.type, cmd.deliveryTag, cmd.multiple ?? false, false);
    case 'basic.nack':
      return settle(
        ctx,
        cmd.channel,
        cmd.type,
        cmd.deliveryTag,
        cmd.multiple ?? false,
        cmd.requeue ?? true,
      );
    case 'basic.reject':
      return settle(ctx, cmd.channel, cmd.type, cmd.deliveryTag, false, cmd.requeue ?? true);
    case 'advance':
      return advance(ctx, cmd.ms);
    case 'broker.restart':
      return restart(ctx);
    case 'broker.configure':
      return configure(ctx, cmd.consumerTimeout);
  }
}

/** Applies one command; never mutates `state`. Deliveries the command makes possible happen in the same step. */
export function stepRabbit(
  state: RabbitState,
  command: RabbitCommand,
): StepResult<RabbitState, RabbitEvent> {
  const ctx: Ctx = { s: clonePlain(state) as Draft<RabbitState>, events: [], fresh: new Set() };
  apply(ctx, command);
  dispatchAll(ctx);
  return { state: ctx.s, events: ctx.events };
}

/** The RabbitMQ model for `stateAt` / `replayAll`. */
export const rabbitModel: Model<RabbitState, RabbitCommand, RabbitEvent> = {
  init: initRabbit,
  step: stepRabbit,
};
