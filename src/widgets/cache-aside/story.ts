/**
 * The clicker story of slide 13 as data: each step is a list of service actions (a request for a
 * product, or a pause on the virtual clock) that the logic plays against the simulated Redis.
 */
import { CACHE_TTL, DB_MS, type HandlerSettings } from './app.ts';
import { WIDGETS } from '../../lecture/names.ts';

/** Clicker steps (the catalogue entry must say the same). */
export const CACHE_STEPS = WIDGETS['cache-aside'].steps;

/** Something that happens to the service: a client asks for a product, changes a price, or time passes. */
export type CacheAction =
  | { readonly kind: 'request'; readonly productId: number }
  | { readonly kind: 'wait'; readonly seconds: number }
  | { readonly kind: 'update'; readonly productId: number; readonly price: number };

/** One clicker step: its actions and the sentence that leads the caption ('' when none). */
export interface CacheStep {
  readonly lead: (settings: HandlerSettings) => string;
  readonly actions: (settings: HandlerSettings) => readonly CacheAction[];
}

/** The slide's settings: CACHE_TTL = 3600 and a 200 ms database read. */
export const DEFAULT_SETTINGS: HandlerSettings = { ttlSeconds: CACHE_TTL, dbMs: DB_MS };

/** Seconds between two scripted requests: another user a second later. */
export const GAP_SECONDS = 1;

const request = (productId: number): CacheAction => ({ kind: 'request', productId });
const wait = (seconds: number): CacheAction => ({ kind: 'wait', seconds });

/**
 * The story: miss, hit, more hits and a second product, TTL runs out, miss again. A lead says
 * only what the caption's own sentence does not (the first miss already says «ключа нет»).
 */
export const CACHE_STORY: readonly CacheStep[] = [
  {
    lead: () => '',
    actions: () => [request(1)],
  },
  {
    lead: () => 'Через секунду товар 1 снова.',
    actions: () => [wait(GAP_SECONDS), request(1)],
  },
  {
    lead: () => 'Ещё запросы: товар 1, новый товар 2, снова 1.',
    actions: () => [
      wait(GAP_SECONDS),
      request(1),
      wait(GAP_SECONDS),
      request(2),
      wait(GAP_SECONDS),
      request(1),
    ],
  },
  {
    lead: () => '',
    actions: (s) => [wait(s.ttlSeconds)],
  },
  {
    lead: () => '',
    actions: () => [request(1)],
  },
];
