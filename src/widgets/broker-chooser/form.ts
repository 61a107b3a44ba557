/**
 * The questions as a form: one fieldset of radio buttons per question (the contract),
 * plus the workload's name and a message rate that picks the throughput answer. Built once, so
 * focus stays where the student is; `sync` shows the answers of the current frame.
 */
import { h, uniqueId, actionButton } from '../runtime/dom.ts';
import { createField } from '../runtime/field.ts';
import { WIDGET_CLASS } from '../runtime/classes.ts';
import type { Disposer } from '../runtime/disposer.ts';
import { BC_CLASS } from './classes.ts';
import { throughputFor, validateRate, validateWorkloadName } from './inputs.ts';
import { QUESTIONS, type Answers, type QuestionId } from './rules.ts';

/** What the form reports: a chosen answer, a new name, cleared answers. */
export interface FormHandlers {
  answer(question: QuestionId, answer: string, via?: string): void;
  rename(name: string): void;
  clear(): void;
}

export interface ChooserForm {
  readonly top: HTMLElement;
  /** «Сбросить ответы», placed by the widget beside the system strip. */
  readonly clear: HTMLButtonElement;
  readonly form: HTMLFormElement;
  sync(name: string, answers: Answers): void;
}

/** Builds the form; listeners go through `disposer`. */
export function createChooserForm(disposer: Disposer, on: FormHandlers): ChooserForm {
  const form = h('form', { class: BC_CLASS.form, 'aria-label': 'Вопросы о нагрузке' });
  disposer.listen(form, 'submit', (e) => e.preventDefault());
  const radios = new Map<string, HTMLInputElement>();
  for (const q of QUESTIONS) {
    const options = h('div', { class: BC_CLASS.options });
    for (const a of q.answers) {
      const id = uniqueId(`w-bc-${q.id}-${a.id}`);
      const input = h('input', { type: 'radio', id, name: `q-${q.id}`, value: a.id });
      disposer.listen(input, 'change', () => {
        if (input.checked) on.answer(q.id, a.id);
      });
      radios.set(`${q.id}:${a.id}`, input);
      options.append(h('label', { class: BC_CLASS.option, for: id }, input, ' ', a.label));
    }
    form.append(
      h(
        'fieldset',
        { class: BC_CLASS.question, 'data-question': q.id },
        h('legend', {}, q.title),
        options,
      ),
    );
  }

  const name = createField({ name: 'workload', label: 'Нагрузка (название)', size: 30 });
  const rate = createField({
    name: 'rate',
    label: 'Сообщений в секунду',
    inputMode: 'numeric',
    size: 10,
    placeholder: '50000',
  });
  const clear = actionButton('clear-answers', 'Сбросить ответы');
  const applyName = (): void => {
    const text = name.read(validateWorkloadName);
    if (text !== undefined) on.rename(text);
  };
  const applyRate = (): void => {
    if (rate.input.value.trim() === '') {
      rate.setError(undefined);
      return;
    }
    const n = rate.read(validateRate);
    if (n !== undefined)
      on.answer('throughput', throughputFor(n), `${n.toLocaleString('ru-RU')} сообщ./с`);
  };
  for (const [field, apply] of [
    [name, applyName],
    [rate, applyRate],
  ] as const) {
    disposer.listen(field.input, 'change', apply);
    disposer.listen(field.input, 'keydown', (e) => {
      if (e.key === 'Enter') {
        e.preventDefault();
        // reveal.js must not read Enter typed in a field as navigation.
        e.stopPropagation();
        apply();
      }
    });
  }
  disposer.listen(clear, 'click', () => on.clear());
  const top = h(
    'div',
    { class: `${WIDGET_CLASS.inputs} ${BC_CLASS.top}` },
    name.element,
    rate.element,
  );
  return {
    top,
    clear,
    form,
    sync(current, answers) {
      if (
        name.input.getAttribute('aria-invalid') !== 'true' &&
        document.activeElement !== name.input
      )
        name.input.value = current;
      for (const q of QUESTIONS) {
        for (const a of q.answers) {
          const input = radios.get(`${q.id}:${a.id}`);
          if (input) input.checked = answers[q.id] === a.id;
        }
      }
    },
  };
}
