/**
 * The simulated broker core: pure, deterministic, seeded models of Redis, RabbitMQ, Kafka and
 * Celery, the order flow of slides 6–7, and the routing rules widgets and outside checks use.
 * Each model is also exported as a namespace (`redis.stepRedis`, `rabbitmq.stepRabbit`, …) so
 * their type names (Queue, Channel, …) never clash.
 */
export * from './core/prng.ts';
export * from './core/clock.ts';
export * from './core/capped.ts';
export * from './core/replay.ts';

// The pure rules, by the names outside checks use.
export { topicMatches, headersMatch } from './rabbitmq/index.ts';
export { redisGlobMatches } from './redis/index.ts';
export {
  murmur2,
  kafkaPartitionForKey,
  assignRange,
  assignRoundRobin,
  assignCooperativeSticky,
  type Member,
  type Assignment,
  type TopicPartition,
} from './kafka/index.ts';

// The models.
export { redisModel } from './redis/index.ts';
export { rabbitModel } from './rabbitmq/index.ts';
export { kafkaModel } from './kafka/index.ts';
export { celeryModel } from './celery/index.ts';
export { orderFlowModel, orderFlow, resolveInput as orderFlowInput } from './orderflow/index.ts';

export * as redis from './redis/index.ts';
export * as rabbitmq from './rabbitmq/index.ts';
export * as kafka from './kafka/index.ts';
export * as celery from './celery/index.ts';
export * as orderflow from './orderflow/index.ts';
