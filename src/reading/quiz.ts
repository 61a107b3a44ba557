/**
 * A part's self-check block in the reading view: each question as a fieldset of radio buttons or
 * checkboxes, checked in the page (offline), with the explanation and a link back to the slide.
 */
import { h, uniqueId } from '../widgets/runtime/dom.ts';
import { checkAnswer, type QuizQuestion } from './quiz-data.ts';

/** Class names the reading view's stylesheet styles. */
export const QUIZ_CLASS = {
  root: 'quiz',
  question: 'quiz-question',
  detail: 'quiz-detail',
  hint: 'quiz-hint',
  error: 'quiz-error',
  result: 'quiz-result',
  right: 'quiz-result--right',
  wrong: 'quiz-result--wrong',
  score: 'quiz-score',
} as const;

/** Section titles by number, for the «к слайду» links. */
export type SlideTitles = ReadonlyMap<number, string>;

function optionText(question: QuizQuestion, ids: readonly string[]): string {
  return ids.map((id) => question.options.find((o) => o.id === id)?.text ?? id).join(', ');
}

function renderQuestion(
  question: QuizQuestion,
  titles: SlideTitles,
  onChecked: (id: string, right: boolean) => void,
): HTMLElement {
  const errorId = uniqueId('quiz-error');
  const inputs = question.options.map((option) => {
    const input = h('input', {
      type: question.kind === 'single' ? 'radio' : 'checkbox',
      name: `quiz-${question.id}`,
      value: option.id,
    });
    return { input, label: h('label', { class: 'quiz-option' }, input, ' ', option.text) };
  });
  const error = h('p', { id: errorId, class: QUIZ_CLASS.error, role: 'alert', hidden: true });
  const result = h('div', { class: QUIZ_CLASS.result, role: 'status', 'aria-live': 'polite' });
  const check = h('button', { type: 'button', name: 'check', class: 'quiz-check' }, 'Проверить');
  const title = titles.get(question.section) ?? '';

  check.addEventListener('click', () => {
    const chosen = inputs.filter((i) => i.input.checked).map((i) => i.input.value);
    if (chosen.length === 0) {
      error.textContent =
        question.kind === 'single' ? 'Выберите один ответ' : 'Отметьте хотя бы один ответ';
      error.hidden = false;
      fieldset.setAttribute('aria-invalid', 'true');
      fieldset.setAttribute('aria-describedby', errorId);
      return;
    }
    error.hidden = true;
    fieldset.removeAttribute('aria-invalid');
    fieldset.removeAttribute('aria-describedby');
    const verdict = checkAnswer(question, chosen);
    result.replaceChildren(
      h(
        'p',
        { class: verdict.right ? QUIZ_CLASS.right : QUIZ_CLASS.wrong },
        verdict.right ? '✓ Верно. ' : '✗ Неверно. ',
        verdict.right ? '' : `Правильный ответ: ${optionText(question, question.correct)}. `,
      ),
      h('p', {}, question.explanation),
      h('p', {}, `Источник: ${question.source}`),
      h(
        'p',
        {},
        h('a', { href: `#s-${question.section}` }, `← к слайду ${question.section}: ${title}`),
      ),
    );
    result.dataset['verdict'] = verdict.right ? 'right' : 'wrong';
    onChecked(question.id, verdict.right);
  });

  const fieldset = h(
    'fieldset',
    { class: QUIZ_CLASS.question, 'data-question': question.id },
    h('legend', {}, question.prompt),
    question.detail ? h('pre', { class: QUIZ_CLASS.detail }, question.detail) : null,
    ...inputs.map((i) => i.label),
    question.widgetHint
      ? h('p', { class: QUIZ_CLASS.hint }, `Подсказка: ${question.widgetHint}`)
      : null,
    h('div', { class: 'quiz-actions' }, check, error),
    result,
  );
  return fieldset;
}

/** Renders the self-check for one part; `label` is the part's Russian name. */
export function renderQuiz(
  label: string,
  questions: readonly QuizQuestion[],
  titles: SlideTitles,
): HTMLElement {
  const headingId = uniqueId('quiz-heading');
  const results = new Map<string, boolean>();
  const score = h('p', { class: QUIZ_CLASS.score, 'aria-live': 'polite' });
  const updateScore = (): void => {
    const right = [...results.values()].filter(Boolean).length;
    score.textContent =
      results.size === 0
        ? ''
        : `Верно: ${right} из ${questions.length} (проверено ${results.size})`;
  };
  return h(
    'section',
    { class: QUIZ_CLASS.root, 'aria-labelledby': headingId },
    h('h3', { id: headingId }, `Проверьте себя: ${label}`),
    ...questions.map((q) =>
      renderQuestion(q, titles, (id, right) => {
        results.set(id, right);
        updateScore();
      }),
    ),
    score,
  );
}
