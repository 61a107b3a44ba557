// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { defineWidget } from '../../../../src/widgets/runtime/kit.ts';
import { mountWidget } from '../../../../src/widgets/runtime/mount.ts';
import { refuse, type WidgetLogic } from '../../../../src/widgets/runtime/timeline.ts';

/** A counter: each step adds 1; an action adds its amount, refused when odd, thrown when not a number. */
const counterLogic: WidgetLogic<number, { n: number }, number, 'list-queue'> = {
  init: () => 0,
  play: (n) => n + 1,
  act(n, amount) {
    if (typeof amount !== 'number') throw new TypeError('not a number');
    return amount % 2 === 1 ? refuse(`нечётное ${amount}`) : n + amount;
  },
  view: (n) => ({ n }),
  caption: (v) => `n = ${v.n}`,
};

const counter = defineWidget({
  name: 'redis-list-queue',
  logic: counterLogic,
  picture: () => () => undefined,
  lab: () => ({}),
});

afterEach(() => document.body.replaceChildren());

function mounted() {
  const slot = document.createElement('div');
  document.body.append(slot);
  return mountWidget(slot, 'redis-list-queue', counter, { reducedMotion: true });
}

describe('the kit restores a shared action log', () => {
  it('replays each action through act on the current step, skipping refused and throwing ones', () => {
    const handle = mounted();
    handle.setStep(3, false);
    const reasons = handle.restore([2, 3, 'x', 4]);
    expect(reasons).toEqual(['нечётное 3', 'действие не распознано']);
    expect(handle.actions()).toEqual([2, 4]);
    expect(handle.root.querySelector('.w-caption')?.textContent).toBe('n = 9');
    // The restored log stays under the story like a student's: back to step 1, same actions.
    handle.setStep(1, false);
    expect(handle.root.querySelector('.w-caption')?.textContent).toBe('n = 7');
  });

  it('notify shows a message in the lab note until the next frame', () => {
    const handle = mounted();
    handle.notify('Ссылка повреждена');
    const note = handle.root.querySelector('[data-note]');
    expect(note?.textContent).toBe('Ссылка повреждена');
    handle.setStep(1, false);
    expect(note?.textContent).toBe('');
  });
});
