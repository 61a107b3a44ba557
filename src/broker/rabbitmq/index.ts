/** The simulated RabbitMQ: the model, its routing rules and the fast router for the hot path. */
export { topicMatches, splitTopicKey } from './topic.ts';
export { compileTopicRouter, type TopicRouter, type TopicBindingSpec } from './topic-trie.ts';
export { headersMatch, headersBindingError, xMatchOf, type XMatch } from './headers.ts';
export { amqpEqual } from './field-value.ts';
export { route, compileExchangeRouter, type ExchangeRouter } from './routing.ts';
export { rabbitModel, initRabbit, stepRabbit, DEFAULT_CONSUMER_TIMEOUT } from './model.ts';
export { parseExpiration, MAX_EXPIRY } from './expiration.ts';
export { timeoutAt as consumerTimeoutAt } from './lifecycle.ts';
export type { RabbitCommand } from './commands.ts';
export type { RabbitEvent, DropReason } from './events.ts';
export type * from './types.ts';
