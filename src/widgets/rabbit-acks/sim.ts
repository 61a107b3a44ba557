/**
 * Worker processes on top of the core's RabbitMQ model, as pure data: each worker is a pika-style
 * consumer that handles its deliveries one at a time, taking `msPerTask` of virtual time each, and
 * then acks — or, for a faulty task, nacks/rejects as examples/rabbitmq/consumer.py does. The broker
 * alone decides who gets what, when, and with which `redelivered` flag; this file only sends the
 * commands a client would send and reports the broker's events as {@link Happening}s.
 */
import {
  initRabbit,
  stepRabbit,
  type RabbitCommand,
  type RabbitEvent,
  type RabbitState,
} from '../../broker/rabbitmq/index.ts';
import type {
  AcksAction,
  AcksSim,
  Happening,
  SceneSpec,
  SettleCause,
  Settlement,
  WorkerRun,
} from './sim-types.ts';

export type * from './sim-types.ts';

/** The exchange the dead-letter queue hangs off (fanout: the routing key does not matter). */
export const DEAD_LETTER_EXCHANGE = 'dlx';

/** At most this many tasks and this much virtual time per run: the picture stays legible. */
export const MAX_TASKS = 40;
export const MAX_RUN_MS = 60_000;

const connectionOf = (w: WorkerRun): string => `${w.spec.id}-conn${w.generation}`;
const channelOf = (w: WorkerRun): string => `${w.spec.id}-ch${w.generation}`;

interface Draft {
  readonly scene: SceneSpec;
  rabbit: RabbitState;
  workers: WorkerRun[];
  prefetch: number;
  published: number;
  nextTag: number;
  taskOf: Record<number, number>;
  dropped: number[];
  lastSettleAt: number | null;
  log: Happening[];
}

function workerByChannel(d: Draft, channel: string): WorkerRun | undefined {
  return d.workers.find((w) => w.up && channelOf(w) === channel);
}

/** The deliveries a worker holds (unacked on its channel), oldest first. */
export function heldBy(rabbit: RabbitState, worker: WorkerRun) {
  if (!worker.up) return [];
  return rabbit.channels[channelOf(worker)]?.unacked ?? [];
}

function drop(d: Draft, task: number): void {
  d.dropped.push(task);
  d.log.push({ type: 'dropped', task });
}

function record(d: Draft, e: RabbitEvent): void {
  switch (e.type) {
    case 'basic.publish':
      e.messageIds.forEach((id) => (d.taskOf[id] = e.publishId));
      d.log.push({ type: 'published', task: e.publishId });
      return;
    case 'basic.deliver': {
      const w = workerByChannel(d, e.channel);
      if (w) {
        d.log.push({
          type: 'deliver',
          worker: w.spec.id,
          task: e.publishId,
          redelivered: e.redelivered,
        });
      }
      return;
    }
    case 'requeued':
      d.log.push({ type: 'requeued', task: d.taskOf[e.messageId] ?? 0 });
      return;
    case 'dead-lettered':
      e.newMessageIds.forEach((id) => (d.taskOf[id] = d.taskOf[e.messageId] ?? 0));
      if (e.queues.length === 0) drop(d, d.taskOf[e.messageId] ?? 0);
      for (const queue of e.queues)
        d.log.push({ type: 'dead-lettered', task: d.taskOf[e.messageId] ?? 0, queue });
      return;
    case 'dropped':
      drop(d, d.taskOf[e.messageId] ?? 0);
      return;
    case 'channel.close':
      // The sim only sends valid commands; a channel error would be a bug here, not a lesson.
      throw new Error(`RabbitMQ closed a channel: ${e.replyText}`);
    default:
      return;
  }
}

/** Sends one command to the broker, logs its events and restarts the clock of workers whose oldest delivery changed. */
function send(d: Draft, command: RabbitCommand): void {
  const result = stepRabbit(d.rabbit, command);
  d.rabbit = result.state;
  for (const e of result.events) record(d, e);
  const now = d.rabbit.clock.now;
  d.workers = d.workers.map((w) => {
    const head = heldBy(d.rabbit, w)[0]?.deliveryTag ?? null;
    if (head === w.headTag) return w;
    return { ...w, headTag: head, startedAt: head === null ? null : now };
  });
}

function subscribe(d: Draft, w: WorkerRun): void {
  send(d, { type: 'basic.qos', channel: channelOf(w), prefetchCount: d.prefetch });
  send(d, {
    type: 'basic.consume',
    channel: channelOf(w),
    queue: d.scene.queue,
    consumerTag: `${w.spec.id}-tag${d.nextTag++}`,
  });
}

function start(d: Draft, id: string): void {
  const i = d.workers.findIndex((w) => w.spec.id === id);
  const old = d.workers[i];
  if (!old) throw new RangeError(`no worker '${id}'`);
  const w: WorkerRun = { ...old, up: true, generation: old.generation + 1, headTag: null };
  d.workers[i] = w;
  send(d, { type: 'connection.open', connection: connectionOf(w) });
  send(d, { type: 'channel.open', connection: connectionOf(w), channel: channelOf(w) });
  subscribe(d, w);
}

function settle(d: Draft, w: WorkerRun, how: Settlement, requeue: boolean, cause: SettleCause) {
  const head = heldBy(d.rabbit, w)[0];
  if (!head) return false;
  const task = d.taskOf[head.message.id] ?? 0;
  d.log.push({ type: how, worker: w.spec.id, task, requeue: how !== 'ack' && requeue, cause });
  const channel = channelOf(w);
  d.lastSettleAt = d.rabbit.clock.now;
  if (how === 'ack') send(d, { type: 'basic.ack', channel, deliveryTag: head.deliveryTag });
  else send(d, { type: `basic.${how}`, channel, deliveryTag: head.deliveryTag, requeue });
  if (how === 'ack') {
    d.workers = d.workers.map((x) =>
      x.spec.id === w.spec.id
        ? { ...x, acked: [...x.acked, { task, redelivered: head.message.redelivered }] }
        : x,
    );
  }
  return true;
}

/** The worker's own decision once it has spent msPerTask on its oldest delivery. */
function finishHead(d: Draft, w: WorkerRun): void {
  const head = heldBy(d.rabbit, w)[0];
  if (!head) return;
  const fault = d.scene.faults[d.taskOf[head.message.id] ?? 0];
  if (fault === 'error') settle(d, w, 'nack', !head.message.redelivered, 'error');
  else if (fault === 'invalid') settle(d, w, 'reject', false, 'invalid');
  else settle(d, w, 'ack', false, 'done');
}

function run(d: Draft, ms: number): void {
  const until = d.rabbit.clock.now + ms;
  // Each round settles one delivery; the cap only guards against a bug, not a real story.
  for (let round = 0; round < 10_000; round++) {
    let next: { w: WorkerRun; at: number } | undefined;
    for (const w of d.workers) {
      if (!w.up || w.startedAt === null) continue;
      const at = w.startedAt + w.spec.msPerTask;
      if (at <= until && (!next || at < next.at)) next = { w, at };
    }
    if (!next) break;
    const wait = next.at - d.rabbit.clock.now;
    if (wait > 0) send(d, { type: 'advance', ms: wait });
    const current = d.workers.find((w) => w.spec.id === next.w.spec.id) as WorkerRun;
    finishHead(d, current);
  }
  const rest = until - d.rabbit.clock.now;
  if (rest > 0) send(d, { type: 'advance', ms: rest });
}

function apply(d: Draft, action: AcksAction): void {
  const { scene } = d;
  const worker = (id: string): WorkerRun => {
    const w = d.workers.find((x) => x.spec.id === id);
    if (!w) throw new RangeError(`no worker '${id}'`);
    return w;
  };
  switch (action.type) {
    case 'publish':
      if (d.published + action.count > MAX_TASKS) {
        throw new RangeError(`Не больше ${MAX_TASKS} задач в одной сцене.`);
      }
      for (let i = 0; i < action.count; i++) {
        d.published++;
        send(d, {
          type: 'basic.publish',
          exchange: '',
          routingKey: scene.queue,
          body: `task ${d.published}`,
          properties: { deliveryMode: 2 },
        });
      }
      return;
    case 'run':
      if (!(action.ms > 0) || action.ms > MAX_RUN_MS) throw new RangeError('run: 0 < ms ≤ 60 000');
      d.log.push({ type: 'idle', ms: action.ms });
      return run(d, action.ms);
    case 'qos':
      // Per-consumer prefetch is fixed at basic.consume: a worker re-subscribes to change it.
      d.prefetch = action.prefetch;
      d.log.push({ type: 'qos', prefetch: action.prefetch });
      for (const w of d.workers.filter((x) => x.up)) {
        const channel = channelOf(w);
        for (const tag of d.rabbit.channels[channel]?.consumers ?? []) {
          send(d, { type: 'basic.cancel', channel, consumerTag: tag });
        }
        subscribe(d, w);
      }
      return;
    case 'crash': {
      const w = worker(action.worker);
      if (!w.up) return;
      const held = heldBy(d.rabbit, w).map((u) => d.taskOf[u.message.id] ?? 0);
      d.log.push({ type: 'crash', worker: w.spec.id, held });
      const i = d.workers.indexOf(w);
      d.workers[i] = { ...w, up: false, startedAt: null, headTag: null };
      // The process dies: its connection drops and the broker requeues what it held.
      send(d, { type: 'consumer.crash', connection: connectionOf(w) });
      return;
    }
    case 'revive':
      if (worker(action.worker).up) return;
      d.log.push({ type: 'revive', worker: action.worker });
      return start(d, action.worker);
    case 'settle':
      settle(d, worker(action.worker), action.how, action.requeue, 'student');
      return;
  }
}

/** The scene's broker and workers before any action: queues declared, every worker subscribed. */
export function initSim(scene: SceneSpec): AcksSim {
  const d: Draft = {
    scene,
    rabbit: initRabbit(scene.seed),
    workers: scene.workers.map((spec) => ({
      spec,
      up: false,
      generation: 0,
      startedAt: null,
      headTag: null,
      acked: [],
    })),
    prefetch: scene.prefetch,
    published: 0,
    nextTag: 1,
    taskOf: {},
    dropped: [],
    lastSettleAt: null,
    log: [],
  };
  if (scene.deadLetterQueue === null) {
    // consumer.py: channel.queue_declare(queue=QUEUE, durable=True) — no dead-letter exchange.
    send(d, { type: 'queue.declare', queue: scene.queue, durable: true });
  } else {
    send(d, { type: 'exchange.declare', exchange: DEAD_LETTER_EXCHANGE, kind: 'fanout' });
    send(d, { type: 'queue.declare', queue: scene.deadLetterQueue, durable: true });
    send(d, { type: 'queue.bind', queue: scene.deadLetterQueue, exchange: DEAD_LETTER_EXCHANGE });
    send(d, {
      type: 'queue.declare',
      queue: scene.queue,
      durable: true,
      arguments: { 'x-dead-letter-exchange': DEAD_LETTER_EXCHANGE },
    });
  }
  for (const w of scene.workers) start(d, w.id);
  return { ...d, log: [] };
}

/** The simulation after one more action; throws a RangeError (Russian text) on a refused one. */
export function stepSim(sim: AcksSim, action: AcksAction): AcksSim {
  const d: Draft = {
    scene: sim.scene,
    rabbit: sim.rabbit,
    workers: [...sim.workers],
    prefetch: sim.prefetch,
    published: sim.published,
    nextTag: sim.nextTag,
    taskOf: { ...sim.taskOf },
    dropped: [...sim.dropped],
    lastSettleAt: sim.lastSettleAt,
    log: [],
  };
  apply(d, action);
  return d;
}
