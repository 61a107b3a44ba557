/**
 * The lab: the questions as a form (one fieldset of radio buttons per question, the issue's
 * contract), the workload's name, a message rate that picks the throughput answer, and «Сбросить
 * ответы». Built once, so focus stays where the student is; `update` shows the frame's answers.
 * Each field validates on use and shows its message next to itself; Enter never reaches reveal.js.
 */
import { h, actionButton } from '../runtime/dom.ts';
import { createField } from '../runtime/field.ts';
import type { KitHost, LabPanel } from '../runtime/kit.ts';
import { applyOnChange, inputRows } from '../runtime/parts.ts';
import { BC_CLASS } from './classes.ts';
import {
  throughputFor,
  validateRate,
  validateWorkloadName,
  type ChooserAction,
  type ChooserView,
} from './logic.ts';
import { QUESTIONS } from './rules.ts';

/** Builds the lab into the kit's element. */
export function chooserLab(host: KitHost<ChooserView, ChooserAction>): LabPanel<ChooserView> {
  const { disposer } = host;
  const form = h('form', { class: BC_CLASS.form, 'aria-label': 'Вопросы о нагрузке' });
  disposer.listen(form, 'submit', (e) => e.preventDefault());
  const radios = new Map<string, HTMLInputElement>();
  for (const q of QUESTIONS) {
    const options = h('div', { class: BC_CLASS.options });
    for (const a of q.answers) {
      const id = host.id(`w-bc-${q.id}-${a.id}`);
      const input = h('input', { type: 'radio', id, name: `q-${q.id}`, value: a.id });
      disposer.listen(input, 'change', () => {
        if (input.checked) host.notify(host.act({ type: 'answer', question: q.id, answer: a.id }));
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
    if (text !== undefined) name.setError(host.act({ type: 'rename', name: text }));
  };
  const applyRate = (): void => {
    // An empty field is no rate; whitespace alone is refused like in every text field.
    if (rate.input.value === '') {
      rate.setError(undefined);
      return;
    }
    const n = rate.read(validateRate);
    if (n === undefined) return;
    const via = `${n.toLocaleString('ru-RU')} сообщ./с`;
    rate.setError(
      host.act({ type: 'answer', question: 'throughput', answer: throughputFor(n), via }),
    );
  };
  applyOnChange(disposer, name, applyName);
  applyOnChange(disposer, rate, applyRate);
  disposer.listen(clear, 'click', () => host.notify(host.act({ type: 'clear' })));
  host.element.append(
    h(
      'div',
      { class: BC_CLASS.lab },
      inputRows(BC_CLASS.top, name.element, rate.element),
      form,
      clear,
    ),
  );
  return {
    update(view) {
      if (
        name.input.getAttribute('aria-invalid') !== 'true' &&
        document.activeElement !== name.input
      ) {
        name.input.value = view.name;
      }
      for (const q of QUESTIONS) {
        for (const a of q.answers) {
          const input = radios.get(`${q.id}:${a.id}`);
          if (input) input.checked = view.answers[q.id] === a.id;
        }
      }
    },
    reset() {
      name.setError(undefined);
      rate.setError(undefined);
      rate.input.value = '';
    },
  };
}
