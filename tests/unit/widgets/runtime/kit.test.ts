// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { defineWidget, type PictureSize } from '../../../../src/widgets/runtime/kit.ts';
import { mountWidget } from '../../../../src/widgets/runtime/mount.ts';
import { refuse, type WidgetLogic } from '../../../../src/widgets/runtime/timeline.ts';

/** A counter widget: each scripted step adds 1, each action adds its amount (refused when odd). */
const counterLogic: WidgetLogic<number, { n: number; step: number }, number, 'list-queue'> = {
  init: () => 0,
  play: (n) => n + 1,
  act: (n, amount) => (amount % 2 === 1 ? refuse(`нечётное ${amount}`) : n + amount),
  view: (n, at) => ({ n, step: at.step }),
  caption: (v) => `n = ${v.n}`,
};

/** A fake ResizeObserver the test triggers by hand; `observed` counts the observers made. */
class FakeObserver {
  static made: FakeObserver[] = [];
  readonly targets: Element[] = [];
  constructor(readonly callback: () => void) {
    FakeObserver.made.push(this);
  }
  observe(target: Element): void {
    this.targets.push(target);
  }
  disconnect(): void {
    this.targets.length = 0;
  }
}

const realObserver = globalThis.ResizeObserver;
afterEach(() => {
  globalThis.ResizeObserver = realObserver;
  FakeObserver.made = [];
  document.body.replaceChildren();
});

/** Gives `element` a settable layout width (happy-dom lays nothing out). */
function settableWidth(element: HTMLElement, width: number): { set(w: number): void } {
  let current = width;
  Object.defineProperty(element, 'clientWidth', { configurable: true, get: () => current });
  return {
    set(w) {
      current = w;
    },
  };
}

describe('the kit tells the picture its width', () => {
  it('passes the width and the face, and redraws only when a breakpoint is crossed', () => {
    globalThis.ResizeObserver = FakeObserver as unknown as typeof ResizeObserver;
    const sizes: PictureSize[] = [];
    const module = defineWidget({
      name: 'redis-list-queue',
      logic: counterLogic,
      breakpoints: [500, 900],
      picture: (host) => {
        // The box's width before the first frame: the slot is laid out by the time it is drawn.
        settableWidth(host.element, 1000);
        return (_view, _previous, _animate, size) => {
          sizes.push(size);
        };
      },
    });
    const slot = document.createElement('div');
    document.body.append(slot);
    const handle = mountWidget(slot, 'redis-list-queue', module, { face: 'stage' });
    expect(FakeObserver.made).toHaveLength(1);
    const observer = FakeObserver.made[0];
    const picture = handle.root.querySelector<HTMLElement>('.w-picture');
    expect(observer?.targets).toEqual([picture]);
    expect(sizes.at(-1)).toEqual({ width: 1000, face: 'stage' });
    const width = settableWidth(picture as HTMLElement, 1000);
    const drawn = sizes.length;

    // Within the band [900, ∞): nothing is drawn again.
    width.set(950);
    observer?.callback();
    expect(sizes).toHaveLength(drawn);
    // Below 900: the same frame again, told the new width.
    width.set(640);
    observer?.callback();
    expect(sizes).toHaveLength(drawn + 1);
    expect(sizes.at(-1)).toEqual({ width: 640, face: 'stage' });
    width.set(520);
    observer?.callback();
    expect(sizes).toHaveLength(drawn + 1);
    width.set(390);
    observer?.callback();
    expect(sizes.at(-1)).toEqual({ width: 390, face: 'stage' });

    handle.setFace('lab');
    expect(sizes.at(-1)).toEqual({ width: 390, face: 'lab' });
    handle.destroy();
    expect(observer?.targets).toEqual([]);
  });

  it('keeps the caption and a refusal note when it redraws for a new width', () => {
    globalThis.ResizeObserver = FakeObserver as unknown as typeof ResizeObserver;
    let act: ((amount: number) => void) | undefined;
    const module = defineWidget({
      name: 'redis-list-queue',
      logic: counterLogic,
      breakpoints: [500],
      picture: (host) => () => {
        host.element.textContent = `w=${host.size().width}`;
      },
      lab: (host) => {
        act = (amount) => host.notify(host.act(amount));
        return {};
      },
    });
    const slot = document.createElement('div');
    document.body.append(slot);
    const handle = mountWidget(slot, 'redis-list-queue', module);
    const picture = handle.root.querySelector<HTMLElement>('.w-picture') as HTMLElement;
    const width = settableWidth(picture, 800);
    handle.setStep(2, false);
    expect(picture.textContent).toBe('w=800');
    act?.(3);
    const note = handle.root.querySelector('[data-note]');
    expect(note?.textContent).toBe('нечётное 3');
    width.set(300);
    FakeObserver.made[0]?.callback();
    expect(picture.textContent).toBe('w=300');
    expect(handle.root.querySelector('[role=status]')?.textContent).toBe('n = 2');
    expect(note?.textContent).toBe('нечётное 3');
    handle.destroy();
  });

  it('makes no observer for a picture without breakpoints', () => {
    globalThis.ResizeObserver = FakeObserver as unknown as typeof ResizeObserver;
    const module = defineWidget({
      name: 'redis-list-queue',
      logic: counterLogic,
      picture: () => () => undefined,
    });
    mountWidget(document.createElement('div'), 'redis-list-queue', module).destroy();
    expect(FakeObserver.made).toHaveLength(0);
  });
});

describe('the legend is a function of the view', () => {
  it('draws the legend for each frame and face after the picture, swapping it only when it changed', () => {
    const calls: string[] = [];
    const module = defineWidget({
      name: 'redis-list-queue',
      logic: counterLogic,
      picture: () => () => undefined,
      legend: (view, size) => {
        calls.push(`${view.n} ${size.face}`);
        const list = document.createElement('ul');
        list.className = 'w-legend';
        list.textContent =
          view.n >= 2 ? `два и больше (${size.face})` : `меньше двух (${size.face})`;
        return list;
      },
    });
    const slot = document.createElement('div');
    document.body.append(slot);
    const handle = mountWidget(slot, 'redis-list-queue', module, { face: 'stage' });
    const legend = () => handle.root.querySelectorAll('.w-legend');
    expect(legend()).toHaveLength(1);
    expect(legend()[0]?.previousElementSibling?.classList.contains('w-picture')).toBe(true);
    expect(legend()[0]?.textContent).toBe('меньше двух (stage)');
    const first = legend()[0];
    handle.setStep(1, false);
    expect(calls.at(-1)).toBe('1 stage');
    // The same items: the element stays (no flicker, nothing re-laid out).
    expect(legend()[0]).toBe(first);
    handle.setStep(3, false);
    expect(legend()).toHaveLength(1);
    expect(legend()[0]?.textContent).toBe('два и больше (stage)');
    handle.setFace('lab');
    expect(legend()[0]?.textContent).toBe('два и больше (lab)');
    handle.destroy();
  });
});

describe('mounting draws the first frame once', () => {
  it('one paint, one legend and one question at mount; a face change draws again', () => {
    let paints = 0;
    let legends = 0;
    let questions = 0;
    const module = defineWidget({
      name: 'redis-list-queue',
      logic: counterLogic,
      picture: () => () => {
        paints++;
      },
      legend: () => {
        legends++;
        return document.createElement('ul');
      },
      question: () => {
        questions++;
        return undefined;
      },
    });
    const slot = document.createElement('div');
    document.body.append(slot);
    const handle = mountWidget(slot, 'redis-list-queue', module, { face: 'lab' });
    expect({ paints, legends, questions }).toEqual({ paints: 1, legends: 1, questions: 1 });
    // The face it already shows: nothing to draw.
    handle.setFace('lab');
    expect(paints).toBe(1);
    handle.setFace('stage');
    expect(paints).toBe(2);
    handle.destroy();
  });
});

describe('the question is asked once per frame', () => {
  it('a draw of the same frame neither asks again nor rebuilds the box', () => {
    const asked: string[] = [];
    const module = defineWidget({
      name: 'redis-list-queue',
      logic: counterLogic,
      picture: () => () => undefined,
      question: ({ step, actions }) => {
        asked.push(`${step}/${actions.length}`);
        return { id: `q${step}`, text: 'Сколько?', choices: ['1', '2'], answer: 0, explain: '.' };
      },
    });
    const slot = document.createElement('div');
    document.body.append(slot);
    const handle = mountWidget(slot, 'redis-list-queue', module, { face: 'lab' });
    const box = (): Element | null => handle.root.querySelector('.w-question__text');
    const first = box();
    expect(asked).toEqual(['0/0']);
    // The deck shows the step its fragments say right after mounting: the same frame.
    handle.setStep(0, false);
    expect(asked).toEqual(['0/0']);
    expect(box()).toBe(first);
    handle.setStep(1, false);
    handle.restore([2]);
    expect(asked).toEqual(['0/0', '1/0', '1/1']);
    // The stage asks about the next step and the one just played (its answer), once.
    handle.setFace('stage');
    expect(asked).toEqual(['0/0', '1/0', '1/1', '1/1', '0/1']);
    handle.setStep(1, false);
    expect(asked).toHaveLength(5);
    handle.setFace('lab');
    expect(asked).toEqual(['0/0', '1/0', '1/1', '1/1', '0/1', '1/1']);
    handle.destroy();
  });
});

describe('the kit owns what a frame runs, the focus and the ids', () => {
  it('cancels what a frame started when the next frame is drawn (a seek or an action) and on destroy', () => {
    const cancelled: number[] = [];
    let frames = 0;
    let act: ((amount: number) => string | undefined) | undefined;
    const module = defineWidget({
      name: 'redis-list-queue',
      logic: counterLogic,
      picture: (host) => {
        act = host.act;
        return () => {
          const frame = ++frames;
          return [{ cancel: () => cancelled.push(frame) }];
        };
      },
    });
    const slot = document.createElement('div');
    document.body.append(slot);
    const handle = mountWidget(slot, 'redis-list-queue', module, { face: 'lab' });
    expect(cancelled).toEqual([]);
    handle.setStep(3, true);
    expect(cancelled).toEqual([1]);
    expect(act?.(2)).toBeUndefined();
    expect(cancelled).toEqual([1, 2]);
    // A refused action draws nothing, so nothing is cancelled.
    expect(act?.(1)).toBe('нечётное 1');
    expect(cancelled).toEqual([1, 2]);
    handle.destroy();
    expect(cancelled).toEqual([1, 2, 3]);
  });

  it('gives the focus back to the control with the same focus key after a redraw, or its parent key', () => {
    const module = defineWidget({
      name: 'redis-list-queue',
      logic: counterLogic,
      picture: (host) => (view) => {
        // Every frame builds new buttons; at n ≥ 4 the «a/second» button is gone.
        const buttons = ['a/first', ...(view.n < 4 ? ['a/second'] : [])].map((key) => {
          const button = document.createElement('button');
          button.dataset['focusKey'] = key;
          button.textContent = key;
          return button;
        });
        host.element.replaceChildren(...buttons);
      },
    });
    const slot = document.createElement('div');
    document.body.append(slot);
    const handle = mountWidget(slot, 'redis-list-queue', module, { face: 'lab' });
    const focused = (): string | undefined =>
      (document.activeElement as HTMLElement | null)?.dataset['focusKey'];
    slot.querySelector<HTMLButtonElement>('[data-focus-key="a/second"]')?.focus();
    handle.setStep(1, false);
    expect(focused()).toBe('a/second');
    handle.setStep(4, false);
    expect(focused()).toBe('a/first');
    handle.destroy();
  });

  it('makes each instance its own ids, so labels point at their own control', () => {
    const ids: string[] = [];
    const module = defineWidget({
      name: 'redis-list-queue',
      logic: counterLogic,
      picture: () => () => undefined,
      lab: (host) => {
        ids.push(host.id('w-lq-mode'));
        return {};
      },
    });
    for (let i = 0; i < 3; i++) {
      const slot = document.createElement('div');
      document.body.append(slot);
      mountWidget(slot, 'redis-list-queue', module, { face: 'lab' });
    }
    expect(new Set(ids).size).toBe(3);
  });
});
