/**
 * The lab: which product to request or re-price, how long to wait on the virtual clock, the TTL
 * for SETEX and the database latency. Each field validates on use and shows its message next to
 * itself; an invalid value changes nothing else. Enter acts like the field's button and never
 * reaches reveal.js as navigation.
 */
import { actionButton } from '../runtime/dom.ts';
import { createField, type Field } from '../runtime/field.ts';
import type { KitHost, LabPanel } from '../runtime/kit.ts';
import { applyOnChange, inputRows, submitOnEnter } from '../runtime/parts.ts';
import { CA_CLASS } from './classes.ts';
import {
  validateDbMs,
  validatePrice,
  validateProductId,
  validateTtl,
  validateWait,
  type CacheLabAction,
  type CacheView,
} from './logic.ts';
import { DEFAULT_SETTINGS } from './story.ts';

/** The fields' values on the slide (and after «Сначала»). */
const START = { product: '1', price: '79990', wait: '60' } as const;

/** Builds the lab into the kit's element; TTL and latency follow the settings in force. */
export function cacheLab(host: KitHost<CacheView, CacheLabAction>): LabPanel<CacheView> {
  const { disposer } = host;
  const num = (name: string, label: string, value: string, size: number) =>
    createField({ name, label, value, inputMode: 'numeric', size });
  const product = num('product-id', 'Товар №', START.product, 4);
  const waitField = num('wait-seconds', 'Пауза, с', START.wait, 5);
  const ttl = num('ttl', 'TTL, с', String(DEFAULT_SETTINGS.ttlSeconds), 5);
  const db = num('db-ms', 'БД, мс', String(DEFAULT_SETTINGS.dbMs), 4);
  const price = num('price', 'Новая цена, ₽', START.price, 6);
  const request = actionButton('request', 'GET /products/{id}');
  const update = actionButton('update', 'PUT /products/{id}');
  const wait = actionButton('wait', 'Подождать');
  const settings = () => host.view().settings;

  const doRequest = (): void => {
    const id = product.read(validateProductId);
    if (id !== undefined) product.setError(host.act({ kind: 'request', productId: id }));
  };
  const doUpdate = (): void => {
    const id = product.read(validateProductId);
    const p = price.read(validatePrice);
    if (id !== undefined && p !== undefined) {
      price.setError(host.act({ kind: 'update', productId: id, price: p }));
    }
  };
  const doWait = (): void => {
    const seconds = waitField.read(validateWait);
    if (seconds !== undefined) waitField.setError(host.act({ kind: 'wait', seconds }));
  };
  const doTtl = (): void => {
    const t = ttl.read(validateTtl);
    if (t !== undefined && t !== settings().ttlSeconds) {
      ttl.setError(host.act({ kind: 'settings', ttlSeconds: t, dbMs: settings().dbMs }));
    }
  };
  const doDb = (): void => {
    const d = db.read(validateDbMs);
    if (d !== undefined && d !== settings().dbMs) {
      db.setError(host.act({ kind: 'settings', ttlSeconds: settings().ttlSeconds, dbMs: d }));
    }
  };
  submitOnEnter(disposer, [product], doRequest, request);
  submitOnEnter(disposer, [price], doUpdate, update);
  submitOnEnter(disposer, [waitField], doWait, wait);
  applyOnChange(disposer, ttl, doTtl);
  applyOnChange(disposer, db, doDb);
  host.element.append(
    inputRows(
      CA_CLASS.inputs,
      [product.element, request],
      [price.element, update],
      [waitField.element, wait],
      [ttl.element, db.element],
    ),
  );
  return {
    update(view) {
      // A rejected entry stays visible with its message; valid fields follow the settings.
      if (ttl.input.getAttribute('aria-invalid') !== 'true') {
        ttl.input.value = String(view.settings.ttlSeconds);
      }
      if (db.input.getAttribute('aria-invalid') !== 'true') {
        db.input.value = String(view.settings.dbMs);
      }
    },
    reset() {
      const values: [Field, string][] = [
        [product, START.product],
        [price, START.price],
        [waitField, START.wait],
        [ttl, String(DEFAULT_SETTINGS.ttlSeconds)],
        [db, String(DEFAULT_SETTINGS.dbMs)],
      ];
      for (const [field, value] of values) {
        field.setError(undefined);
        field.input.value = value;
      }
    },
  };
}
