// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { defineWidget } from '../../../../src/widgets/runtime/kit.ts';
import { mountWidget, type WidgetHandle } from '../../../../src/widgets/runtime/mount.ts';
import type { Question } from '../../../../src/widgets/runtime/question.ts';
import type { WidgetLogic } from '../../../../src/widgets/runtime/timeline.ts';

/** A counter: each scripted step adds 1, each action adds its amount. */
const counterLogic: WidgetLogic<number, { n: number }, number, 'list-queue'> = {
  init: () => 0,
  play: (n) => n + 1,
  act: (n, amount) => n + amount,
  view: (n) => ({ n }),
  caption: (v) => `n = ${v.n}`,
};

/** Questions before steps 2, 5 and 6 (5 and 6 back to back): «what is n after the step?». */
const ASKED = [1, 4, 5];
function questionAt(step: number, n: number): Question | undefined {
  if (!ASKED.includes(step)) return undefined;
  return {
    id: `counter/list-queue/${step}`,
    text: `Чему будет равно n после шага ${step + 1}?`,
    choices: [n, n + 1, n + 2].map(String),
    answer: 1,
    explain: 'Шаг прибавляет единицу.',
  };
}

const module = defineWidget({
  name: 'redis-list-queue',
  logic: counterLogic,
  picture: (host) => (view) => {
    host.element.textContent = `n=${view.n}`;
  },
  legend: () => {
    const ul = document.createElement('ul');
    ul.className = 'w-legend';
    ul.textContent = 'легенда';
    return ul;
  },
  question: ({ step, now }) => questionAt(step, now.view.n),
});

afterEach(() => document.body.replaceChildren());

function mount(face: 'stage' | 'lab' = 'stage'): WidgetHandle {
  const slot = document.createElement('div');
  document.body.append(slot);
  return mountWidget(slot, 'redis-list-queue', module, { face, reducedMotion: true });
}

const box = (handle: WidgetHandle): HTMLElement => {
  const el = handle.root.querySelector<HTMLElement>('.w-question');
  if (!el) throw new Error('no question box');
  return el;
};
const items = (handle: WidgetHandle): HTMLElement[] => [
  ...box(handle).querySelectorAll<HTMLElement>('.w-question__list > li'),
];

describe('the stage asks the hall, then marks the answer after →', () => {
  it('at step n: the question and its lettered choices as text, under the picture', () => {
    const handle = mount();
    handle.setStep(1, false);
    const el = box(handle);
    expect(el.hidden).toBe(false);
    expect(el.classList.contains('w-question--stage')).toBe(true);
    expect(el.classList.contains('w-lab-only')).toBe(false);
    expect(el.querySelector('.w-question__text')?.textContent).toBe(
      'Чему будет равно n после шага 2?',
    );
    expect(items(handle).map((li) => li.textContent)).toEqual(['А.1', 'Б.2', 'В.3']);
    // No form controls on the stage, and no mark before the step played.
    expect(el.querySelector('button, input, select')).toBeNull();
    expect(el.querySelector('[data-right]')).toBeNull();
    // In the legend's place: after the picture.
    expect(el.previousElementSibling?.classList.contains('w-picture')).toBe(true);
    expect(handle.question()).toMatchObject({ answered: false, question: { answer: 1 } });
  });

  it('at step n+1: the same question with the right choice marked in words, then it goes', () => {
    const handle = mount();
    handle.setStep(1, false);
    handle.setStep(2, true);
    const right = items(handle).filter((li) => li.hasAttribute('data-right'));
    expect(right.map((li) => li.textContent)).toEqual(['Б.2✓ верно']);
    expect(box(handle).querySelector('.w-question__text')?.textContent).toBe(
      'Чему будет равно n после шага 2?',
    );
    expect(handle.question()).toMatchObject({
      answered: true,
      question: { id: 'counter/list-queue/1' },
    });
    handle.setStep(3, true);
    expect(box(handle).hidden).toBe(true);
    expect(handle.question()).toBeUndefined();
    // ← back to step n asks again, unmarked.
    handle.setStep(1, true);
    expect(box(handle).hidden).toBe(false);
    expect(box(handle).querySelector('[data-right]')).toBeNull();
  });

  it('a step that answers one question and asks the next says the answer in a line above', () => {
    const handle = mount();
    handle.setStep(5, false);
    expect(box(handle).querySelector('.w-question__previous')?.textContent).toBe('✓ Ответ: Б. 5');
    expect(box(handle).querySelector('.w-question__text')?.textContent).toContain('шага 6');
    expect(handle.question()).toMatchObject({
      answered: false,
      previous: { id: 'counter/list-queue/4' },
    });
  });

  it('the lab keeps its buttons and verdict', () => {
    const handle = mount('lab');
    handle.setStep(1, false);
    const buttons = [...box(handle).querySelectorAll('button[name="question-choice"]')];
    expect(buttons.map((b) => b.textContent)).toEqual(['1', '2', '3']);
    expect(box(handle).classList.contains('w-lab-only')).toBe(true);
    expect(box(handle).nextElementSibling?.classList.contains('w-picture')).toBe(true);
    handle.setFace('stage');
    expect(box(handle).querySelector('button')).toBeNull();
    handle.setFace('lab');
    expect(box(handle).querySelectorAll('button')).toHaveLength(3);
  });
});

describe("the hall's votes on the stage", () => {
  it('one bar per choice with count and percent; the right one marked once answered', () => {
    const handle = mount();
    handle.setStep(1, false);
    handle.showTally({ question: 'counter/list-queue/1', counts: [1, 3, 1], followers: 8 });
    const counts = [...box(handle).querySelectorAll('.w-question__count')].map(
      (c) => c.textContent,
    );
    expect(counts).toEqual(['1 · 20 %', '3 · 60 %', '1 · 20 %']);
    const bars = [...box(handle).querySelectorAll<HTMLElement>('.w-question__bar > span')];
    expect(bars.map((b) => b.style.width)).toEqual(['20%', '60%', '20%']);
    expect(box(handle).querySelector('.w-question__tally')?.textContent).toBe('ответили 5 из 8');
    expect(box(handle).querySelector('[data-right]')).toBeNull();
    handle.setStep(2, true);
    expect(items(handle)[1]?.hasAttribute('data-right')).toBe(true);
    expect(box(handle).querySelectorAll('.w-question__bar')).toHaveLength(3);
  });

  it('a tally of another question is not shown; undefined takes the bars away', () => {
    const handle = mount();
    handle.setStep(1, false);
    handle.showTally({ question: 'counter/list-queue/4', counts: [1, 1, 1] });
    expect(box(handle).querySelector('.w-question__bar')).toBeNull();
    handle.showTally({ question: 'counter/list-queue/1', counts: [0, 0, 0] });
    expect(box(handle).querySelector('.w-question__tally')?.textContent).toBe('ответили 0');
    expect(
      [...box(handle).querySelectorAll('.w-question__count')].map((c) => c.textContent),
    ).toEqual(['0 · 0 %', '0 · 0 %', '0 · 0 %']);
    handle.showTally(undefined);
    expect(box(handle).querySelector('.w-question__bar')).toBeNull();
  });
});
