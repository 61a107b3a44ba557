/**
 * Widget `broker-chooser` (slide 36): questions about the workload lead to Redis, RabbitMQ or
 * Kafka with the lecture's reasons. The clicker answers them for three workloads of one shop;
 * a student's own answers sit on top of the current step until the clicker moves.
 */
import { h } from '../runtime/dom.ts';
import type { WidgetModule } from '../runtime/types.ts';
import { captionFor } from './captions.ts';
import { BC_CLASS } from './classes.ts';
import { createChooserForm } from './form.ts';
import { resultPanel, systemStrip } from './result.ts';
import { QUESTIONS, recommend, type Answers, type QuestionId } from './rules.ts';
import { CHOOSER_STEPS, SYSTEM_NOTE, decidedBy, leadAt, workloadAt } from './story.ts';
import './broker-chooser.css';

/** What the student changed on top of the current step. */
interface Overrides {
  readonly name?: string;
  readonly answers: Answers;
  /** True once the student cleared the step's answers. */
  readonly cleared: boolean;
  /** What the last change was, for the caption. */
  readonly note: string;
}

const NONE: Overrides = { answers: {}, cleared: false, note: '' };

export const brokerChooserWidget: WidgetModule = {
  mount(host) {
    let step = 0;
    let overrides = NONE;

    const resultSlot = h('div', { class: 'w-bc-result-slot' });
    const strip = h('div');

    const render = (): void => {
      const base = workloadAt(step);
      const name = overrides.name ?? base.name;
      const answers: Answers = { ...(overrides.cleared ? {} : base.answers), ...overrides.answers };
      const r = recommend(answers);
      resultSlot.replaceChildren(resultPanel(name, r));
      strip.replaceChildren(systemStrip(decidedBy(step)));
      form.sync(name, answers);
      host.root.dataset['answered'] = String(r.explained.length);
      const lead = overrides.note || leadAt(step);
      const closing = step === CHOOSER_STEPS && overrides === NONE ? ` ${SYSTEM_NOTE}` : '';
      host.say(captionFor(lead, name, r) + closing);
    };

    const form = createChooserForm(host.disposer, {
      answer(question: QuestionId, answer: string, via?: string) {
        const q = QUESTIONS.find((x) => x.id === question);
        const label = q?.answers.find((a) => a.id === answer)?.label ?? answer;
        const note = via ? `${via} → «${label}».` : `«${q?.title ?? ''}» — «${label}».`;
        overrides = { ...overrides, answers: { ...overrides.answers, [question]: answer }, note };
        render();
      },
      rename(name) {
        overrides = { ...overrides, name, note: `Нагрузка «${name}».` };
        render();
      },
      clear() {
        overrides = { ...overrides, answers: {}, cleared: true, note: 'Ответы сброшены.' };
        render();
      },
    });

    host.root.append(
      h(
        'div',
        { class: BC_CLASS.main },
        h('div', {}, form.top, form.form, strip),
        h('div', { class: BC_CLASS.side }, resultSlot, form.clear),
      ),
    );
    return {
      stepCount: CHOOSER_STEPS,
      reset() {
        overrides = NONE;
      },
      show(n) {
        // A clicker step brings its own workload: the student's changes belong to the old one.
        if (n !== step) overrides = NONE;
        step = n;
        render();
      },
    };
  },
};

export default brokerChooserWidget;
