/**
 * The student's controls: which product to request, how long to wait on the virtual clock, the
 * TTL for SETEX and the database latency. Each field validates on use and shows its message next
 * to itself; an invalid value changes nothing else. Handlers receive validated values only.
 */
import { h, actionButton } from '../runtime/dom.ts';
import { createField, type Field } from '../runtime/field.ts';
import { validateIntInRange, type Validation } from '../runtime/validate.ts';
import { WIDGET_CLASS } from '../runtime/classes.ts';
import type { Disposer } from '../runtime/disposer.ts';
import type { HandlerSettings } from './app.ts';
import { CA_CLASS } from './classes.ts';

/** Largest TTL and pause a student may type: one day. */
export const MAX_SECONDS = 86_400;

/** Largest database latency: five seconds. */
export const MAX_DB_MS = 5000;

/** `product_id: int` in the path; FastAPI answers 422 to anything else. */
export function validateProductId(raw: string): Validation<number> {
  const r = validateIntInRange(raw, 0, 999_999, 'Номер товара');
  if (r.ok || /^\s*-?\d+\s*$/.test(raw)) return r;
  return { ok: false, message: `${r.message} На такой путь FastAPI ответил бы 422.` };
}

/** SETEX seconds: Redis rejects 0 and negatives («invalid expire time»). */
export function validateTtl(raw: string): Validation<number> {
  const r = validateIntInRange(raw, 1, MAX_SECONDS, 'TTL');
  if (!r.ok && /^\s*(-\d+|0+)\s*$/.test(raw)) {
    return {
      ok: false,
      message: `${r.message} SETEX с таким TTL Redis отвергает: invalid expire time.`,
    };
  }
  return r;
}

/** Database read time in ms. */
export function validateDbMs(raw: string): Validation<number> {
  return validateIntInRange(raw, 0, MAX_DB_MS, 'Задержка БД');
}

/** A pause on the virtual clock, in seconds. */
export function validateWait(raw: string): Validation<number> {
  return validateIntInRange(raw, 1, MAX_SECONDS, 'Пауза');
}

/** Highest price a student may set, in roubles. */
export const MAX_PRICE = 10_000_000;

/** A new price for PUT /products/{id}: `price: int` of the slide's PriceUpdate model. */
export function validatePrice(raw: string): Validation<number> {
  const text = raw.trim();
  if (!/^\d{1,8}$/.test(text) || Number(text) < 1 || Number(text) > MAX_PRICE) {
    return { ok: false, message: `Цена: целое число от 1 до ${MAX_PRICE} ₽.` };
  }
  return { ok: true, value: Number(text) };
}

/** What the controls ask the widget to do; a returned string is shown as the field's error. */
export interface CacheInputHandlers {
  request(productId: number): string | undefined;
  update(productId: number, price: number): string | undefined;
  wait(seconds: number): string | undefined;
  settings(next: HandlerSettings): void;
}

/** The controls and a way to show the settings in use. */
export interface CacheInputs {
  readonly element: HTMLElement;
  sync(settings: HandlerSettings): void;
  /** Puts every field back to the slide's values and clears its message. */
  reset(settings: HandlerSettings): void;
}

function onEnter(disposer: Disposer, field: Field, run: () => void): void {
  disposer.listen(field.input, 'keydown', (e) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      // reveal.js must not read Enter typed in a field as navigation.
      e.stopPropagation();
      run();
    }
  });
}

/** Builds the controls; listeners go through `disposer`. */
export function createCacheInputs(
  disposer: Disposer,
  current: () => HandlerSettings,
  on: CacheInputHandlers,
): CacheInputs {
  const num = (name: string, label: string, value: string, size: number) =>
    createField({ name, label, value, inputMode: 'numeric', size });
  const product = num('product-id', 'Товар №', '1', 4);
  const waitField = num('wait-seconds', 'Пауза, с', '60', 5);
  const ttl = num('ttl', 'TTL, с', String(current().ttlSeconds), 5);
  const db = num('db-ms', 'БД, мс', String(current().dbMs), 4);
  const request = actionButton('request', 'GET /products/{id}');
  const price = num('price', 'Новая цена, ₽', '79990', 6);
  const update = actionButton('update', 'PUT /products/{id}');
  const wait = actionButton('wait', 'Подождать');

  const doRequest = (): void => {
    const id = product.read(validateProductId);
    if (id !== undefined) product.setError(on.request(id));
  };
  const doUpdate = (): void => {
    const id = product.read(validateProductId);
    const p = price.read(validatePrice);
    if (id !== undefined && p !== undefined) price.setError(on.update(id, p));
  };
  const doWait = (): void => {
    const seconds = waitField.read(validateWait);
    if (seconds !== undefined) waitField.setError(on.wait(seconds));
  };
  const doTtl = (): void => {
    const t = ttl.read(validateTtl);
    if (t !== undefined && t !== current().ttlSeconds) on.settings({ ...current(), ttlSeconds: t });
  };
  const doDb = (): void => {
    const d = db.read(validateDbMs);
    if (d !== undefined && d !== current().dbMs) on.settings({ ...current(), dbMs: d });
  };
  disposer.listen(request, 'click', doRequest);
  onEnter(disposer, product, doRequest);
  disposer.listen(update, 'click', doUpdate);
  onEnter(disposer, price, doUpdate);
  disposer.listen(wait, 'click', doWait);
  onEnter(disposer, waitField, doWait);
  for (const [field, apply] of [
    [ttl, doTtl],
    [db, doDb],
  ] as const) {
    disposer.listen(field.input, 'change', apply);
    onEnter(disposer, field, apply);
  }
  const element = h(
    'div',
    { class: `${WIDGET_CLASS.inputs} ${CA_CLASS.inputs}` },
    h('div', { class: CA_CLASS.group }, product.element, request),
    h('div', { class: CA_CLASS.group }, price.element, update),
    h('div', { class: CA_CLASS.group }, waitField.element, wait),
    h('div', { class: CA_CLASS.group }, ttl.element, db.element),
  );
  return {
    element,
    reset(settings) {
      const values: [Field, string][] = [
        [product, '1'],
        [price, '79990'],
        [waitField, '60'],
        [ttl, String(settings.ttlSeconds)],
        [db, String(settings.dbMs)],
      ];
      for (const [field, value] of values) {
        field.setError(undefined);
        field.input.value = value;
      }
    },
    sync(settings) {
      // A rejected entry stays visible with its message; only valid fields follow the settings.
      if (ttl.input.getAttribute('aria-invalid') !== 'true')
        ttl.input.value = String(settings.ttlSeconds);
      if (db.input.getAttribute('aria-invalid') !== 'true') db.input.value = String(settings.dbMs);
    },
  };
}
