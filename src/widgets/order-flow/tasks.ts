/**
 * Where each worker's message is at a moment of the broker design, read from the core's AMQP
 * events: not yet published, delivered and being worked on (unacked), rejected and redelivered,
 * or acked and gone from the queue.
 */
import {
  WORKER_TASKS,
  queueOf,
  type OrderFlowRun,
  type WorkerTask,
} from '../../broker/orderflow/index.ts';

/** One task's message as the broker sees it at time `now`. */
export interface TaskState {
  readonly task: WorkerTask;
  readonly queue: string;
  /** basic.publish has happened. */
  readonly published: boolean;
  /** Deliveries so far (1 = first attempt, 2 = after one redelivery…). */
  readonly deliveries: number;
  /** Rejections with requeue so far. */
  readonly rejects: number;
  /** basic.ack has happened: the message left the queue for good. */
  readonly acked: boolean;
  /** When the ack happens (or happened) in this run. */
  readonly ackAt: number;
  readonly publishedAt: number;
}

/** Each task's message state at `now` in the async run. */
export function taskStatesAt(run: OrderFlowRun, now: number): TaskState[] {
  return WORKER_TASKS.map((task) => {
    const queue = queueOf(task);
    let published = false;
    let publishedAt = 0;
    let deliveries = 0;
    let rejects = 0;
    let acked = false;
    let ackAt = run.doneMs;
    for (const e of run.events) {
      if (e.type === 'basic.publish' && e.routingKey === queue) {
        publishedAt = e.at;
        published ||= e.at <= now;
      } else if (e.type === 'basic.ack' && e.queue === queue) {
        ackAt = e.at;
        acked ||= e.at <= now;
      } else if (e.at <= now && e.type === 'basic.deliver' && e.queue === queue) deliveries++;
      else if (e.at <= now && e.type === 'basic.reject' && e.queue === queue) rejects++;
    }
    return { task, queue, published, deliveries, rejects, acked, ackAt, publishedAt };
  });
}
