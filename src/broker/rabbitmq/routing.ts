/**
 * Routing: which queues a message published to an exchange reaches. `compileExchangeRouter` is
 * the hot path (built once per binding set, then allocation-light per message); `route` is the
 * pure convenience over a whole state, memoised on the bindings array.
 */
import { own } from '../core/record.ts';
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

// Compiled routers per bindings array and exchange object: states are immutable, so identities
// are versions (a redeclared exchange is a new object, so a new kind gets a new router).
const cache = new WeakMap<readonly Binding[], WeakMap<Exchange, ExchangeRouter>>();
// The last hit, checked first: a widget or a publish loop routes through one exchange many times.
let lastBindings: readonly Binding[] | undefined;
let lastExchange: Exchange | undefined;
let lastRouter: ExchangeRouter | undefined;

function routerFor(exchange: Exchange, bindings: readonly Binding[]): ExchangeRouter {
  if (exchange === lastExchange && bindings === lastBindings && lastRouter) return lastRouter;
  let routers = cache.get(bindings);
  if (!routers) cache.set(bindings, (routers = new WeakMap()));
  let router = routers.get(exchange);
  if (!router) routers.set(exchange, (router = compileExchangeRouter(exchange, bindings)));
  lastBindings = bindings;
  lastExchange = exchange;
  lastRouter = router;
  return router;
}

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
  const exchange = own(state.exchanges, exchangeName);
  if (!exchange) return [];
  return routerFor(exchange, state.bindings).route(routingKey, headers);
}
