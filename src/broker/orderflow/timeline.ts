/**
 * The two timelines of one order, computed from the input. Synchronous: save, e-mail,
 * inventory, warehouse in turn, the client waits for all; the first failing step ends the
 * request with HTTP 500 (the order is already saved — the later steps never run). With a
 * broker: save, publish three messages, answer 201; each worker is a consumer on its own queue,
 * gets its message as soon as it is published, and acks when done. A failing attempt is
 * rejected with requeue=true, so the broker redelivers it (redelivered=true) and the worker tries
 * again; the client's answer and the other workers are unaffected.
 */
import { WORKER_TASKS } from './input.ts';
import type {
  Lane,
  OrderFlowEvent,
  OrderFlowInput,
  OrderFlowMode,
  OrderFlowRun,
  Span,
  SpanLabel,
  WorkerTask,
} from './types.ts';

const WORK_LABEL: Readonly<Record<WorkerTask, SpanLabel>> = {
  email: 'sendEmail',
  inventory: 'updateInventory',
  warehouse: 'notifyWarehouse',
};

const PUBLISH_LABEL: Readonly<Record<WorkerTask, SpanLabel>> = {
  email: 'publishEmail',
  inventory: 'publishInventory',
  warehouse: 'publishWarehouse',
};

function workMs(input: OrderFlowInput, task: WorkerTask): number {
  const d = input.durations;
  return task === 'email'
    ? d.sendEmail
    : task === 'inventory'
      ? d.updateInventory
      : d.notifyWarehouse;
}

/** The queue a task goes to (the slides' example names them orders:email and so on). */
export function queueOf(task: WorkerTask): string {
  return `orders.${task}`;
}

class RunBuilder {
  readonly spans: Span[] = [];
  readonly events: OrderFlowEvent[] = [];
  constructor(readonly mode: OrderFlowMode) {}

  span(
    lane: Lane,
    label: SpanLabel,
    start: number,
    end: number,
    status: Span['status'] = 'ok',
    attempt = 1,
  ): Span {
    const s: Span = { lane, label, start, end, status, attempt };
    this.spans.push(s);
    this.events.push({ type: 'span-start', mode: this.mode, at: start, span: s });
    this.events.push({ type: 'span-end', mode: this.mode, at: end, span: s });
    return s;
  }

  finish(responseMs: number, status: 201 | 500): OrderFlowRun {
    this.events.unshift({ type: 'request', mode: this.mode, at: 0 });
    this.span('client', 'waitResponse', 0, responseMs, status === 201 ? 'ok' : 'error');
    this.events.push({ type: 'response', mode: this.mode, at: responseMs, status });
    // A stable sort keeps the causal order of events that share a timestamp.
    const events = this.events.slice().sort((a, b) => a.at - b.at);
    const doneMs = Math.max(...this.spans.map((s) => s.end));
    return { mode: this.mode, spans: this.spans, responseMs, status, doneMs, events };
  }
}

/** The synchronous handler: every step in the request, 2900 ms with the defaults. */
export function syncRun(input: OrderFlowInput): OrderFlowRun {
  const run = new RunBuilder('sync');
  let t = run.span('api', 'saveOrder', 0, input.durations.saveOrder).end;
  for (const task of WORKER_TASKS) {
    const failed = input.failures[task] > 0;
    t = run.span('api', WORK_LABEL[task], t, t + workMs(input, task), failed ? 'error' : 'ok').end;
    if (failed) return run.finish(t, 500);
  }
  return run.finish(t, 201);
}

/** The handler with a broker: answer after save + three publishes (115 ms); workers finish later. */
export function asyncRun(input: OrderFlowInput): OrderFlowRun {
  const run = new RunBuilder('async');
  let t = run.span('api', 'saveOrder', 0, input.durations.saveOrder).end;
  const publishedAt: Partial<Record<WorkerTask, number>> = {};
  for (const task of WORKER_TASKS) {
    t = run.span('api', PUBLISH_LABEL[task], t, t + input.durations.publish).end;
    run.events.push({ type: 'basic.publish', mode: 'async', at: t, routingKey: queueOf(task) });
    publishedAt[task] = t;
  }
  const responseMs = t;
  for (const task of WORKER_TASKS) {
    const queue = queueOf(task);
    const lane: Lane = `worker:${task}`;
    // The worker is already consuming, so the broker delivers the message the moment it arrives.
    let start = publishedAt[task] as number;
    const attempts = input.failures[task] + 1;
    for (let attempt = 1; attempt <= attempts; attempt++) {
      const ok = attempt === attempts;
      // Each worker has its own channel: delivery tags count 1, 2, … per channel.
      const deliveryTag = attempt;
      run.events.push({
        type: 'basic.deliver',
        mode: 'async',
        at: start,
        queue,
        consumerTag: lane,
        deliveryTag,
        redelivered: attempt > 1,
      });
      const end = run.span(
        lane,
        WORK_LABEL[task],
        start,
        start + workMs(input, task),
        ok ? 'ok' : 'error',
        attempt,
      ).end;
      run.events.push(
        ok
          ? { type: 'basic.ack', mode: 'async', at: end, queue, deliveryTag }
          : { type: 'basic.reject', mode: 'async', at: end, queue, deliveryTag, requeue: true },
      );
      start = end;
    }
  }
  return run.finish(responseMs, 201);
}

/** Both designs for one input. */
export function orderFlow(input: OrderFlowInput): {
  readonly sync: OrderFlowRun;
  readonly async: OrderFlowRun;
} {
  return { sync: syncRun(input), async: asyncRun(input) };
}
