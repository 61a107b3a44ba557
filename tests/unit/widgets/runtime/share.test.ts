import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { WIDGETS, WIDGET_NAMES, type WidgetName } from '../../../../src/lecture/names.ts';
import {
  MAX_SHARE_CHARS,
  SHARE_MESSAGES,
  decodeShare,
  encodeShare,
  shareHash,
  splitShareHash,
  type Decoded,
  type SharedWidget,
} from '../../../../src/widgets/runtime/share.ts';
import { MAX_ACTIONS, Timeline } from '../../../../src/widgets/runtime/timeline.ts';
import { SHARE_SAMPLES } from './share-samples.ts';

function stateOf(decoded: Decoded): SharedWidget {
  if (!decoded.ok) throw new Error(`not decoded: ${decoded.message}`);
  return decoded.state;
}

/** Deflated base64url of `text`, as a v1 link would carry it (to forge links). */
async function v1Of(text: string): Promise<string> {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
  return `1.${Buffer.from(bytes).toString('base64url')}`;
}

/** The timeline a student left: seeks and actions in `moves`, then `step`. */
function played(
  name: WidgetName,
  story: string,
  moves: readonly (number | object)[],
  step: number,
) {
  const timeline = new Timeline(SHARE_SAMPLES[name].logic, story, WIDGETS[name].steps);
  for (const move of moves) {
    if (typeof move === 'number') timeline.seek(move);
    else timeline.act(move);
  }
  timeline.seek(step);
  return timeline;
}

describe('a widget state in a link: round trip', () => {
  for (const name of WIDGET_NAMES) {
    it(`${name}: a random session restores to the same frame (view and caption)`, async () => {
      const { actions: pool } = SHARE_SAMPLES[name];
      const steps = WIDGETS[name].steps;
      const move =
        pool.length > 0
          ? fc.oneof(fc.integer({ min: 0, max: steps }), fc.constantFrom(...pool))
          : fc.integer({ min: 0, max: steps });
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...WIDGETS[name].stories),
          fc.array(move, { maxLength: 25 }),
          fc.integer({ min: 0, max: steps }),
          fc.integer({ min: 0, max: 3 }),
          async (story, moves, step, slot) => {
            const left = played(name, story, moves, step);
            const payload = await encodeShare({
              widget: name,
              slot,
              story,
              step,
              actions: left.actions,
            });
            const { state } = { state: stateOf(await decodeShare(payload)) };
            expect([state.widget, state.slot, state.story, state.step]).toEqual([
              name,
              slot,
              story,
              step,
            ]);
            expect(state.actions).toEqual(left.actions);
            const opened = played(
              name,
              state.story,
              [state.step, ...(state.actions as object[])],
              state.step,
            );
            expect(opened.frame.view).toEqual(left.frame.view);
            expect(opened.frame.caption).toBe(left.frame.caption);
          },
        ),
        { numRuns: 25 },
      );
    });
  }

  it('any JSON actions come back as they went, __proto__ keys included, nothing polluted', async () => {
    const key = fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('__proto__', 'constructor'));
    const action = fc.dictionary(key, fc.jsonValue({ maxDepth: 3 }), { maxKeys: 5 });
    await fc.assert(
      fc.asyncProperty(fc.array(action, { maxLength: 20 }), async (actions) => {
        const state: SharedWidget = {
          widget: 'redis-list-queue',
          slot: 0,
          story: 'list-queue',
          step: 3,
          actions,
        };
        const back = stateOf(await decodeShare(await encodeShare(state)));
        expect(back.actions).toEqual(JSON.parse(JSON.stringify(actions)));
      }),
      { numRuns: 100 },
    );
    const forged = await v1Of(
      '{"w":"redis-list-queue","i":0,"s":"list-queue","n":1,"a":[{"__proto__":{"polluted":true},"type":"requeue"}]}',
    );
    const [decoded] = stateOf(await decodeShare(forged)).actions as Record<string, unknown>[];
    expect(Object.hasOwn(decoded ?? {}, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(decoded)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});

describe('old, forged, truncated and oversized links', () => {
  // Written by the first version (1.) of the format; it must keep opening in every later one.
  const V1_LINK =
    '1.q1YqV7JSKkpNySzWzcksLtEtLE0tTVXSUcpUsjLQUSpWslJCEc5TsjLRUUpUsoquViqpLEgFyReUFmco6SiVJeaUgvgX9l_YcbHxYs-FPRf2KdXqwNUVpUIMqY2tBQA';

  it('a link of format 1 still opens', async () => {
    expect(stateOf(await decodeShare(V1_LINK))).toEqual({
      widget: 'redis-list-queue',
      slot: 0,
      story: 'list-queue',
      step: 4,
      actions: [{ type: 'lpush', value: 'письмо' }, { type: 'requeue' }],
    });
  });

  it('a link of an unknown format says so; one without a format is damaged', async () => {
    expect(await decodeShare('7.AAAA')).toEqual({
      ok: false,
      message: SHARE_MESSAGES.newer('«7»'),
    });
    expect(await decodeShare('hello')).toEqual({ ok: false, message: SHARE_MESSAGES.damaged });
    expect(await decodeShare('<img src=x onerror=alert(1)>')).toEqual({
      ok: false,
      message: SHARE_MESSAGES.damaged,
    });
  });

  it('every truncation of a link is refused as damaged, never thrown', async () => {
    const full = await encodeShare({
      widget: 'kafka-partitions',
      slot: 0,
      story: 'producer',
      step: 3,
      actions: SHARE_SAMPLES['kafka-partitions'].actions,
    });
    for (let cut = 0; cut < full.length; cut++) {
      const decoded = await decodeShare(full.slice(0, cut));
      expect(decoded.ok, `cut at ${cut}`).toBe(false);
    }
  });

  it('a well-formed link with a wrong field is refused as damaged', async () => {
    const ok = { w: 'redis-list-queue', i: 0, s: 'list-queue', n: 2, a: [] };
    const forgeries: Record<string, unknown>[] = [
      { ...ok, w: 'no-such-widget' },
      { ...ok, w: '__proto__' },
      { ...ok, s: 'other-story' },
      { ...ok, n: 10 },
      { ...ok, n: -1 },
      { ...ok, n: 1.5 },
      { ...ok, i: '0' },
      { ...ok, a: {} },
      { ...ok, a: [1] },
      { ...ok, a: [[{ type: 'requeue' }]] },
      { ...ok, a: Array.from({ length: MAX_ACTIONS + 1 }, () => ({ type: 'requeue' })) },
      { ...ok, a: [{ type: 'lpush', value: { '~map': [1] } }] },
    ];
    expect(stateOf(await decodeShare(await v1Of(JSON.stringify(ok)))).step).toBe(2);
    for (const forged of forgeries) {
      expect(
        await decodeShare(await v1Of(JSON.stringify(forged))),
        JSON.stringify(forged).slice(0, 80),
      ).toEqual({
        ok: false,
        message: SHARE_MESSAGES.damaged,
      });
    }
    expect((await decodeShare(await v1Of('[1, 2'))).ok).toBe(false);
    expect((await decodeShare('1.' + Buffer.from([0xff, 0xfe]).toString('base64url'))).ok).toBe(
      false,
    );
  });

  it('an oversized link, or one that inflates past the limit, is refused at once', async () => {
    const long = `1.${'A'.repeat(MAX_SHARE_CHARS)}`;
    expect(await decodeShare(long)).toEqual({ ok: false, message: SHARE_MESSAGES.tooLong });
    // 8 MB of spaces deflate into about 11 000 characters: a bomb must not be inflated to the end.
    const bomb = await v1Of(' '.repeat(8 * 1024 * 1024));
    expect(bomb.length).toBeLessThan(MAX_SHARE_CHARS);
    const started = performance.now();
    expect(await decodeShare(bomb)).toEqual({ ok: false, message: SHARE_MESSAGES.tooLong });
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

describe('link length', () => {
  it('a typical state is short and 400 actions fit under the limit', async () => {
    const typical = await encodeShare({
      widget: 'redis-list-queue',
      slot: 0,
      story: 'list-queue',
      step: 6,
      actions: [
        { type: 'lpush', value: 'письмо для Оли' },
        { type: 'start', worker: 'W5', mode: 'BLMOVE' },
        { type: 'crash', worker: 'W5' },
      ],
    });
    const many = Array.from({ length: MAX_ACTIONS }, (_, i) => ({
      type: 'publish',
      routingKey: `order.${['eu', 'us', 'asia'][i % 3]}.${i}`,
      headers: new Map([['n', String(i * 7919)]]),
      mandatory: i % 2 === 0,
    }));
    const longest = await encodeShare({
      widget: 'exchange-routing',
      slot: 0,
      story: 'topic',
      step: 5,
      actions: many,
    });
    console.info(
      `share link <data>: typical ${typical.length} chars, 400 actions ${longest.length} chars (limit ${MAX_SHARE_CHARS})`,
    );
    expect(typical.length).toBeLessThan(240);
    expect(longest.length).toBeLessThan(MAX_SHARE_CHARS);
    expect(stateOf(await decodeShare(longest)).actions).toEqual(many);
  });
});

describe('the hash', () => {
  it('splits the slide anchor from the state, in the deck and in the reading view', () => {
    expect(splitShareHash('#/s-17?w=1.abc')).toEqual({
      anchor: '#/s-17',
      section: 17,
      payload: '1.abc',
    });
    expect(splitShareHash('#s-41?w=1.x')).toEqual({ anchor: '#s-41', section: 41, payload: '1.x' });
    expect(splitShareHash('#/s-17/3')).toEqual({
      anchor: '#/s-17/3',
      section: 17,
      payload: undefined,
    });
    expect(splitShareHash('#/title')).toEqual({
      anchor: '#/title',
      section: undefined,
      payload: undefined,
    });
    expect(shareHash(17, '1.abc', 'deck')).toBe('#/s-17?w=1.abc');
    expect(shareHash(17, '1.abc', 'read')).toBe('#s-17?w=1.abc');
  });
});
