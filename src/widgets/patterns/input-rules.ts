/** Pure validators of the student's inputs; each returns the value or a message in Russian. */
import { validateIntInRange, validateShortText, type Validation } from '../runtime/validate.ts';
import type { Account, AccountEvent } from './account.ts';
import { MAX_RECEIVERS, MIN_RECEIVERS } from './fanout.ts';
import { MAX_FIB_N } from './rpc.ts';

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
  if (!account.open) return { ok: false, message: 'Счёт ещё не открыт.' };
  if (match[1] === '-') {
    if (amount > account.balance) {
      return {
        ok: false,
        message: `Недостаточно средств: баланс ${account.balance} ₽ — событие не записано.`,
      };
    }
    return { ok: true, value: { kind: 'withdrawn', amount } };
  }
  return { ok: true, value: { kind: 'deposited', amount } };
}
