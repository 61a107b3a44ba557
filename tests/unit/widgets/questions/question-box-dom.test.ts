// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { redisListQueueWidget } from '../../../../src/widgets/redis-list-queue/index.ts';
import { listQueueQuestion } from '../../../../src/widgets/redis-list-queue/questions.ts';
import { widgetDom } from '../dom-setup.ts';

const dom = widgetDom('redis-list-queue', redisListQueueWidget);

const box = (root: HTMLElement) => root.querySelector<HTMLElement>('.w-question');
const choices = (root: HTMLElement) => [
  ...root.querySelectorAll<HTMLButtonElement>('.w-question button[name="question-choice"]'),
];

describe('the lab asks before a step, answers, then plays it', () => {
  it('shows the question with its choices at step 0 in the lab', () => {
    const { root } = dom.mount();
    const q = listQueueQuestion(0);
    expect(box(root)?.hidden).toBe(false);
    expect(box(root)?.textContent).toContain(q?.text);
    expect(choices(root).map((b) => b.textContent)).toEqual(q?.choices);
    // reveal.js takes any <section> inside a slide for a vertical slide.
    expect(root.querySelector('section')).toBeNull();
  });

  it('a wrong pick says so, names the right answer and plays the step', () => {
    const { root } = dom.mount();
    const q = listQueueQuestion(0);
    if (!q) throw new Error('no question at step 0');
    const wrong = q.answer === 0 ? 1 : 0;
    choices(root)[wrong]?.click();
    expect(dom.handle?.step).toBe(1);
    expect(box(root)?.textContent).toContain(`Нет: ${q.choices[q.answer]}. ${q.explain}`);
    expect(choices(root).every((b) => b.disabled)).toBe(true);
    expect(choices(root)[q.answer]?.hasAttribute('data-right')).toBe(true);
    expect(choices(root)[wrong]?.hasAttribute('data-wrong')).toBe(true);
    // The verdict stays on the step it played; the next step has no question: the box hides.
    dom.handle?.setStep(2, false);
    expect(box(root)?.hidden).toBe(true);
  });

  it('a right pick says «Верно»', () => {
    const { root } = dom.mount();
    const q = listQueueQuestion(0);
    choices(root)[q?.answer ?? -1]?.click();
    expect(box(root)?.textContent).toContain(`Верно. ${q?.explain}`);
  });

  it('the stage shows it without buttons, and a student action withdraws it', () => {
    const { root } = dom.mount();
    dom.handle?.setFace('stage');
    expect(box(root)?.hidden).toBe(false);
    expect(choices(root)).toEqual([]);
    dom.handle?.setFace('lab');
    expect(box(root)?.hidden).toBe(false);
    root
      .querySelector<HTMLButtonElement>('li[data-worker="W1"] button[name="crash-worker"]')
      ?.click();
    expect(dom.handle?.actions()).toHaveLength(1);
    expect(box(root)?.hidden).toBe(true);
  });
});
