/**
 * Where each worker's task is at a moment of the broker design, read from the core's Redis
 * events: not yet pushed, on the list (LPUSH), popped by the worker (BRPOP: in no list any
 * more), done, or lost with the worker that failed on it.
 */
import {
  WORKER_TASKS,
  queueOf,
  type OrderFlowRun,
  type WorkerTask,
} from '../../broker/orderflow/index.ts';

/** Where one task is at time `now`. */
export type TaskPlace = 'none' | 'list' | 'worker' | 'done' | 'lost';

/** One task's state as Redis and its worker see it at time `now`. */
export interface TaskState {
  readonly task: WorkerTask;
  /** The Redis list (async_app.py pushes onto orders:email and so on). */
  readonly queue: string;
  readonly place: TaskPlace;
  /** LPUSH has happened. */
  readonly published: boolean;
  readonly publishedAt: number;
  /** When the worker finishes with it in this run, well or badly. */
  readonly endAt: number;
  /** True when the worker's handler raises on it in this run. */
  readonly fails: boolean;
}

/** Each task's state at `now` in the async run. */
export function taskStatesAt(run: OrderFlowRun, now: number): TaskState[] {
  return WORKER_TASKS.map((task) => {
    const queue = queueOf(task);
    let place: TaskPlace = 'none';
    let publishedAt = 0;
    let endAt = run.doneMs;
    let fails = false;
    for (const e of run.events) {
      if (!('key' in e) || e.key !== queue) continue;
      if (e.type === 'LPUSH') publishedAt = e.at;
      if (e.type === 'task-done' || e.type === 'task-lost') {
        endAt = e.at;
        fails = e.type === 'task-lost';
      }
      if (e.at > now) continue;
      place =
        e.type === 'LPUSH'
          ? 'list'
          : e.type === 'BRPOP'
            ? 'worker'
            : e.type === 'task-done'
              ? 'done'
              : 'lost';
    }
    return { task, queue, place, published: place !== 'none', publishedAt, endAt, fails };
  });
}
