/**
 * Vitest global setup for the `real` project: starts one Redis and one RabbitMQ for the whole
 * run (RabbitMQ boots in the background while Redis comes up) and hands their URLs to the tests.
 */
import type { TestProject } from 'vitest/node';
import { startRabbit, startRedis, type RunningServer } from './servers.ts';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const rabbitPromise = startRabbit();
  let redis: RunningServer | undefined;
  let rabbit: RunningServer | undefined;
  try {
    redis = await startRedis();
    rabbit = await rabbitPromise;
  } catch (error) {
    await redis?.stop();
    await rabbitPromise.then((r) => r.stop()).catch(() => undefined);
    throw error;
  }
  project.provide('redisUrl', redis.url);
  project.provide('redisPort', redis.port);
  project.provide('amqpUrl', rabbit.url);
  project.provide('rabbitPort', rabbit.port);
  return async () => {
    await Promise.all([redis?.stop(), rabbit?.stop()]);
  };
}
