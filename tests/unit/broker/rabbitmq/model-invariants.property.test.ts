import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  initRabbit,
  stepRabbit,
  type RabbitCommand,
  type RabbitEvent,
  type RabbitState,
} from '../../../../src/broker/rabbitmq/index.ts';
import { deepFreeze } from './helpers.ts';

/** An abstract action, turned into a concrete command against the current state. */
interface Action {
  readonly kind: number;
  readonly a: number;
  readonly b: number;
  readonly flag: boolean;
}

const SETUP: RabbitCommand[] = [
  // Short enough that runs see channels closed by consumer_timeout.
  { type: 'broker.configure', consumerTimeout: 25 },
  { type: 'exchange.declare', exchange: 't', kind: 'topic', durable: true },
  { type: 'exchange.declare', exchange: 'dlx', kind: 'fanout', durable: true },
  { type: 'queue.declare', queue: 'q1', durable: true, arguments: { 'x-max-priority': 3 } },
  {
    type: 'queue.declare',
    queue: 'q2',
    arguments: { 'x-dead-letter-exchange': 'dlx', 'x-message-ttl': 200, 'x-max-length': 2 },
  },
  {
    type: 'queue.declare',
    queue: 'q3',
    durable: true,
    arguments: { 'x-dead-letter-exchange': 'dlx' },
  },
  { type: 'queue.bind', queue: 'q1', exchange: 't', routingKey: 'order.*' },
  { type: 'queue.bind', queue: 'q1', exchange: 't', routingKey: '#' },
  { type: 'queue.bind', queue: 'q2', exchange: 't', routingKey: 'order.#' },
  { type: 'queue.bind', queue: 'q3', exchange: 'dlx' },
  {
    type: 'queue.declare',
    queue: 'q4',
    arguments: { 'x-max-length': 1, 'x-overflow': 'reject-publish' },
  },
  { type: 'queue.bind', queue: 'q4', exchange: 't', routingKey: 'order.*' },
];
const QUEUES = ['q1', 'q2', 'q3', 'missing'];
const KEYS = ['order.created', 'order', 'user.x', '', 'q1', 'q3'];
let tags = 0;

function toCommand(state: RabbitState, act: Action): RabbitCommand {
  const channels = Object.keys(state.channels);
  const channel = channels[act.a % Math.max(1, channels.length)];
  const connections = Object.keys(state.connections);
  // Most actions need a channel: open one (and a connection) first, as a client would.
  if (connections.length === 0) return { type: 'connection.open', connection: `k${tags++}` };
  if (!channel && act.kind % 10 !== 0) {
    return { type: 'channel.open', connection: connections[0] as string, channel: `ch${tags++}` };
  }
  // A restart takes the transient q2 away; a client declares it again.
  if (!state.queues['q2'] && act.kind % 10 === 9) return SETUP[4] as RabbitCommand;
  if (state.queues['q2'] && !state.bindings.some((b) => b.queue === 'q2') && act.kind % 10 === 9) {
    return SETUP[8] as RabbitCommand;
  }
  switch (act.kind % 10) {
    case 0:
    case 1:
      return {
        type: 'basic.publish',
        exchange: act.flag ? 't' : '',
        routingKey: KEYS[act.b % KEYS.length] as string,
        body: `m${act.a}`,
        mandatory: act.b % 3 === 0,
        properties: {
          priority: act.a % 5,
          deliveryMode: act.b % 2 ? 2 : 1,
          ...(act.a % 4 === 0 ? { expiration: String(act.b % 80) } : {}),
        },
      };
    case 2: {
      if (connections.length < 2)
        return { type: 'connection.open', connection: `k${act.a}.${act.b}.${tags++}` };
      return {
        type: 'channel.open',
        connection: connections[act.b % connections.length] as string,
        channel: `ch${tags++}`,
      };
    }
    case 3:
      if (!channel) return { type: 'connection.open', connection: `k${tags++}` };
      return {
        type: 'basic.consume',
        channel,
        queue: QUEUES[act.b % 3] as string,
        consumerTag: `t${tags++}`,
        noAck: act.a % 5 === 0,
      };
    case 4:
      return channel
        ? { type: 'basic.qos', channel, prefetchCount: act.b % 3 }
        : { type: 'advance', ms: 1 };
    case 5:
    case 6: {
      if (!channel) return { type: 'advance', ms: act.b % 30 };
      // Mostly a tag that is really outstanding; sometimes a stale or unknown one (a 406).
      const unacked = state.channels[channel]?.unacked ?? [];
      const tag =
        unacked.length > 0 && act.a % 6 !== 0
          ? (unacked[act.b % unacked.length]?.deliveryTag ?? 1)
          : 1 + (act.b % 6);
      const method = act.kind % 3;
      if (method === 0) return { type: 'basic.ack', channel, deliveryTag: tag, multiple: act.flag };
      if (method === 1)
        return {
          type: 'basic.nack',
          channel,
          deliveryTag: tag,
          multiple: act.flag,
          requeue: act.a % 2 === 0,
        };
      return { type: 'basic.reject', channel, deliveryTag: tag, requeue: act.flag };
    }
    case 7:
      return channel
        ? { type: 'basic.get', channel, queue: QUEUES[act.b % 4] as string, noAck: act.flag }
        : { type: 'advance', ms: 5 };
    case 8:
      if (act.b % 4 === 0) return { type: 'broker.restart' };
      if (act.flag && connections[0])
        return {
          type: 'consumer.crash',
          connection: connections[act.a % connections.length] as string,
        };
      return channel ? { type: 'channel.close', channel } : { type: 'advance', ms: 10 };
    default:
      return { type: 'advance', ms: act.b % 40 };
  }
}

const action = fc.record({
  kind: fc.nat(99),
  a: fc.nat(99),
  b: fc.nat(99),
  flag: fc.boolean(),
});

/** Where each copy is according to the state: exactly once, or the test fails. */
function placesInState(state: RabbitState): Map<number, string> {
  const where = new Map<number, string>();
  const put = (id: number, place: string): void => {
    expect(where.has(id), `message ${id} is both ${where.get(id)} and ${place}`).toBe(false);
    where.set(id, place);
  };
  for (const q of Object.values(state.queues))
    for (const m of q.messages) put(m.id, `in ${q.name}`);
  for (const c of Object.values(state.channels))
    for (const u of c.unacked) put(u.message.id, `unacked on ${c.id}`);
  return where;
}

/** The fate ledger from events: ids created, and ids that reached a final fate. */
class Ledger {
  readonly created = new Set<number>();
  readonly final = new Map<number, string>();
  readonly acked = new Set<number>();
  record(events: readonly RabbitEvent[]): void {
    const end = (id: number, why: string): void => {
      expect(this.final.has(id), `message ${id} ended twice (${this.final.get(id)}, ${why})`).toBe(
        false,
      );
      this.final.set(id, why);
    };
    for (const e of events) {
      if (e.type === 'basic.publish') {
        expect(new Set(e.queues).size).toBe(e.queues.length);
        e.messageIds.forEach((id) => this.created.add(id));
      } else if (e.type === 'dead-lettered') {
        end(e.messageId, `dead-lettered (${e.reason})`);
        e.newMessageIds.forEach((id) => this.created.add(id));
      } else if (e.type === 'dropped') end(e.messageId, `dropped (${e.reason})`);
      else if (e.type === 'basic.ack')
        e.messageIds.forEach((id) => (end(id, 'acked'), this.acked.add(id)));
      else if (e.type === 'basic.deliver' || e.type === 'basic.get-ok') {
        expect(this.acked.has(e.messageId), `acked message ${e.messageId} delivered again`).toBe(
          false,
        );
        if (e.autoAck) {
          end(e.messageId, 'auto-acked');
          this.acked.add(e.messageId);
        }
      }
    }
  }
}

function run(
  actions: readonly Action[],
  seed: number,
): { trace: RabbitEvent[][]; state: RabbitState } {
  let state = deepFreeze(initRabbit(seed));
  const ledger = new Ledger();
  const trace: RabbitEvent[][] = [];
  const commands = [
    ...SETUP.map((c) => () => c),
    ...actions.map((a) => (s: RabbitState) => toCommand(s, a)),
  ];
  for (const make of commands) {
    const command = deepFreeze(make(state));
    const result = stepRabbit(state, command);
    state = deepFreeze(result.state);
    trace.push([...result.events]);
    ledger.record(result.events);
    const where = placesInState(state);
    for (const id of ledger.created) {
      const final = ledger.final.get(id);
      expect(
        final === undefined ? where.has(id) : !where.has(id),
        `message ${id}: ${final ?? 'live'} / ${where.get(id) ?? 'nowhere'}`,
      ).toBe(true);
    }
    for (const id of where.keys()) expect(ledger.created.has(id)).toBe(true);
  }
  expect(JSON.parse(JSON.stringify(state))).toEqual(state);
  return { trace, state };
}

describe('RabbitMQ model invariants', () => {
  it('nothing is lost or duplicated (consumer timeouts and full reject-publish queues too); an acked message is never delivered again; one copy per queue', () => {
    const seen = new Map<string, number>();
    fc.assert(
      fc.property(
        fc.array(action, { minLength: 20, maxLength: 120 }),
        fc.nat(),
        (actions, seed) => {
          tags = 0;
          for (const events of run(actions, seed).trace) {
            for (const e of events) {
              const key =
                e.type === 'dropped' || e.type === 'dead-lettered'
                  ? `${e.type}:${e.reason}`
                  : e.type === 'channel.close' && e.replyText.includes('timed out')
                    ? 'channel.close:consumer_timeout'
                    : e.type;
              seen.set(key, (seen.get(key) ?? 0) + 1);
            }
          }
        },
      ),
      { numRuns: 300 },
    );
    // Guard against a vacuous property: the runs really exercised every fate.
    for (const kind of [
      'basic.deliver',
      'basic.get-ok',
      'basic.ack',
      'basic.nack',
      'basic.reject',
      'requeued',
      'basic.return',
      'dead-lettered:rejected',
      'dead-lettered:expired',
      'dead-lettered:maxlen',
      'dropped:reject-publish',
      'dropped:transient-lost-on-restart',
      'broker.restart',
      'channel.close',
      'channel.close:consumer_timeout',
    ]) {
      expect(seen.get(kind) ?? 0, kind).toBeGreaterThan(0);
    }
  });

  it('is deterministic: the same seed and commands give the same trace and state', () => {
    fc.assert(
      fc.property(fc.array(action, { maxLength: 60 }), fc.nat(), (actions, seed) => {
        tags = 0;
        const first = run(actions, seed);
        tags = 0;
        const second = run(actions, seed);
        expect(second).toEqual(first);
      }),
      { numRuns: 60 },
    );
  });

  it('keeps publish order for a single consumer that never requeues', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constant('publish'), fc.constant('ack'), fc.constant('tick')), {
          maxLength: 60,
        }),
        fc.integer({ min: 0, max: 4 }),
        (ops, prefetch) => {
          let state = initRabbit(1);
          const step = (c: RabbitCommand): RabbitEvent[] => {
            const r = stepRabbit(state, c);
            state = r.state;
            return [...r.events];
          };
          step({ type: 'connection.open', connection: 'k' });
          step({ type: 'channel.open', connection: 'k', channel: 'c' });
          step({ type: 'queue.declare', queue: 'q' });
          step({ type: 'basic.qos', channel: 'c', prefetchCount: prefetch });
          step({ type: 'basic.consume', channel: 'c', queue: 'q', consumerTag: 'only' });
          const delivered: number[] = [];
          let published = 0;
          let acked = 0;
          for (const op of ops) {
            const events =
              op === 'publish'
                ? step({
                    type: 'basic.publish',
                    exchange: '',
                    routingKey: 'q',
                    body: String(published++),
                  })
                : op === 'ack' && acked < delivered.length
                  ? step({ type: 'basic.ack', channel: 'c', deliveryTag: ++acked })
                  : step({ type: 'advance', ms: 1 });
            for (const e of events) if (e.type === 'basic.deliver') delivered.push(Number(e.body));
          }
          expect(delivered).toEqual(delivered.map((_, i) => i));
        },
      ),
      { numRuns: 200 },
    );
  });
});
