/**
 * The two timelines of one order, computed from the input. Synchronous: save, e-mail,
 * inventory, warehouse in turn, the client waits for all; the first failing step ends the
 * request with HTTP 500 (the order is already saved — the later steps never run). With a
 * broker, as the slide's code does it (examples/order_flow/async_app.py and workers.py): save,
 * LPUSH three tasks onto three Redis lists, answer 201; each worker is blocked in BRPOP on its
 * own list and pops its task the moment it is pushed. BRPOP removes the task from the list and
 * nothing acknowledges it: a handler that raises ends the worker (run_worker has no try/except,
 * main() catches only KeyboardInterrupt) and the task is lost — no retry, no redelivery (slide
 * 14 shows BLMOVE as the fix). The client's 201 and the other workers are unaffected.
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

/** The Redis list a task goes to: async_app.py pushes onto orders:email and so on. */
export function queueOf(task: WorkerTask): string {
  return `orders:${task}`;
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
    run.events.push({ type: 'LPUSH', mode: 'async', at: t, key: queueOf(task) });
    publishedAt[task] = t;
  }
  const responseMs = t;
  for (const task of WORKER_TASKS) {
    const key = queueOf(task);
    // The worker is already blocked in BRPOP, so it pops the task the moment it is pushed.
    const start = publishedAt[task];
    if (start === undefined) throw new RangeError(`orderflow: ${task} was never published`);
    run.events.push({ type: 'BRPOP', mode: 'async', at: start, key });
    const failed = input.failures[task] > 0;
    const end = run.span(
      `worker:${task}`,
      WORK_LABEL[task],
      start,
      start + workMs(input, task),
      failed ? 'error' : 'ok',
    ).end;
    run.events.push({ type: failed ? 'task-lost' : 'task-done', mode: 'async', at: end, key });
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
