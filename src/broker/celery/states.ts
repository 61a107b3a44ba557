/**
 * The paths a task's state may take in this model. Celery itself orders states by precedence
 * (celery/states.py) rather than by a graph; the graph below is what the worker's life cycle
 * produces, including redelivery after a lost worker (STARTED → RECEIVED under acks_late, or a
 * prefetched RECEIVED message delivered again, which stays RECEIVED). It holds while one task has
 * at most one execution at a time; two at once (a worker finishing during its warm shutdown after
 * RabbitMQ's consumer_timeout while the requeued copy runs elsewhere, or a run longer than Redis's
 * visibility_timeout) interleave their states as the result backend stores them, off this graph.
 */
import type { TaskState } from './types.ts';

/** Allowed next states for each state. SUCCESS is final: the result backend ignores later updates. */
export const TRANSITIONS: Readonly<Record<TaskState, readonly TaskState[]>> = {
  PENDING: ['RECEIVED'],
  RECEIVED: ['STARTED'],
  STARTED: ['SUCCESS', 'FAILURE', 'RETRY', 'RECEIVED'],
  RETRY: ['RECEIVED'],
  SUCCESS: [],
  FAILURE: [],
};

/** Celery's ready states: the task has a result and `AsyncResult.ready()` is True. */
export const READY_STATES: readonly TaskState[] = ['SUCCESS', 'FAILURE'];

/** True if `from → to` is an edge of the state graph. */
export function canTransition(from: TaskState, to: TaskState): boolean {
  return TRANSITIONS[from].includes(to);
}

/**
 * True if every step of the sequence follows an edge of the graph and, unless it is the tail of a
 * longer history (a capped TaskRecord.history with historyDropped > 0), it starts at PENDING.
 */
export function isValidStatePath(path: readonly TaskState[], fromStart = true): boolean {
  if (fromStart ? path[0] !== 'PENDING' : path.length === 0) return false;
  for (let i = 1; i < path.length; i++) {
    const from = path[i - 1];
    const to = path[i];
    if (from === undefined || to === undefined || !canTransition(from, to)) return false;
  }
  return true;
}
