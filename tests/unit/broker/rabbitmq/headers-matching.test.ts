import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { headersBindingError, headersMatch } from '../../../../src/broker/rabbitmq/index.ts';
import { headersCases, type HeadersTable } from '../../../fixtures/broker/rabbitmq/cases.ts';

const fixture = JSON.parse(
  readFileSync(
    new URL('../../../fixtures/broker/rabbitmq/headers-table.json', import.meta.url),
    'utf8',
  ),
) as HeadersTable;

describe('headers matching', () => {
  it('x-match all (the default) needs every non-x- argument; no arguments match everything', () => {
    expect(headersMatch({}, undefined)).toBe(true);
    expect(headersMatch({ 'x-match': 'all' }, { a: 1 })).toBe(true);
    expect(headersMatch({ a: 1, b: 'x' }, { a: 1, b: 'x', c: 3 })).toBe(true);
    expect(headersMatch({ a: 1, b: 'x' }, { a: 1 })).toBe(false);
    expect(headersMatch({ a: 1 }, undefined)).toBe(false);
  });

  it('x-match any needs one argument; with none left it matches nothing', () => {
    expect(headersMatch({ 'x-match': 'any', a: 1, b: 2 }, { b: 2 })).toBe(true);
    expect(headersMatch({ 'x-match': 'any', a: 1, b: 2 }, { a: 2, b: 1 })).toBe(false);
    expect(headersMatch({ 'x-match': 'any' }, { a: 1 })).toBe(false);
  });

  it('ignores x- arguments unless the mode is all-with-x or any-with-x', () => {
    expect(headersMatch({ 'x-match': 'all', 'x-k': 1 }, {})).toBe(true);
    expect(headersMatch({ 'x-match': 'all-with-x', 'x-k': 1 }, {})).toBe(false);
    expect(headersMatch({ 'x-match': 'all-with-x', 'x-k': 1 }, { 'x-k': 1 })).toBe(true);
    expect(headersMatch({ 'x-match': 'any', 'x-k': 1 }, { 'x-k': 1 })).toBe(false);
    expect(headersMatch({ 'x-match': 'any-with-x', 'x-k': 1 }, { 'x-k': 1 })).toBe(true);
    // x-match itself is never compared, even in the -with-x modes.
    expect(headersMatch({ 'x-match': 'all-with-x' }, {})).toBe(true);
  });

  it('a void (null) argument asks only for the header to be present', () => {
    expect(headersMatch({ a: null }, { a: 'anything' })).toBe(true);
    expect(headersMatch({ a: null }, { a: null })).toBe(true);
    expect(headersMatch({ a: null }, { b: 1 })).toBe(false);
    expect(headersMatch({ a: 1 }, { a: null })).toBe(false);
  });

  it('compares numbers as Erlang == does: int 1 equals double 1.0; float 0.1 is not double 0.1', () => {
    expect(headersMatch({ a: 1 }, { a: { '!': 'double', value: 1 } })).toBe(true);
    expect(headersMatch({ a: { '!': 'long', value: 2 } }, { a: 2 })).toBe(true);
    expect(headersMatch({ a: 0.1 }, { a: { '!': 'float', value: 0.1 } })).toBe(false);
    expect(headersMatch({ a: 1.5 }, { a: { '!': 'float', value: 1.5 } })).toBe(true);
    expect(headersMatch({ a: 1 }, { a: '1' })).toBe(false);
    expect(headersMatch({ a: true }, { a: 1 })).toBe(false);
  });

  it('compares nested values with their types and, for tables, their key order', () => {
    expect(headersMatch({ a: [1, 'x'] }, { a: [1, 'x'] })).toBe(true);
    expect(headersMatch({ a: [1, 'x'] }, { a: [{ '!': 'double', value: 1 }, 'x'] })).toBe(false);
    expect(headersMatch({ a: { n: 1, m: 2 } }, { a: { n: 1, m: 2 } })).toBe(true);
    expect(headersMatch({ a: { n: 1, m: 2 } }, { a: { m: 2, n: 1 } })).toBe(false);
  });

  it('refuses a bad x-match at bind time (406), as validate_binding does', () => {
    expect(headersBindingError({ 'x-match': 'any' })).toBeUndefined();
    expect(headersBindingError({ a: 1 })).toBeUndefined();
    expect(headersBindingError({ 'x-match': 'some' })).toMatch(/Invalid x-match field value/);
    expect(headersBindingError({ 'x-match': 1 })).toMatch(/Invalid x-match field type/);
  });

  it('agrees with the committed table from a real RabbitMQ 3.10 (every binding × message)', () => {
    const cases = headersCases();
    expect(fixture.bindings).toEqual(cases.bindings);
    expect(fixture.messages).toEqual(cases.messages);
    const model = fixture.bindings.map((b) =>
      fixture.messages.flatMap((h, i) => (headersMatch(b, h ?? undefined) ? [i] : [])),
    );
    expect(model).toEqual(fixture.matches);
  });
});
