/**
 * The lab's «predict, then see» box (issue 15 §2): before a step with a question, the question
 * and its choices as buttons; the student picks one, the box says whether it was right and why,
 * and the step plays. Lab face only (`LAB_ONLY`): the stage asks the hall itself.
 */
import type { Disposer } from './disposer.ts';
import { actionButton, h, replaceChildren } from './dom.ts';
import type { Question } from './question.ts';
import './question.css';

/** Class names of the box's parts. */
export const QUESTION_CLASS = {
  box: 'w-question',
  text: 'w-question__text',
  choices: 'w-question__choices',
  verdict: 'w-question__verdict',
} as const;

/** What the box shows: a question to answer, the answer given to one, or nothing. */
export type QuestionState =
  | { readonly kind: 'none' }
  | { readonly kind: 'ask'; readonly question: Question }
  | { readonly kind: 'answered'; readonly question: Question; readonly chosen: number };

/** The box's element and how to show a state; `pick` runs when the student chooses. */
export function questionBox(
  disposer: Disposer,
  labOnly: string,
  pick: (question: Question, chosen: number) => void,
): { readonly element: HTMLElement; show(state: QuestionState): void } {
  // A div, never a <section>: reveal.js takes any section inside a slide for a vertical slide
  // (a deep link to a widget slide then landed on the box, and jumps to a step never arrived).
  const element = h('div', {
    class: `${QUESTION_CLASS.box} ${labOnly}`,
    role: 'group',
    'aria-label': 'Предскажите следующий шаг',
    hidden: true,
  });
  let shown: Question | undefined;
  disposer.listen(element, 'click', (event) => {
    const target = event.target instanceof Element ? event.target.closest('button') : null;
    const chosen = Number(target?.dataset['choice']);
    if (!shown || !target || target.disabled || !Number.isInteger(chosen)) return;
    pick(shown, chosen);
  });
  return {
    element,
    show(state) {
      if (state.kind === 'none') {
        shown = undefined;
        element.hidden = true;
        replaceChildren(element);
        return;
      }
      const { question } = state;
      const answered = state.kind === 'answered' ? state.chosen : undefined;
      shown = answered === undefined ? question : undefined;
      element.hidden = false;
      const buttons = question.choices.map((choice, i) =>
        actionButton('question-choice', choice, {
          'data-choice': i,
          'data-focus-key': `question/${i}`,
          disabled: answered !== undefined,
          'data-right': answered !== undefined && i === question.answer,
          'data-wrong': answered === i && i !== question.answer,
          'data-chosen': answered === i,
        }),
      );
      const verdict =
        answered === undefined
          ? []
          : [
              h(
                'p',
                { class: QUESTION_CLASS.verdict, role: 'status' },
                answered === question.answer
                  ? `Верно. ${question.explain}`
                  : `Нет: ${question.choices[question.answer] ?? ''}. ${question.explain}`,
              ),
            ];
      replaceChildren(
        element,
        h('p', { class: QUESTION_CLASS.text }, question.text),
        h('div', { class: QUESTION_CLASS.choices }, ...buttons),
        ...verdict,
      );
    },
  };
}
