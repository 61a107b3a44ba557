/**
 * The widget's logic on the kit: one model holding the three patterns' parts — Pub/Sub vs Task
 * Queue and Request-Reply on the core's RabbitMQ model, Event Sourcing on its Kafka model. A
 * scripted step plays the script of the pattern it belongs to (./story.ts). A student's action
 * belongs to one pattern: it acts on that pattern's part while that pattern is on screen (and
 * waits, changing nothing, on another pattern's steps); what does not fit is refused with the
 * reason the field shows, never thrown. Who gets what is decided by the core, never here.
 */
import { refuse, type FrameAt, type Refusal, type WidgetLogic } from '../runtime/timeline.ts';
import { validateIntInRange, validateShortText, type Validation } from '../runtime/validate.ts';
import type { Account, AccountEvent } from './account.ts';
import { caption } from './caption.ts';
import {
  DEFAULT_RECEIVERS,
  MAX_RECEIVERS,
  MIN_RECEIVERS,
  fanoutInit,
  fanoutPlay,
  fanoutPublish,
  fanoutRebuild,
  fanoutViewOf,
  type FanoutModel,
  type FanoutView,
} from './logic-fanout.ts';
import {
  MAX_FIB_N,
  MAX_REQUESTS,
  heldByServer,
  rpcApply,
  rpcInit,
  rpcPlay,
  rpcViewOf,
  type RpcModel,
  type RpcView,
} from './logic-rpc.ts';
import {
  MAX_READERS,
  sourcingApply,
  sourcingInit,
  sourcingPlay,
  type SourcingModel,
  type SourcingView,
} from './logic-sourcing.ts';
import {
  patternAt,
  type PatternId,
  type PublishAction,
  type RpcAction,
  type SourcingAction,
} from './story.ts';

/** A student's action (its type says which pattern it belongs to). */
export type PatternsAction =
  PublishAction | { readonly type: 'receivers'; readonly n: number } | SourcingAction | RpcAction;

/** The three patterns' parts and the step last played. */
export interface PatternsModel {
  readonly step: number;
  readonly fanout: FanoutModel;
  readonly sourcing: SourcingModel;
  readonly rpc: RpcModel;
}

/** What one frame shows: the pattern on screen and its view. */
export type PatternsView = (
  | { readonly pattern: 'fanout'; readonly fanout: FanoutView }
  | { readonly pattern: 'sourcing'; readonly sourcing: SourcingView }
  | { readonly pattern: 'rpc'; readonly rpc: RpcView }
) & {
  readonly step: number;
  /** Scripted steps of this pattern done. */
  readonly local: number;
  readonly actions: number;
};

/** Longest message text, in UTF-8 bytes (it has to fit a chip's tooltip and the caption). */
export const MAX_MESSAGE_BYTES = 60;
/** Largest amount of one deposit or withdrawal. */
export const MAX_AMOUNT = 1_000_000;

/** Subscribers and workers: an integer 1–6. */
export function validateReceivers(raw: string): Validation<number> {
  return validateIntInRange(raw, MIN_RECEIVERS, MAX_RECEIVERS, 'Получателей');
}

/** A message text: not blank, at most {@link MAX_MESSAGE_BYTES} bytes; shown as typed. */
export function validateMessage(raw: string): Validation<string> {
  const text = raw.trim();
  return validateShortText(text, 'Сообщение', MAX_MESSAGE_BYTES);
}

/** n of fib(n): an integer 0–40. */
export function validateFibN(raw: string): Validation<number> {
  return validateIntInRange(raw, 0, MAX_FIB_N, 'n');
}

/** Why `event` cannot be written for `account` (the command is checked against the state). */
export function eventProblem(event: AccountEvent, account: Account): string | undefined {
  if (event.kind === 'opened') return account.open ? 'Счёт уже открыт.' : undefined;
  if (!account.open) return 'Счёт ещё не открыт.';
  if (event.kind === 'withdrawn' && event.amount > account.balance) {
    return `Недостаточно средств: баланс ${account.balance} ₽ — событие не записано.`;
  }
  return undefined;
}

/**
 * An amount like «+100», «100» (a deposit) or «-30» / «−30» (a withdrawal) for `account`: the
 * command is checked against the current state before its event may be written.
 */
export function validateAmount(raw: string, account: Account): Validation<AccountEvent> {
  const text = raw.trim().replace('−', '-');
  const match = /^([+-]?)(\d{1,7})$/.exec(text);
  if (!match) {
    return { ok: false, message: 'Сумма: целое число, например +100 или -30.' };
  }
  const amount = Number(match[2]);
  if (amount === 0) return { ok: false, message: 'Сумма не может быть нулём.' };
  if (amount > MAX_AMOUNT) {
    return { ok: false, message: `Сумма: не больше ${MAX_AMOUNT.toLocaleString('ru-RU')} ₽.` };
  }
  const event: AccountEvent =
    match[1] === '-' ? { kind: 'withdrawn', amount } : { kind: 'deposited', amount };
  const problem = eventProblem(event, account);
  return problem ? { ok: false, message: problem } : { ok: true, value: event };
}

/** The pattern an action belongs to. */
export function patternOf(action: PatternsAction): PatternId {
  switch (action.type) {
    case 'publish':
    case 'receivers':
      return 'fanout';
    case 'append':
    case 'replay':
      return 'sourcing';
    case 'request':
    case 'answer':
      return 'rpc';
  }
}

/** The account the event-sourcing commands are checked against (the projection's). */
export function accountOf(model: PatternsModel): Account | undefined {
  return model.sourcing.readers[0]?.account;
}

/** What is wrong with `action` whatever the state (its values), if anything. */
function valueProblem(action: PatternsAction): Refusal | undefined {
  const fail = (v: Validation<unknown>): Refusal | undefined =>
    v.ok ? undefined : refuse(v.message);
  switch (action.type) {
    case 'receivers':
      return fail(validateReceivers(String(action.n)));
    case 'publish':
      return fail(validateMessage(action.body));
    case 'request':
      return fail(validateFibN(String(action.n)));
    default:
      return undefined;
  }
}

function actOn(model: PatternsModel, action: PatternsAction): PatternsModel | Refusal {
  switch (action.type) {
    case 'receivers':
      return { ...model, fanout: fanoutRebuild(model.fanout, action.n) };
    case 'publish':
      return { ...model, fanout: fanoutPublish(model.fanout, [action]) };
    case 'append': {
      const account = accountOf(model);
      const problem = account ? eventProblem(action.event, account) : 'Счёт ещё не открыт.';
      return problem
        ? refuse(problem)
        : { ...model, sourcing: sourcingApply(model.sourcing, [action]) };
    }
    case 'replay':
      return model.sourcing.readers.length >= MAX_READERS
        ? refuse(`Не больше ${MAX_READERS} читателей — нажмите «Сначала».`)
        : { ...model, sourcing: sourcingApply(model.sourcing, [action]) };
    case 'request':
      return model.rpc.requests.length >= MAX_REQUESTS
        ? refuse(`Не больше ${MAX_REQUESTS} запросов — нажмите «Сначала».`)
        : { ...model, rpc: rpcApply(model.rpc, action) };
    case 'answer':
      return heldByServer(model.rpc, action.correlationId)
        ? { ...model, rpc: rpcApply(model.rpc, action) }
        : refuse(`Запрос ${action.correlationId} ни у одного сервера нет — отвечать некому.`);
  }
}

/** The frame a model shows. */
export function viewOf(model: PatternsModel, at: FrameAt<string>): PatternsView {
  const { id, local } = patternAt(model.step);
  const common = { step: model.step, local, actions: at.actions };
  if (id === 'fanout') return { ...common, pattern: id, fanout: fanoutViewOf(model.fanout) };
  if (id === 'sourcing') {
    const { log, readers, last, appended } = model.sourcing;
    return { ...common, pattern: id, sourcing: { log, readers, last, appended } };
  }
  return { ...common, pattern: id, rpc: rpcViewOf(model.rpc) };
}

/** The patterns widget's logic (one story). */
export const patternsLogic: WidgetLogic<PatternsModel, PatternsView, PatternsAction, 'patterns'> = {
  init: () => ({
    step: 0,
    fanout: fanoutInit(DEFAULT_RECEIVERS),
    sourcing: sourcingInit(),
    rpc: rpcInit(),
  }),
  play(model, _story, step) {
    const { id, local } = patternAt(step);
    const next = { ...model, step };
    if (id === 'fanout') return { ...next, fanout: fanoutPlay(model.fanout, local) };
    if (id === 'sourcing') return { ...next, sourcing: sourcingPlay(model.sourcing, local) };
    return { ...next, rpc: rpcPlay(model.rpc, local) };
  },
  act(model, action) {
    const bad = valueProblem(action);
    if (bad) return bad;
    // Another pattern's action waits for its own pattern's steps: here it changes nothing.
    if (patternOf(action) !== patternAt(model.step).id) return model;
    return actOn(model, action);
  },
  view: viewOf,
  caption,
};
