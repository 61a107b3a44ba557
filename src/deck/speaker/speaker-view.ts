/**
 * The speaker window's layout and its updates: a bar with the clock, the timer and its buttons;
 * pacing; the current and the next slide; the notes. Knows nothing of reveal.js: the controller
 * (speaker.ts) feeds it slides, notes and figures.
 */
import { elementsIn, type ElementFactory } from './dom.ts';
import { formatDuration } from './format.ts';
import { NotesPanel } from './notes-panel.ts';
import type { Pacing } from './pacing.ts';
import { planLines } from './pacing-text.ts';
import { PacingPanel } from './pacing-panel.ts';
import type { PlannedSlide } from './plan.ts';
import { ResetControl } from './reset-control.ts';
import type { NextPreview } from './next-step.ts';
import { SlidePreview, type DeckSize } from './slide-preview.ts';
import { SPEAKER_CLASS as C } from './speaker-classes.ts';
import type { PauseReason } from './timekeeper.ts';

/** What the buttons ask the controller to do. */
export interface SpeakerActions {
  /** The lecture starts now (the timer was waiting for it). */
  start(): void;
  toggleQuestions(): void;
  reset(): void;
  openReport(): void;
}

/** The figures shown every tick. */
export interface SpeakerTick {
  readonly clock: string;
  readonly elapsed: number;
  readonly pauses: readonly PauseReason[];
  readonly pacing: Pacing;
  readonly partLabel: string;
}

/** Where the deck is. */
export interface SpeakerPosition {
  readonly slide: PlannedSlide;
  readonly index: number;
  readonly count: number;
  readonly stepsShown: number;
  readonly stepsTotal: number;
  readonly next: PlannedSlide | null;
}

/** The speaker window's content. */
export class SpeakerView {
  readonly root: HTMLElement;
  readonly el: ElementFactory;
  readonly notes: NotesPanel;
  private readonly clock: HTMLElement;
  private readonly timer: HTMLElement;
  private readonly status: HTMLElement;
  private readonly questions: HTMLButtonElement;
  private readonly start: HTMLButtonElement;
  private readonly reset: ResetControl;
  private readonly pacing: PacingPanel;
  private readonly current: SlidePreview;
  private readonly next: SlidePreview;
  private readonly currentHeading: HTMLElement;
  private readonly planLine: HTMLElement;
  private readonly nextHeading: HTMLElement;
  private readonly summary: HTMLElement;
  /** Live mode's panel (src/deck/live-lecturer.ts fills it); empty and hidden otherwise. */
  readonly livePanel: HTMLElement;
  private shownSlide: string | null = null;
  private shownNext: string | null = null;

  constructor(doc: Document, size: DeckSize, actions: SpeakerActions, storage: Storage | null) {
    const el = elementsIn(doc);
    this.el = el;
    this.clock = el('time', { class: C.clock, 'aria-label': 'Часы' });
    this.timer = el('span', { class: C.timer, role: 'timer', 'aria-label': 'Прошло времени' });
    this.status = el('span', { class: C.status, role: 'status' });
    this.questions = el(
      'button',
      { type: 'button', class: C.button, 'aria-pressed': 'false' },
      'Пауза на вопросы',
    );
    this.questions.addEventListener('click', () => actions.toggleQuestions());
    this.start = el(
      'button',
      { type: 'button', class: `${C.button} ${C.buttonPrimary}` },
      'Начать лекцию',
    );
    this.start.hidden = true;
    this.start.addEventListener('click', () => actions.start());
    this.reset = new ResetControl(el, () => actions.reset());
    const report = el('button', { type: 'button', class: C.button }, 'Отчёт о репетиции');
    report.addEventListener('click', () => actions.openReport());
    const bar = el(
      'header',
      { class: C.bar },
      this.clock,
      el('span', { class: 'speaker-timer-box' }, el('span', {}, 'Прошло'), this.timer),
      this.status,
      el('span', { class: C.buttons }, this.start, this.questions, this.reset.element, report),
    );

    this.pacing = new PacingPanel(el);
    this.current = new SlidePreview(doc, size, 'Нет слайда');
    this.next = new SlidePreview(doc, size, 'Это последний слайд');
    this.currentHeading = el('h2', { class: C.heading });
    this.planLine = el('p', { class: 'speaker-plan', 'data-plan': '' });
    this.nextHeading = el('h2', { class: C.heading });
    this.summary = el('div', { class: C.summary });
    this.summary.hidden = true;
    this.livePanel = el('section', { class: 'speaker-live', 'aria-label': 'Зал: голоса' });
    this.livePanel.hidden = true;
    this.notes = new NotesPanel(el, storage);

    this.root = el(
      'div',
      { class: C.root },
      bar,
      this.pacing.element,
      el(
        'main',
        { class: C.grid },
        el(
          'section',
          { class: C.current, 'aria-label': 'Текущий слайд' },
          this.currentHeading,
          this.current.element,
        ),
        el(
          'section',
          { class: C.next, 'aria-label': 'Следующий слайд' },
          this.nextHeading,
          this.next.element,
          this.summary,
          this.planLine,
        ),
        this.livePanel,
        this.notes.element,
      ),
    );
    doc.body.append(this.root);
  }

  /** Updates the clock, the timer, its status and the pacing. */
  tick(t: SpeakerTick): void {
    setText(this.clock, t.clock);
    setText(this.timer, formatDuration(t.elapsed));
    const questions = t.pauses.includes('questions');
    const waiting = t.pauses.includes('start');
    const status = waiting
      ? '◷ Ждёт начала: таймер пойдёт с первым переходом (→) или по кнопке «Начать лекцию»'
      : questions
        ? '⏸ Пауза на вопросы'
        : t.pauses.includes('deck')
          ? '⏸ Пауза (B) — презентация затемнена'
          : '▶ Таймер идёт';
    setText(this.status, status);
    this.status.dataset['state'] = waiting
      ? 'waiting'
      : t.pauses.length === 0
        ? 'running'
        : 'paused';
    this.start.hidden = !waiting;
    this.questions.setAttribute('aria-pressed', String(questions));
    setText(this.questions, questions ? 'Продолжить после вопросов' : 'Пауза на вопросы');
    this.pacing.update(t.pacing, t.partLabel);
  }

  /**
   * Shows where the deck is: the plan box always, the current preview unless told not to (its
   * widget is still moving), the next preview only when what comes next changed, the notes only
   * when the slide changed (a step does not scroll the notes back to the top).
   */
  showPosition(
    p: SpeakerPosition,
    currentSection: HTMLElement,
    next: NextPreview | null,
    copyCurrent = true,
  ): void {
    const slideChanged = p.slide.id !== this.shownSlide;
    this.shownSlide = p.slide.id;
    setText(
      this.currentHeading,
      p.index < 0
        ? `Сейчас: ${p.slide.title}`
        : `Сейчас: ${p.slide.section}. ${p.slide.title} (${p.index + 1} из ${p.count})`,
    );
    const lines = planLines(p.slide.plannedSeconds, p.slide.range, {
      shown: p.stepsShown,
      total: p.stepsTotal,
    });
    this.planLine.replaceChildren(...lines.map((line) => this.el('span', {}, line)));
    setText(this.nextHeading, `Дальше: ${next ? next.label : 'конец лекции'}`);
    if (copyCurrent || slideChanged) this.current.show(currentSection);
    // The summary stays on the last slide while its steps remain.
    this.summary.hidden = p.next !== null;
    const nextKey = next?.key ?? null;
    if (nextKey !== this.shownNext || slideChanged) {
      this.shownNext = nextKey;
      this.next.element.hidden = next === null;
      this.next.show(next?.section ?? null, next?.state);
      this.next.fit();
    }
    if (slideChanged) this.notes.show(currentSection.querySelector('aside.notes'));
  }

  /** The box under «Дальше» on the last slide: the rehearsal summary goes there. */
  get summaryBox(): HTMLElement {
    return this.summary;
  }

  /** Rescales the previews after the window was resized. */
  fit(): void {
    this.current.fit();
    this.next.fit();
  }

  /** Removes the view and its timers. */
  destroy(): void {
    this.current.destroy();
    this.next.destroy();
    this.reset.destroy();
    this.root.remove();
  }
}

function setText(target: HTMLElement, text: string): void {
  if (target.textContent !== text) target.textContent = text;
}
