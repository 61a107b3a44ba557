/**
 * The live protocol's parsers: every message survives a round trip through JSON, and anything
 * forged, oversized, not JSON or of another version is refused with the sender's message — never
 * a throw, never an unchecked field.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  LIVE_ERRORS,
  LIVE_VERSION,
  MAX_FOLLOWER_MESSAGE,
  MAX_LECTURER_MESSAGE,
  parseClientMessage,
  parseServerMessage,
  type ClientMessage,
  type LiveState,
  type ServerMessage,
} from '../../../src/live/protocol.ts';

const state: LiveState = {
  slide: 's-41',
  h: 41,
  v: 0,
  f: 2,
  widgets: [
    { slot: 0, step: 3 },
    { slot: 1, step: 0, shared: 'v1.abc-_DEF' },
  ],
  question: {
    id: 'kafka-rebalance',
    text: 'Кто получит сообщение?',
    choices: ['A', 'B'],
    answer: 1,
  },
  revealed: true,
  timer: { elapsed: 61_000, running: true },
};
const plainState: LiveState = {
  slide: 'title',
  h: 0,
  v: 0,
  f: -1,
  widgets: [],
  question: null,
  revealed: false,
};
const tally = { question: 'kafka-rebalance', counts: [3, 9], followers: 14 };

const clientMessages: ClientMessage[] = [
  { t: 'hello', v: LIVE_VERSION, role: 'follower', id: 'phone_1-a' },
  { t: 'hello', v: LIVE_VERSION, role: 'lecturer', id: 'deck', key: 'f'.repeat(32) },
  { t: 'hello', v: LIVE_VERSION, role: 'remote', id: 'r', key: 'r'.repeat(32) },
  { t: 'state', state },
  { t: 'state', state: plainState },
  {
    t: 'state',
    state: {
      ...plainState,
      question: { id: 'q2', text: 'Дальше?', choices: ['Да', 'Нет'] },
      answered: { id: 'q1', text: 'Раньше?', choices: ['Да', 'Нет'], answer: 0 },
    },
  },
  { t: 'vote', question: 'kafka-rebalance', choice: 1 },
  ...(['next', 'prev', 'pause', 'resume', 'reveal'] as const).map(
    (command) => ({ t: 'command', command }) as const,
  ),
];

const serverMessages: ServerMessage[] = [
  { t: 'welcome', role: 'follower', state: null, tally: null, voted: null },
  { t: 'welcome', role: 'follower', state, tally, voted: 1 },
  {
    t: 'welcome',
    role: 'lecturer',
    state: plainState,
    tally: null,
    voted: null,
    lecturer: { remoteKey: 'r'.repeat(32), joinUrl: 'http://x/?live', remoteUrl: 'http://x/?r' },
  },
  { t: 'state', state },
  { t: 'tally', tally },
  { t: 'audience', followers: 300, remotes: 1 },
  { t: 'command', command: 'next' },
  { t: 'voted', question: 'q', choice: 0 },
  { t: 'error', message: LIVE_ERRORS.rate },
];

describe('round trips', () => {
  it.each(clientMessages.map((m) => [m.t, m] as const))('client %s', (_t, message) => {
    expect(parseClientMessage(JSON.stringify(message), MAX_LECTURER_MESSAGE)).toEqual({
      ok: true,
      message,
    });
  });

  it.each(serverMessages.map((m) => [m.t, m] as const))('server %s', (_t, message) => {
    expect(parseServerMessage(JSON.stringify(message))).toEqual({ ok: true, message });
  });

  it('drops fields the protocol does not know', () => {
    const parsed = parseClientMessage(
      JSON.stringify({ t: 'vote', question: 'q', choice: 1, admin: true }),
      MAX_FOLLOWER_MESSAGE,
    );
    expect(parsed).toEqual({ ok: true, message: { t: 'vote', question: 'q', choice: 1 } });
    const welcome = parseServerMessage(
      JSON.stringify({ ...serverMessages[0], state: { ...plainState, script: 'alert(1)' } }),
    );
    expect(welcome.ok && welcome.message.t === 'welcome' && welcome.message.state).toEqual(
      plainState,
    );
  });
});

const shape = (what: string) => ({ ok: false, error: LIVE_ERRORS.shape(what) });

describe('refusals', () => {
  const client = (value: unknown, limit = MAX_FOLLOWER_MESSAGE) =>
    parseClientMessage(typeof value === 'string' ? value : JSON.stringify(value), limit);

  it('refuses text that is not a JSON object', () => {
    expect(client('{"t":"vote"')).toEqual({ ok: false, error: LIVE_ERRORS.notJson });
    expect(client('')).toEqual({ ok: false, error: LIVE_ERRORS.notJson });
    expect(client([1, 2])).toEqual(shape('не объект'));
    expect(client('null')).toEqual(shape('не объект'));
    expect(client({ t: 'shutdown' })).toEqual(shape('неизвестный тип'));
  });

  it('refuses a message over the sender’s limit before parsing it', () => {
    const long = JSON.stringify({ t: 'vote', question: 'q'.repeat(1_100), choice: 0 });
    expect(client(long)).toEqual({ ok: false, error: LIVE_ERRORS.tooLong(MAX_FOLLOWER_MESSAGE) });
    expect(LIVE_ERRORS.tooLong(MAX_FOLLOWER_MESSAGE)).toMatch(
      /^Сообщение длиннее 1\s024 знаков\.$/,
    );
  });

  it('refuses another version with a message naming both', () => {
    const parsed = client({ t: 'hello', v: 2, role: 'follower', id: 'a' });
    expect(parsed).toEqual({ ok: false, error: LIVE_ERRORS.version(2) });
    expect(LIVE_ERRORS.version(2)).toContain(`сервер: ${LIVE_VERSION}`);
  });

  it('refuses a forged hello', () => {
    const hello = { t: 'hello', v: LIVE_VERSION, role: 'follower', id: 'a' };
    expect(client({ ...hello, role: 'admin' })).toEqual(shape('неизвестная роль'));
    expect(client({ ...hello, id: 'a b' })).toEqual(shape('id страницы'));
    expect(client({ ...hello, id: 'x'.repeat(65) })).toEqual(shape('id страницы'));
    expect(client({ ...hello, key: 7 })).toEqual(shape('ключ'));
    expect(client({ ...hello, key: '' })).toEqual(shape('ключ'));
  });

  it('refuses a forged vote or command', () => {
    for (const choice of [-1, 4, 1.5, '1', null])
      expect(client({ t: 'vote', question: 'q', choice })).toEqual(shape('голос'));
    expect(client({ t: 'vote', question: '', choice: 0 })).toEqual(shape('голос'));
    expect(client({ t: 'command', command: 'quit' })).toEqual(shape('команда'));
  });

  it.each<[string, Record<string, unknown>]>([
    ['slide outside the deck', { slide: '../etc' }],
    ['negative index', { h: -1 }],
    ['fragment below -1', { f: -2 }],
    ['fractional step', { widgets: [{ slot: 0, step: 1.5 }] }],
    ['nine widgets', { widgets: Array.from({ length: 9 }, (_, slot) => ({ slot, step: 0 })) }],
    ['empty share', { widgets: [{ slot: 0, step: 0, shared: '' }] }],
    ['share too long', { widgets: [{ slot: 0, step: 0, shared: 'a'.repeat(16_001) }] }],
    ['one choice', { question: { id: 'q', text: 't', choices: ['a'] } }],
    ['five choices', { question: { id: 'q', text: 't', choices: ['a', 'b', 'c', 'd', 'e'] } }],
    ['answer out of range', { question: { id: 'q', text: 't', choices: ['a', 'b'], answer: 2 } }],
    ['revealed not boolean', { revealed: 1 }],
    ['timer negative', { timer: { elapsed: -5, running: true } }],
    [
      'an answered question without its answer',
      { answered: { id: 'q', text: 't', choices: ['a', 'b'] } },
    ],
  ])('refuses a state with %s', (_name, change) => {
    const message = { t: 'state', state: { ...plainState, ...change } };
    expect(client(message, MAX_LECTURER_MESSAGE)).toEqual(shape('состояние'));
  });

  it('refuses a forged server message', () => {
    expect(parseServerMessage('{"t":"welcome","role":"god"}')).toEqual(shape('роль'));
    expect(
      parseServerMessage(JSON.stringify({ t: 'tally', tally: { ...tally, counts: [-1] } })),
    ).toEqual(shape('итоги'));
    expect(
      parseServerMessage(JSON.stringify({ t: 'audience', followers: 1.5, remotes: 0 })),
    ).toEqual(shape('слушатели'));
    expect(parseServerMessage(JSON.stringify({ t: 'error', message: 'x'.repeat(501) }))).toEqual(
      shape('ошибка'),
    );
  });
});

describe('never throws', () => {
  it('on any text or any JSON value', () => {
    const text = fc.oneof(
      fc.string(),
      fc.jsonValue().map((v) => JSON.stringify(v)),
      fc
        .record({
          t: fc.constantFrom('hello', 'state', 'vote', 'command', 'welcome', 'tally', 'voted'),
          v: fc.anything(),
          role: fc.anything(),
          id: fc.anything(),
          state: fc.anything(),
          question: fc.anything(),
          choice: fc.anything(),
          tally: fc.anything(),
        })
        .map((v) => JSON.stringify(v) ?? ''),
    );
    fc.assert(
      fc.property(text, (t) => {
        const a = parseClientMessage(t, MAX_LECTURER_MESSAGE);
        const b = parseServerMessage(t);
        expect(typeof a.ok).toBe('boolean');
        expect(typeof b.ok).toBe('boolean');
      }),
      { numRuns: 2_000 },
    );
  });
});
