/**
 * Request-reply (RPC) on the core's RabbitMQ model, as in RabbitMQ's tutorial 6: the client
 * declares an exclusive server-named reply queue and publishes fib(n) requests to rpc_queue with
 * reply_to and correlation_id; two servers (prefetch 1) each take one, reply to reply_to with the
 * same correlation_id and ack. The client matches each reply by its id — never by arrival order.
 */
import { initRabbit, type RabbitCommand, type RabbitState } from '../../broker/rabbitmq/index.ts';
import { deliveriesIn, runRabbit } from './rabbit-run.ts';
import { RPC_SCRIPT, type RpcAction } from './story.ts';

export const RPC_QUEUE = 'rpc_queue';
export const RPC_SERVERS = ['server-1', 'server-2'] as const;
/** Largest n a student may ask for (fib(40) still fits well within a double). */
export const MAX_FIB_N = 40;
/** Requests on the client's table at most: past this, «Сначала». */
export const MAX_REQUESTS = 12;

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

/** The request-reply part of the widget's model (never mutated). */
export interface RpcModel {
  readonly state: RabbitState;
  readonly replyQueue: string;
  readonly requests: readonly RpcRequest[];
  readonly replies: number;
  readonly unmatched: number;
  readonly last: RpcAction | undefined;
}

/** The client's reply queue and two servers consuming rpc_queue, before any request. */
export function rpcInit(): RpcModel {
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
  return {
    state: consumed.state,
    replyQueue,
    requests: [],
    replies: 0,
    unmatched: 0,
    last: undefined,
  };
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

/** True when a server holds the request `correlationId` (so it can answer it). */
export function heldByServer(model: RpcModel, correlationId: string): boolean {
  return answerCommands(model.state, correlationId).length > 0;
}

/** One action of the client or a server; an answer nobody holds changes nothing. */
export function rpcApply(model: RpcModel, action: RpcAction): RpcModel {
  let requests = [...model.requests];
  let commands: RabbitCommand[];
  if (action.type === 'request') {
    const correlationId = `c-${requests.length + 1}`;
    requests.push({
      correlationId,
      n: action.n,
      stage: 'queued',
      server: undefined,
      reply: undefined,
      replyOrder: undefined,
    });
    commands = [
      {
        type: 'basic.publish',
        channel: 'client',
        exchange: '',
        routingKey: RPC_QUEUE,
        body: `fib(${action.n})`,
        properties: { replyTo: model.replyQueue, correlationId },
      },
    ];
  } else commands = answerCommands(model.state, action.correlationId);
  const run = runRabbit(model.state, commands);
  let { replies, unmatched } = model;
  for (const d of deliveriesIn(run.events)) {
    const id = d.properties.correlationId ?? '';
    const index = requests.findIndex((r) => r.correlationId === id);
    const request = requests[index];
    if (d.queue === RPC_QUEUE) {
      if (request) {
        requests = requests.with(index, {
          ...request,
          stage: 'processing',
          server: d.consumerTag ?? undefined,
        });
      }
    } else if (request && request.reply === undefined) {
      replies++;
      requests = requests.with(index, {
        ...request,
        stage: 'answered',
        reply: d.body,
        replyOrder: replies,
      });
    } else unmatched++;
  }
  return { ...model, state: run.state, requests, replies, unmatched, last: action };
}

/** Plays scripted step `local` (1-based) of the request-reply story. */
export function rpcPlay(model: RpcModel, local: number): RpcModel {
  return (RPC_SCRIPT[local - 1] ?? []).reduce(rpcApply, model);
}

/** What the RPC picture shows. */
export function rpcViewOf(model: RpcModel): RpcView {
  return {
    replyQueue: model.replyQueue,
    requests: model.requests,
    queued: model.state.queues[RPC_QUEUE]?.messages.length ?? 0,
    last: model.last,
    unmatched: model.unmatched,
  };
}

/** The view after `local` scripted steps and then the student's actions, from scratch. */
export function rpcView(local: number, actions: readonly RpcAction[]): RpcView {
  let model = rpcInit();
  for (let i = 1; i <= local; i++) model = rpcPlay(model, i);
  return rpcViewOf(actions.reduce(rpcApply, model));
}
