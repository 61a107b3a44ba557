/**
 * The clicker story of slide 12 as plain Redis commands for the core's model: one publisher and
 * two subscribers (a channel and a PSUBSCRIBE pattern) that join and leave, with PUBLISH before,
 * between and after them. Step 0 is an empty server; each step is one list of commands.
 */
import type { RedisCommand } from '../../broker/redis/index.ts';
import { WIDGETS } from '../../lecture/names.ts';

/** Clicker steps of the story (the catalogue entry must say the same). */
export const PUBSUB_STEPS = WIDGETS['redis-pubsub'].steps;

/** The connection every PUBLISH comes from (the scripted API and the student alike). */
export const PUBLISHER = 'publisher';

/** The channel of the lecture's example (examples/redis/publisher.py). */
export const CHANNEL = 'notifications';

/** Scripted subscribers: client name → label on the slide. */
export const SCRIPTED_SUBSCRIBERS: Readonly<Record<string, string>> = {
  A: 'Подписчик A',
  B: 'Подписчик B',
};

const publish = (channel: string, message: string): RedisCommand => ({
  type: 'PUBLISH',
  client: PUBLISHER,
  channel,
  message,
});

/** The story: what each clicker step sends to Redis. */
export const PUBSUB_SCENARIO: readonly (readonly RedisCommand[])[] = [
  [publish(CHANNEL, 'Заказ 41 оплачен')],
  [{ type: 'SUBSCRIBE', client: 'A', channels: [CHANNEL] }],
  [publish(CHANNEL, 'Заказ 42 оплачен')],
  [{ type: 'PSUBSCRIBE', client: 'B', patterns: ['notif*'] }],
  [publish(CHANNEL, 'Заказ 43 оплачен')],
  [publish('notifications:vip', 'VIP-заказ 44')],
  [
    { type: 'UNSUBSCRIBE', client: 'A', channels: [] },
    { type: 'PUNSUBSCRIBE', client: 'B', patterns: [] },
  ],
  [publish(CHANNEL, 'Заказ 45 оплачен')],
];
