/**
 * The simulated broker core: pure, deterministic, seeded models of Redis, RabbitMQ, Kafka and
 * Celery, and the routing rules widgets and outside checks use.
 */
export * from './core/prng.ts';
export * from './core/clock.ts';
export * from './core/capped.ts';
export * from './core/replay.ts';
