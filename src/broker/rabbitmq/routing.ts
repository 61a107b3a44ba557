/**
 * Routing: which queues a message published to an exchange reaches. `compileExchangeRouter` is
 * the hot path (built once per binding set, then allocation-light per message); `route` is the
 * pure convenience over a whole state, memoised on the bindings array.
 */
import { headersMatch } from './headers.ts';
import { compileTopicRouter } from './topic-trie.ts';
import type { Binding, Exchange, RabbitState } from './types.ts';

/** A compiled exchange: the queues a message reaches, each once, in first-binding order. */
export interface ExchangeRouter {
  route(routingKey: string, headers?: Readonly<Record<string, unknown>>): string[];
}

function unique(queues: readonly string[]): string[] {
  return [...new Set(queues)];
}

/** Compiles an exchange and its bindings (bindings of other exchanges are ignored). */
export function compileExchangeRouter(
  exchange: Exchange,
  bindings: readonly Binding[],
): ExchangeRouter {
  const own = bindings.filter((b) => b.exchange === exchange.name);
  switch (exchange.kind) {
    case 'fanout': {
      const all = unique(own.map((b) => b.queue));
      return { route: () => all.slice() };
    }
    case 'direct': {
      const byKey = new Map<string, string[]>();
      for (const b of own) {
        const list = byKey.get(b.routingKey) ?? [];
        if (!list.includes(b.queue)) list.push(b.queue);
        byKey.set(b.routingKey, list);
      }
      return { route: (key) => byKey.get(key)?.slice() ?? [] };
    }
    case 'topic': {
      const trie = compileTopicRouter(
        own.map((b) => ({ bindingKey: b.routingKey, destination: b.queue })),
      );
      return { route: (key) => trie.match(key) };
    }
    case 'headers':
      return {
        route: (_key, headers) =>
          unique(own.filter((b) => headersMatch(b.arguments, headers)).map((b) => b.queue)),
      };
  }
}

// Compiled routers per bindings array: states are immutable, so the array identity is the version.
const cache = new WeakMap<readonly Binding[], Map<string, ExchangeRouter>>();

/**
 * The queues a message reaches in `state` (each once). The default exchange '' delivers to the
 * queue named by the routing key; a missing exchange routes nowhere (publish reports 404).
 */
export function route(
  state: Pick<RabbitState, 'exchanges' | 'bindings' | 'queues'>,
  exchangeName: string,
  routingKey: string,
  headers?: Readonly<Record<string, unknown>>,
): string[] {
  if (exchangeName === '') return Object.hasOwn(state.queues, routingKey) ? [routingKey] : [];
  const exchange = state.exchanges[exchangeName];
  if (!exchange) return [];
  let routers = cache.get(state.bindings);
  if (!routers) cache.set(state.bindings, (routers = new Map()));
  // The kind is part of the key: an exchange may be deleted and redeclared with the same bindings.
  const key = `${exchange.kind}\u0000${exchangeName}`;
  let router = routers.get(key);
  if (!router) routers.set(key, (router = compileExchangeRouter(exchange, state.bindings)));
  return router.route(routingKey, headers);
}
