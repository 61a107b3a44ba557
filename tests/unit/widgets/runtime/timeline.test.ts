/**
 * The kit's timeline on a toy widget (a list the story pushes to and the student pops from):
 * incremental frames equal a replay from scratch, refused actions are never logged, actions a seek
 * makes unfit are dropped with their reason, the log has one limit, and an action's cost does not
 * grow with the log.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MAX_ACTIONS,
  TOO_MANY_ACTIONS,
  Timeline,
  refuse,
  replay,
  type WidgetLogic,
} from '../../../../src/widgets/runtime/timeline.ts';

type Action = { readonly type: 'push'; readonly value: string } | { readonly type: 'pop' };
interface Model {
  readonly items: readonly string[];
}

let acts = 0;
const logic: WidgetLogic<Model, { items: readonly string[]; step: number }, Action, 'toy'> = {
  init: () => Object.freeze({ items: Object.freeze([]) }),
  play: (model, _story, step) =>
    Object.freeze({ items: Object.freeze([...model.items, `s${step}`]) }),
  act(model, action) {
    acts += 1;
    if (action.type === 'push')
      return Object.freeze({ items: Object.freeze([...model.items, action.value]) });
    if (model.items.length === 0) return refuse('Список пуст — снимать нечего.');
    return Object.freeze({ items: Object.freeze(model.items.slice(0, -1)) });
  },
  view: (model, at) => ({ items: model.items, step: at.step }),
  caption: (view) => `Шаг ${view.step}: ${view.items.join(', ') || 'пусто'}`,
};

describe('widget kit timeline', () => {
  it('steps then actions, the same incrementally as from scratch', () => {
    const t = new Timeline(logic, 'toy', 3);
    expect(t.seek(2).view.items).toEqual(['s1', 's2']);
    expect(t.act({ type: 'push', value: 'a' })).toBeUndefined();
    expect(t.frame.view.items).toEqual(['s1', 's2', 'a']);
    expect(t.seek(3).view.items).toEqual(['s1', 's2', 's3', 'a']);
    expect(t.frame).toEqual(replay(logic, 'toy', 3, 3, t.actions));
    expect(t.seek(99).step).toBe(3);
    expect(t.seek(-4).step).toBe(0);
    expect(t.seek(Number.NaN).step).toBe(0);
  });

  it('a refused action is not logged and changes nothing', () => {
    const t = new Timeline(logic, 'toy', 3);
    expect(t.act({ type: 'pop' })).toBe('Список пуст — снимать нечего.');
    expect(t.actions).toEqual([]);
    expect(t.frame.caption).toBe('Шаг 0: пусто');
  });

  it('an action that no longer fits after a seek is dropped with its reason, never thrown', () => {
    const t = new Timeline(logic, 'toy', 3);
    t.seek(1);
    expect(t.act({ type: 'pop' })).toBeUndefined();
    const back = t.seek(0);
    expect(back.view.items).toEqual([]);
    expect(back.dropped).toEqual(['Список пуст — снимать нечего.']);
    // Forward again, the action fits and nothing is dropped.
    expect(t.seek(1).dropped).toEqual([]);
  });

  it('reset forgets the actions and keeps the step', () => {
    const t = new Timeline(logic, 'toy', 3);
    t.seek(2);
    t.act({ type: 'push', value: 'a' });
    expect(t.reset().view.items).toEqual(['s1', 's2']);
    expect(t.step).toBe(2);
    expect(t.actions).toEqual([]);
  });

  it(`one limit: action ${MAX_ACTIONS + 1} is refused with a message`, () => {
    const t = new Timeline(logic, 'toy', 3);
    for (let i = 0; i < MAX_ACTIONS; i++)
      expect(t.act({ type: 'push', value: 'x' })).toBeUndefined();
    expect(t.act({ type: 'push', value: 'y' })).toBe(TOO_MANY_ACTIONS);
    expect(t.actions).toHaveLength(MAX_ACTIONS);
  });

  it('the 400th action costs what the first does; a seek replays only what it has not kept', () => {
    const t = new Timeline(logic, 'toy', 3);
    t.seek(1);
    for (let i = 0; i < 399; i++) t.act({ type: 'push', value: String(i) });
    acts = 0;
    t.act({ type: 'push', value: 'last' });
    expect(acts).toBe(1);
    // Back to a kept step costs nothing new; a step not seen yet replays the log once.
    acts = 0;
    t.seek(2);
    expect(acts).toBe(400);
    acts = 0;
    t.seek(1);
    t.seek(2);
    expect(acts).toBe(0);
  });

  it('any seek/act sequence equals a replay from scratch', () => {
    const move = fc.oneof(
      fc.record({ kind: fc.constant('seek' as const), step: fc.integer({ min: -1, max: 4 }) }),
      fc.record({ kind: fc.constant('push' as const), value: fc.string({ maxLength: 3 }) }),
      fc.record({ kind: fc.constant('pop' as const) }),
    );
    fc.assert(
      fc.property(fc.array(move, { maxLength: 40 }), (moves) => {
        const t = new Timeline(logic, 'toy', 3);
        for (const m of moves) {
          if (m.kind === 'seek') t.seek(m.step);
          else t.act(m.kind === 'push' ? { type: 'push', value: m.value } : { type: 'pop' });
        }
        expect(t.frame).toEqual(replay(logic, 'toy', 3, t.step, t.actions));
      }),
      { seed: 13, numRuns: 200 },
    );
  });
});

describe('actions an action leaves out (a setting that replays the story)', () => {
  /** A toy whose «trim» keeps only the story's items and reports the student's it left out. */
  interface Trimmed {
    readonly items: readonly string[];
    readonly skipped: readonly string[];
  }
  type TrimAction = { readonly type: 'push'; readonly value: string } | { readonly type: 'trim' };
  const trimLogic: WidgetLogic<Trimmed, readonly string[], TrimAction, 'toy'> = {
    init: () => ({ items: [], skipped: [] }),
    play: (model, _story, step) => ({ items: [...model.items, `s${step}`], skipped: [] }),
    act(model, action) {
      if (action.type === 'push') return { items: [...model.items, action.value], skipped: [] };
      const story = model.items.filter((x) => x.startsWith('s'));
      const left = model.items.filter((x) => !x.startsWith('s')).map((x) => `${x} не подходит`);
      return { items: story, skipped: left };
    },
    skipped: (model) => model.skipped,
    view: (model) => model.items,
    caption: (items) => items.join(', '),
  };

  it('names them in the frame’s dropped, live and when a seek replays the log', () => {
    const t = new Timeline(trimLogic, 'toy', 3);
    t.seek(1);
    t.act({ type: 'push', value: 'a' });
    t.act({ type: 'push', value: 'b' });
    expect(t.frame.dropped).toEqual([]);
    expect(t.act({ type: 'trim' })).toBeUndefined();
    expect(t.frame.view).toEqual(['s1']);
    expect(t.frame.dropped).toEqual(['a не подходит', 'b не подходит']);
    // A later action keeps the frame's note; a seek replays the same from the log.
    t.act({ type: 'push', value: 'c' });
    expect(t.frame.dropped).toEqual(['a не подходит', 'b не подходит']);
    expect(t.seek(3).dropped).toEqual(['a не подходит', 'b не подходит']);
    expect(t.frame).toEqual(replay(trimLogic, 'toy', 3, 3, t.actions));
  });
});
