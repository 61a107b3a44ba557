/**
 * The contract between a widget and the runtime. A widget renders "the state after step n" of a
 * deterministic scenario of the broker core; the runtime owns the root element, the clicker
 * bridge, the caption/live region and destruction.
 */
import type { Disposer } from './disposer.ts';
import type { Question } from './question.ts';
import type { QuestionTally } from './question-box.ts';

export interface WidgetHost {
  /** The widget's single root element (inside its slide's slot); the widget fills it. */
  readonly root: HTMLElement;
  /** Cleans up everything the widget registers through it when the slide is left. */
  readonly disposer: Disposer;
  /** True when the user asked for reduced motion: same steps, no movement. */
  readonly reducedMotion: boolean;
  /** Says in words what just happened: shown as the caption and announced to screen readers. */
  say(text: string): void;
  /** Asks the deck to move the clicker to step n (keeps fragments and widget in sync). */
  requestStep(step: number): void;
  /** The playback speed the student chose (0.5, 1 or 2): divide animation durations by it. */
  speed(): number;
  /** The story the slide names (`story=` on its marker), or undefined for the widget's default. */
  readonly story: string | undefined;
}

export interface WidgetView {
  /** Number of scripted steps (reveal.js fragments) this widget has. */
  readonly stepCount: number;
  /** Shows the state after `step` (0 = before the first); animates from the previous one if asked. */
  show(step: number, animate: boolean): void;
  /** Clears what the student added on top of the script (the controls' «Сначала»); optional. */
  reset?(): void;
  /** Extra cleanup beyond what was registered with the disposer (optional). */
  destroy?(): void;
  /** The face changed (the picture may lay out differently): redraw the current frame. */
  faceChanged?(face: WidgetFace): void;
  /** The student's action log (plain data; a shared link carries it). */
  actions?(): readonly unknown[];
  /**
   * Does `actions` on the current step, each checked by the widget's own `act` as a student's
   * would be; returns the reasons of those skipped. Nothing else changes.
   */
  restore?(actions: readonly unknown[]): readonly string[];
  /** Shows `message` in the lab's note until the next frame (undefined clears it). */
  notify?(message: string | undefined): void;
  /**
   * The question the stage shows at the current step (issue 15 §2): the one about the next step,
   * or on the step that played one, that question `answered`. Undefined: none (or no questions).
   */
  question?(): StageQuestion | undefined;
  /** Shows the hall's votes with the stage's question they answer; undefined hides them. */
  showTally?(tally: QuestionTally | undefined): void;
}

/** The stage's question at a step (see `WidgetView.question`). */
export interface StageQuestion {
  readonly question: Question;
  /** True on the step that played it: the stage marks the right choice. */
  readonly answered: boolean;
  /** On a step that answers one question and asks the next: the one it answered. */
  readonly previous?: Question;
}

/** A widget module, loaded with its slide by dynamic import; `kit` ones have a stage and a lab face. */
export interface WidgetModule {
  readonly kit?: true;
  /** A kit widget without a lab (a chart) has no lab toggle. */
  readonly hasLab?: boolean;
  mount(host: WidgetHost): WidgetView;
}

/** The face a widget shows: the story for the hall, or every input for the student. */
export type WidgetFace = 'stage' | 'lab';
