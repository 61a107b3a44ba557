/**
 * The simulated Redis: keyspace with TTLs, hashes, lists with blocking pops, pub/sub with Redis's
 * own glob rules, and the worker that loses a popped task when it crashes.
 */
export { redisGlobMatches, redisGlobMatchesBytes } from './glob.ts';
export { utf8Bytes } from './utf8.ts';
export { argvOf } from './argv.ts';
export { DEFAULT_CLIENT, initRedis, redisModel, stepRedis } from './model.ts';
export { INBOX_CAP, WRONGTYPE } from './draft.ts';
export type * from './types.ts';
