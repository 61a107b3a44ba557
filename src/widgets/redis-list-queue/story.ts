/**
 * The clicker story of slide 14 as plain Redis commands for the core's model: the API LPUSHes
 * e-mails into `email_queue`, three workers wait in BRPOP and are served first-come first-served,
 * one crashes mid-task and loses it; then a worker that takes tasks with BLMOVE into a processing
 * list crashes too, and its task survives and is moved back (LMOVE) and finished (LREM).
 */
import type { RedisCommand } from '../../broker/redis/index.ts';
import { WIDGETS } from '../../lecture/names.ts';

/** Clicker steps of the story (the catalogue entry must say the same). */
export const LIST_QUEUE_STEPS = WIDGETS['redis-list-queue'].steps;

/** The queue of the lecture's example (examples/redis/email_queue_api.py). */
export const QUEUE = 'email_queue';
/** Where a reliable worker's task sits while it works on it. */
export const PROCESSING = 'email_queue:processing';
/** The connection of the FastAPI endpoint. */
export const API = 'api';
/** The connection that moves orphaned tasks back (a janitor or the restarted worker). */
export const JANITOR = 'janitor';

/** How a worker takes a task: BRPOP (gone from Redis) or BLMOVE into the processing list. */
export type WorkerMode = 'BRPOP' | 'BLMOVE';

/** The command a worker waits in: blocks forever (timeout 0) until the queue has an element. */
export function waitCommand(client: string, mode: WorkerMode): RedisCommand {
  return mode === 'BRPOP'
    ? { type: 'BRPOP', client, keys: [QUEUE], timeout: 0 }
    : {
        type: 'BLMOVE',
        client,
        source: QUEUE,
        destination: PROCESSING,
        from: 'RIGHT',
        to: 'LEFT',
        timeout: 0,
      };
}

/** LPUSH by the API. */
export function lpush(...values: string[]): RedisCommand {
  return { type: 'LPUSH', client: API, key: QUEUE, values };
}

/** Moves the oldest task of the processing list back to the queue's tail (served next). */
export const REQUEUE: RedisCommand = {
  type: 'LMOVE',
  client: JANITOR,
  source: PROCESSING,
  destination: QUEUE,
  from: 'RIGHT',
  to: 'RIGHT',
};

/** Workers present before the first step, in the order they start waiting. */
export const LIST_QUEUE_SETUP: readonly RedisCommand[] = [
  waitCommand('W1', 'BRPOP'),
  waitCommand('W2', 'BRPOP'),
  waitCommand('W3', 'BRPOP'),
];

/** The story: what each clicker step sends to Redis. */
export const LIST_QUEUE_SCENARIO: readonly (readonly RedisCommand[])[] = [
  [lpush('письмо 1')],
  [lpush('письмо 2', 'письмо 3')],
  [{ type: 'finishTask', client: 'W1' }, waitCommand('W1', 'BRPOP')],
  [lpush('письмо 4', 'письмо 5')],
  [{ type: 'crash', client: 'W2' }],
  [waitCommand('W4', 'BLMOVE')],
  [{ type: 'crash', client: 'W4' }],
  [REQUEUE, waitCommand('W4', 'BLMOVE')],
  [{ type: 'finishTask', client: 'W4' }, waitCommand('W4', 'BLMOVE')],
];
