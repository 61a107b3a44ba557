/**
 * The bank account of the event-sourcing story: its events as the strings stored in the Kafka log,
 * and the one fold that turns a sequence of them into the state. Pure, so every reader that
 * replays the same log reaches the same state.
 */

/** An event in the account's life. */
export type AccountEvent =
  | { readonly kind: 'opened' }
  | { readonly kind: 'deposited'; readonly amount: number }
  | { readonly kind: 'withdrawn'; readonly amount: number };

/** The state a reader rebuilds. */
export interface Account {
  readonly open: boolean;
  readonly balance: number;
  /** Events applied (the projection's version). */
  readonly version: number;
}

export const EMPTY_ACCOUNT: Account = { open: false, balance: 0, version: 0 };

/** The record value written to Kafka, e.g. `Deposited 100`. */
export function encodeEvent(event: AccountEvent): string {
  switch (event.kind) {
    case 'opened':
      return 'AccountOpened';
    case 'deposited':
      return `Deposited ${event.amount}`;
    case 'withdrawn':
      return `Withdrawn ${event.amount}`;
  }
}

/** Reads a record value back; undefined for anything this account does not understand. */
export function decodeEvent(value: string): AccountEvent | undefined {
  if (value === 'AccountOpened') return { kind: 'opened' };
  const match = /^(Deposited|Withdrawn) ([1-9]\d{0,8})$/.exec(value);
  if (!match) return undefined;
  const amount = Number(match[2]);
  return match[1] === 'Deposited' ? { kind: 'deposited', amount } : { kind: 'withdrawn', amount };
}

/** Applies one event; an event the reader cannot decode leaves the state as it was. */
export function applyEvent(account: Account, value: string): Account {
  const event = decodeEvent(value);
  if (!event) return account;
  const version = account.version + 1;
  switch (event.kind) {
    case 'opened':
      return { open: true, balance: 0, version };
    case 'deposited':
      return { ...account, balance: account.balance + event.amount, version };
    case 'withdrawn':
      return { ...account, balance: account.balance - event.amount, version };
  }
}

/** The state after replaying `values` from the first. */
export function replayAccount(values: readonly string[]): Account {
  return values.reduce(applyEvent, EMPTY_ACCOUNT);
}

/** How an event reads on screen, e.g. «+100 ₽», «−30 ₽», «счёт открыт». */
export function eventLabel(event: AccountEvent | undefined): string {
  if (!event) return 'непонятное событие';
  switch (event.kind) {
    case 'opened':
      return 'счёт открыт';
    case 'deposited':
      return `+${event.amount} ₽`;
    case 'withdrawn':
      return `−${event.amount} ₽`;
  }
}
