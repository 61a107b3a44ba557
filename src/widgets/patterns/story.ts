/**
 * The clicker story of the `patterns` widget (slide 40): the three patterns in the lecture's order,
 * each owning a contiguous range of steps, so one step number says which pattern is on screen and
 * how far its own script has gone — and each pattern's script as data the logic plays.
 */
import { WIDGETS } from '../../lecture/names.ts';
import type { AccountEvent } from './account.ts';

/** The patterns, in the order the tabs and the clicker show them. */
export type PatternId = 'fanout' | 'sourcing' | 'rpc';

export interface PatternInfo {
  readonly id: PatternId;
  /** The tab's label (Russian, as on the slide). */
  readonly label: string;
  /** Clicker steps this pattern's script has. */
  readonly steps: number;
}

export const PATTERNS: readonly PatternInfo[] = [
  { id: 'fanout', label: 'Pub/Sub и Task Queue', steps: 3 },
  { id: 'sourcing', label: 'Event Sourcing', steps: 3 },
  { id: 'rpc', label: 'Request-Reply', steps: 4 },
];

/** All clicker steps (the catalogue's count; the patterns' steps add up to it). */
export const PATTERNS_STEPS = WIDGETS.patterns.steps;

/** The first global step that shows `id` (its first scripted step). */
export function firstStepOf(id: PatternId): number {
  let step = 1;
  for (const p of PATTERNS) {
    if (p.id === id) return step;
    step += p.steps;
  }
  return 1;
}

/** Which pattern global step `step` shows and how many of its scripted steps are done. */
export function patternAt(step: number): { readonly id: PatternId; readonly local: number } {
  let rest = Math.max(0, Math.floor(step));
  for (const p of PATTERNS) {
    if (rest <= p.steps) return { id: p.id, local: rest };
    rest -= p.steps;
  }
  return { id: 'rpc', local: PATTERNS.find((p) => p.id === 'rpc')?.steps ?? 0 };
}

/** A publish of one message (scripted or typed by the student). */
export interface PublishAction {
  readonly type: 'publish';
  readonly body: string;
}

/** Pub/Sub vs Task Queue: one message, another, then two more so the workers wrap round. */
export const FANOUT_SCRIPT: readonly (readonly PublishAction[])[] = [
  [{ type: 'publish', body: 'заказ #1' }],
  [{ type: 'publish', body: 'заказ #2' }],
  [
    { type: 'publish', body: 'заказ #3' },
    { type: 'publish', body: 'заказ #4' },
  ],
];

/** Something that happens to the account's log (scripted or the student's). */
export type SourcingAction =
  { readonly type: 'append'; readonly event: AccountEvent } | { readonly type: 'replay' };

/** Event Sourcing: open and deposit, spend and deposit, then a new reader replays the log. */
export const SOURCING_SCRIPT: readonly (readonly SourcingAction[])[] = [
  [
    { type: 'append', event: { kind: 'opened' } },
    { type: 'append', event: { kind: 'deposited', amount: 100 } },
  ],
  [
    { type: 'append', event: { kind: 'withdrawn', amount: 30 } },
    { type: 'append', event: { kind: 'deposited', amount: 50 } },
  ],
  [{ type: 'replay' }],
];

/** What the RPC client or a server does. */
export type RpcAction =
  | { readonly type: 'request'; readonly n: number }
  /** The server holding this request computes it and replies. */
  | { readonly type: 'answer'; readonly correlationId: string };

/** Request-Reply: two requests in flight, then the second (quick) one is answered first. */
export const RPC_SCRIPT: readonly (readonly RpcAction[])[] = [
  [{ type: 'request', n: 25 }],
  [{ type: 'request', n: 6 }],
  [{ type: 'answer', correlationId: 'c-2' }],
  [{ type: 'answer', correlationId: 'c-1' }],
];
