/**
 * Request-reply (RPC) on the core's RabbitMQ model, as in RabbitMQ's tutorial 6: the client
 * declares an exclusive server-named reply queue and publishes fib(n) requests to rpc_queue with
 * reply_to and correlation_id; two servers (prefetch 1) each take one, reply to reply_to with the
 * same correlation_id and ack. The client matches each reply by its id — never by arrival order.
 */
import { initRabbit, type RabbitCommand, type RabbitState } from '../../broker/rabbitmq/index.ts';
import { deliveriesIn, runRabbit } from './rabbit-run.ts';

export const RPC_QUEUE = 'rpc_queue';
export const RPC_SERVERS = ['server-1', 'server-2'] as const;
/** Largest n a student may ask for (fib(40) still fits well within a double). */
export const MAX_FIB_N = 40;
/** Requests a student session may send before it asks for «Сначала». */
export const MAX_REQUESTS = 12;

/** What the client or a server does. */
export type RpcAction =
  | { readonly type: 'request'; readonly n: number }
  /** The server holding this request computes it and replies. */
  | { readonly type: 'answer'; readonly correlationId: string };

/** The script: two requests in flight, then the second (quick) one is answered first. */
export const RPC_SCRIPT: readonly (readonly RpcAction[])[] = [
  [{ type: 'request', n: 25 }],
  [{ type: 'request', n: 6 }],
  [{ type: 'answer', correlationId: 'c-2' }],
  [{ type: 'answer', correlationId: 'c-1' }],
];

/** fib(0) = 0, fib(1) = 1, …, iteratively. */
export function fib(n: number): number {
  let a = 0;
  let b = 1;
  for (let i = 0; i < n; i++) [a, b] = [b, a + b];
  return a;
}

/** Where a request is: waiting in rpc_queue, held by a server, or answered and matched. */
export type RequestStage = 'queued' | 'processing' | 'answered';

export interface RpcRequest {
  readonly correlationId: string;
  readonly n: number;
  readonly stage: RequestStage;
  /** The server that holds (or answered) it. */
  readonly server: string | undefined;
  /** The reply's body once the client matched it. */
  readonly reply: string | undefined;
  /** 1 for the first reply the client received, 2 for the next, … */
  readonly replyOrder: number | undefined;
}

export interface RpcView {
  /** The amq.gen-… name the broker gave the client's exclusive reply queue. */
  readonly replyQueue: string;
  readonly requests: readonly RpcRequest[];
  /** Requests ready in rpc_queue (not yet delivered to a server). */
  readonly queued: number;
  readonly last: RpcAction | undefined;
  /** A reply the client could not match (only if a server echoed an unknown id). */
  readonly unmatched: number;
}

function setup(): { state: RabbitState; replyQueue: string } {
  const commands: RabbitCommand[] = [
    { type: 'connection.open', connection: 'client' },
    { type: 'channel.open', connection: 'client', channel: 'client' },
    { type: 'queue.declare', channel: 'client', queue: RPC_QUEUE },
  ];
  for (const server of RPC_SERVERS) {
    commands.push(
      { type: 'connection.open', connection: server },
      { type: 'channel.open', connection: server, channel: server },
      { type: 'basic.qos', channel: server, prefetchCount: 1 },
      { type: 'basic.consume', channel: server, queue: RPC_QUEUE, consumerTag: server },
    );
  }
  commands.push({ type: 'queue.declare', channel: 'client', queue: '', exclusive: true });
  const declared = runRabbit(initRabbit(40), commands);
  const ok = declared.events.filter((e) => e.type === 'queue.declare-ok').pop();
  const replyQueue = ok?.type === 'queue.declare-ok' ? ok.queue : '';
  const consumed = runRabbit(declared.state, [
    {
      type: 'basic.consume',
      channel: 'client',
      queue: replyQueue,
      consumerTag: 'client',
      noAck: true,
    },
  ]);
  return { state: consumed.state, replyQueue };
}

/** The server program: what it publishes for the request it holds with `correlationId`. */
function answerCommands(state: RabbitState, correlationId: string): RabbitCommand[] {
  for (const server of RPC_SERVERS) {
    const held = state.channels[server]?.unacked.find(
      (u) => u.message.properties.correlationId === correlationId,
    );
    if (!held) continue;
    const n = Number(/^fib\((\d+)\)$/.exec(held.message.body)?.[1] ?? Number.NaN);
    const replyTo = held.message.properties.replyTo ?? '';
    return [
      {
        type: 'basic.publish',
        channel: server,
        exchange: '',
        routingKey: replyTo,
        body: Number.isInteger(n) ? String(fib(n)) : 'ошибка',
        properties: { correlationId },
      },
      { type: 'basic.ack', channel: server, deliveryTag: held.deliveryTag },
    ];
  }
  return [];
}

/** The state after `local` scripted steps and then the student's actions. */
export function rpcView(local: number, actions: readonly RpcAction[]): RpcView {
  const initial = setup();
  const replyQueue = initial.replyQueue;
  let state = initial.state;
  const groups = [...RPC_SCRIPT.slice(0, Math.max(0, local)), ...actions.map((a) => [a])];
  const requests = new Map<
    string,
    { n: number; server?: string; reply?: string; order?: number }
  >();
  let replies = 0;
  let unmatched = 0;
  let last: RpcAction | undefined;
  for (const group of groups) {
    for (const action of group) {
      last = action;
      let commands: RabbitCommand[];
      if (action.type === 'request') {
        const correlationId = `c-${requests.size + 1}`;
        requests.set(correlationId, { n: action.n });
        commands = [
          {
            type: 'basic.publish',
            channel: 'client',
            exchange: '',
            routingKey: RPC_QUEUE,
            body: `fib(${action.n})`,
            properties: { replyTo: replyQueue, correlationId },
          },
        ];
      } else commands = answerCommands(state, action.correlationId);
      const run = runRabbit(state, commands);
      state = run.state;
      for (const d of deliveriesIn(run.events)) {
        const id = d.properties.correlationId ?? '';
        const request = requests.get(id);
        if (d.queue === RPC_QUEUE) {
          if (request) request.server = d.consumerTag ?? undefined;
        } else if (request && request.reply === undefined) {
          replies++;
          request.reply = d.body;
          request.order = replies;
        } else unmatched++;
      }
    }
  }
  const list: RpcRequest[] = [...requests].map(([correlationId, r]) => ({
    correlationId,
    n: r.n,
    stage: r.reply !== undefined ? 'answered' : r.server ? 'processing' : 'queued',
    server: r.server,
    reply: r.reply,
    replyOrder: r.order,
  }));
  return {
    replyQueue,
    requests: list,
    queued: state.queues[RPC_QUEUE]?.messages.length ?? 0,
    last,
    unmatched,
  };
}
