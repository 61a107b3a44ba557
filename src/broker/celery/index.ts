/**
 * The Celery model's public API: `celeryModel` / `celeryModelWith` (Redis or RabbitMQ transport), Celery's
 * backoff formula, the state graph, and ready-made stories for the slides.
 */
import { celeryModelWith } from './model.ts';

export { celeryModelWith, initCelery, stepCelery } from './model.ts';
export {
  resolveConfig,
  DEFAULT_TASK,
  DEFAULT_WORKER,
  AUTORETRY_BACKOFF,
  DEFAULT_VISIBILITY_TIMEOUT_MS,
} from './config.ts';
export type { CeleryOptions } from './config.ts';
export {
  backoffFactor,
  getExponentialBackoffInterval,
  retryCountdown,
  DEFAULT_RETRY_DELAY_S,
} from './backoff.ts';
export { TRANSITIONS, READY_STATES, canTransition, isValidStatePath } from './states.ts';
export { outcomeOf } from './worker.ts';
export { transportFor } from './transport.ts';
export type {
  Transport,
  TransportState,
  TransportEvent,
  Delivery,
  TransportStep,
} from './transport.ts';
export { redisTransport, createRedisTransport } from './transport-redis.ts';
export type { RedisTransportState, RedisTransportEvent } from './transport-redis.ts';
export { rabbitTransport, createRabbitTransport } from './transport-rabbitmq.ts';
export type { RabbitTransportState, RabbitTransportEvent } from './transport-rabbitmq.ts';
export { celeryStories } from './scenarios.ts';
export type { CeleryStory } from './scenarios.ts';
export type * from './types.ts';

/** The Celery model with Celery's defaults (Redis transport, one worker, task `task`). */
export const celeryModel = celeryModelWith();
