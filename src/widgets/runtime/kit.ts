/**
 * The widget kit: a widget declares its logic (./timeline.ts), its picture and its lab; the kit
 * owns the rest the same way for every widget — the step, the student's action log and its one
 * limit, reset, the running animations (a new frame cancels them), focus across redraws, the
 * caption and the notes about actions a seek left out.
 *
 * Two faces share one root (`data-face`): the stage (the story only: picture, legend, caption; the
 * clicker drives it) and the lab (the same frame plus every input). Elements marked `LAB_ONLY`
 * show only in the lab.
 */
import { WIDGETS, storyOf, type StoryOf, type WidgetName } from '../../lecture/names.ts';
import type { Disposer } from './disposer.ts';
import { h, uniqueId } from './dom.ts';
import type { Question } from './question.ts';
import { questionBox, type QuestionTally } from './question-box.ts';
import { Timeline, replay, type Frame, type WidgetLogic } from './timeline.ts';
import type { StageQuestion, WidgetFace, WidgetHost, WidgetModule, WidgetView } from './types.ts';

/** Class of elements (in the picture or anywhere in the root) shown only in the lab face. */
export const LAB_ONLY = 'w-lab-only';
/** Class of the kit's own parts. */
export const KIT_CLASS = {
  picture: 'w-picture',
  lab: 'w-lab',
  note: 'w-lab-note',
} as const;

/** Something a frame started that the next frame stops: a Web Animation, or a frame loop's handle. */
export interface Running {
  cancel(): void;
}

/**
 * The picture's box when a frame is drawn: its width in CSS px of its own layout (slide pixels on
 * the deck, where reveal scales the slide; 0 before layout or without one, e.g. in a test DOM:
 * draw the default then) and the face shown.
 */
export interface PictureSize {
  readonly width: number;
  readonly face: WidgetFace;
}

/**
 * Draws a frame; returns what it started running (the kit cancels it on the next frame). `size`
 * is the picture's box now; the kit draws the frame again (unanimated) when the face changes or
 * the width crosses one of the definition's `breakpoints`.
 */
export type Painter<V> = (
  view: V,
  previous: V | undefined,
  animate: boolean,
  size: PictureSize,
) => readonly Running[] | void;

/** What a picture or a lab may use. */
export interface KitHost<V, A> {
  /** The element to build into. */
  readonly element: HTMLElement;
  /** The widget's root, for its `data-*` read-outs (the DOM contract). */
  readonly root: HTMLElement;
  readonly disposer: Disposer;
  readonly reducedMotion: boolean;
  /** The playback speed (divide animation durations by it). */
  speed(): number;
  /** Does the student's action; a string says why it was not done. */
  act(action: A): string | undefined;
  /** Shows (or, with undefined, clears) a message under the lab, e.g. a refused action's reason. */
  notify(message: string | undefined): void;
  /** The current frame's view. */
  view(): V;
  /** The picture's box now (its width and the face). */
  size(): PictureSize;
  /** An id unique to this widget instance for `local` (labels point at their own control). */
  id(local: string): string;
  /** Asks the deck to move the clicker to scripted step `step` (fragments and widget stay in sync). */
  requestStep(step: number): void;
}

/** The lab's inputs, built once; `update` gets every new view, `reset` runs on «Сначала». */
export interface LabPanel<V> {
  update?(view: V): void;
  reset?(): void;
}

/** A widget on the kit. */
export interface WidgetDefinition<W extends WidgetName, M, V, A> {
  readonly name: W;
  readonly logic: WidgetLogic<M, V, A, StoryOf<W>>;
  /** Builds the picture into `host.element`; returns how to draw a frame. */
  picture(host: KitHost<V, A>): Painter<V>;
  /**
   * Widths of the picture's box (CSS px, ascending) where the picture lays out differently, e.g.
   * `[760]`: narrower than 760 px draws the phone's layout. The kit watches the box with one
   * ResizeObserver and draws the frame again when the width crosses one; none: never on resize.
   */
  readonly breakpoints?: readonly number[];
  /**
   * The legend under the picture (both faces): the items for this frame's view and box (a legend
   * may list only the marks this story draws, or differ on the stage and in the lab). Drawn with
   * every frame; the kit swaps the element only when it changed.
   */
  legend?(view: V, size: PictureSize): HTMLElement;
  /** Builds the lab's inputs into `host.element` (shown in the lab face only). */
  lab?(host: KitHost<V, A>): LabPanel<V>;
  /**
   * The question about scripted step `step + 1` (runtime/question.ts). The lab asks it before the
   * step; the student's pick shows the answer and plays the step. The stage asks it of the hall as
   * a lettered list and marks the answer on step `step + 1` (runtime/question-box.ts).
   */
  question?(at: {
    readonly story: StoryOf<W>;
    readonly step: number;
    readonly actions: readonly A[];
    /** The frame shown now (so the question need not replay it). */
    readonly now: Frame<M, V>;
  }): Question | undefined;
}

/** A widget module the runtime mounts, from a kit definition. */
export function defineWidget<W extends WidgetName, M, V, A>(
  definition: WidgetDefinition<W, M, V, A>,
): KitModule {
  return {
    kit: true,
    hasLab: definition.lab !== undefined,
    mount: (host) => mountDefinition(definition, host),
  };
}

/** A widget module made by `defineWidget` (the runtime gives it both faces). */
export interface KitModule extends WidgetModule {
  readonly kit: true;
  /** False for a picture with nothing to try (a chart): no lab toggle on its stage. */
  readonly hasLab: boolean;
}

function mountDefinition<W extends WidgetName, M, V, A>(
  definition: WidgetDefinition<W, M, V, A>,
  host: WidgetHost,
): WidgetView {
  const story = storyOf(definition.name, host.story);
  const timeline = new Timeline(definition.logic, story, WIDGETS[definition.name].steps);
  let running: readonly Running[] = [];
  let previous: V | undefined;
  let face: WidgetFace = host.root.dataset['face'] === 'stage' ? 'stage' : 'lab';
  const breakpoints = definition.breakpoints ?? [];
  /** Which of the breakpoints' bands `width` is in (-1: not laid out). */
  const bandOf = (width: number): number =>
    width > 0 ? breakpoints.filter((b) => width >= b).length : -1;
  let drawnBand = -1;
  const stop = (): void => {
    for (const animation of running) animation.cancel();
    running = [];
  };
  host.disposer.add(stop);

  const pictureElement = h('div', { class: KIT_CLASS.picture });
  const labElement = h('div', {
    class: `${KIT_CLASS.lab} ${LAB_ONLY}`,
    role: 'group',
    'aria-label': 'Лаборатория: ваши действия',
  });
  const note = h('p', {
    class: `${KIT_CLASS.note} ${LAB_ONLY}`,
    'data-note': '',
    'aria-live': 'polite',
  });
  let message: string | undefined;
  const showNote = (dropped: readonly string[]): void => {
    const skipped =
      dropped.length > 0 ? `Не подходит к этому шагу и пропущено: ${dropped.join('; ')}` : '';
    note.textContent = message ?? skipped;
  };
  const hostFor = (element: HTMLElement): KitHost<V, A> => ({
    element,
    root: host.root,
    notify(text) {
      message = text;
      showNote(timeline.frame.dropped);
    },
    disposer: host.disposer,
    reducedMotion: host.reducedMotion,
    speed: host.speed,
    act,
    view: () => timeline.frame.view,
    size: () => sizeNow(),
    id: uniqueId,
    requestStep: host.requestStep,
  });

  const sizeNow = (): PictureSize => ({ width: pictureElement.clientWidth, face });
  let legend: HTMLElement | undefined;
  const drawLegend = (view: V, size: PictureSize): void => {
    const next = definition.legend?.(view, size);
    if (!next || legend?.isEqualNode(next)) return;
    if (legend) legend.replaceWith(next);
    else pictureElement.after(next);
    legend = next;
  };
  const paintNow = (view: V, animate: boolean): void => {
    const size = sizeNow();
    drawnBand = bandOf(size.width);
    stop();
    running = paint(view, previous, animate, size) ?? [];
    previous = view;
    drawLegend(view, size);
  };
  const draw = (animate: boolean): void => {
    const frame = timeline.frame;
    const focus = focusKeyIn(host.root);
    paintNow(frame.view, animate && !host.reducedMotion);
    lab?.update?.(frame.view);
    host.say(frame.caption);
    message = undefined;
    showNote(frame.dropped);
    ask();
    restoreFocus(host.root, focus);
  };

  /** The question answered last and the step its pick played (its verdict stays on that step). */
  let answered: { question: Question; chosen: number; step: number } | undefined;
  const questions = definition.question
    ? questionBox(host.disposer, LAB_ONLY, (question, chosen) => {
        answered = { question, chosen, step: timeline.frame.step + 1 };
        host.requestStep(answered.step);
      })
    : undefined;
  /** The hall's votes (live mode), shown on the stage with the question they answer. */
  let tally: QuestionTally | undefined;
  /** The stage's question of a frame (the timeline keeps its frame object until it changes). */
  let staged: { frame: Frame<M, V>; shown: StageQuestion | undefined } | undefined;
  /**
   * What the stage asks at this frame: the question about the next step, or, on the step that
   * answered one, that question with its answer (`answered`, and `previous` when the step also
   * asks the next question).
   */
  function stageQuestion(): StageQuestion | undefined {
    const frame = timeline.frame;
    if (staged?.frame === frame) return staged.shown;
    const at = { story, step: frame.step, actions: timeline.actions, now: frame };
    const next = definition.question?.(at);
    // The question asked one step back, of that step's own frame (replayed only if read).
    let before: Frame<M, V> | undefined;
    const back = {
      story,
      step: frame.step - 1,
      actions: at.actions,
      get now(): Frame<M, V> {
        before ??= replay(definition.logic, story, timeline.stepCount, frame.step - 1, at.actions);
        return before;
      },
    };
    const last = frame.step > 0 ? definition.question?.(back) : undefined;
    const shown: StageQuestion | undefined = next
      ? { question: next, answered: false, ...(last ? { previous: last } : {}) }
      : last
        ? { question: last, answered: true }
        : undefined;
    staged = { frame, shown };
    return shown;
  }

  /** What the box was last filled for: a draw of the same frame, face, answer and tally keeps it. */
  let asked:
    | { frame: Frame<M, V>; face: WidgetFace; answered: typeof answered; tally: typeof tally }
    | undefined;
  function ask(): void {
    if (!questions) return;
    const frame = timeline.frame;
    const step = frame.step;
    if (answered?.step !== step) answered = undefined;
    if (
      asked?.frame === frame &&
      asked.face === face &&
      asked.answered === answered &&
      asked.tally === tally
    )
      return;
    asked = { frame, face, answered, tally };
    if (face === 'stage') {
      const shown = stageQuestion();
      // On the stage the box takes the legend's place, under the picture.
      if (questions.element.previousElementSibling !== pictureElement)
        pictureElement.after(questions.element);
      questions.show(shown ? { kind: 'stage', ...shown, tally } : { kind: 'none' });
      return;
    }
    if (questions.element.nextElementSibling !== pictureElement)
      pictureElement.before(questions.element);
    if (answered) {
      questions.show({ kind: 'answered', ...answered });
      return;
    }
    const at = { story, step, actions: timeline.actions, now: frame };
    const question = definition.question?.(at);
    questions.show(question ? { kind: 'ask', question } : { kind: 'none' });
  }

  function act(action: A): string | undefined {
    const refused = timeline.act(action);
    if (refused === undefined) draw(true);
    return refused;
  }

  const paint = definition.picture(hostFor(pictureElement));
  const lab = definition.lab?.(hostFor(labElement));
  host.root.append(labElement, note, ...(questions ? [questions.element] : []), pictureElement);
  if (breakpoints.length > 0 && typeof ResizeObserver === 'function') {
    // The box crossed a breakpoint: the same frame in the other layout (the caption, the note and
    // the lab stay as they are).
    const observer = new ResizeObserver(() => {
      if (bandOf(pictureElement.clientWidth) === drawnBand) return;
      const focus = focusKeyIn(host.root);
      paintNow(timeline.frame.view, false);
      restoreFocus(host.root, focus);
    });
    observer.observe(pictureElement);
    host.disposer.add(() => observer.disconnect());
  }

  return {
    stepCount: timeline.stepCount,
    reset() {
      timeline.reset();
      lab?.reset?.();
    },
    show(step, animate) {
      timeline.seek(step);
      draw(animate);
    },
    destroy: stop,
    actions: () => timeline.actions,
    restore(actions) {
      // Each action goes through the logic's own `act`, as if the student made it now; a refused
      // or malformed one (a forged link) is skipped with its reason.
      const refused: string[] = [];
      for (const action of actions) {
        let reason: string | undefined;
        try {
          reason = timeline.act(action as A);
        } catch {
          reason = 'действие не распознано';
        }
        if (reason !== undefined) refused.push(reason);
      }
      draw(false);
      return refused;
    },
    notify(text) {
      message = text;
      showNote(timeline.frame.dropped);
    },
    // The lab and the stage lay the picture out differently: draw the frame again, unanimated.
    // The face the root was made with is the one mount.ts announces first: nothing to redraw
    // (its first `show` draws the first frame, legend included).
    faceChanged(next) {
      if (next === face) return;
      face = next;
      draw(false);
    },
    question: () => (definition.question ? stageQuestion() : undefined),
    showTally(next) {
      tally = next;
      ask();
    },
  };
}

/**
 * How to find the focused control again after a redraw: its `data-focus-key` (a path such as
 * `W1/finish`: when that control is gone, the first one under `W1/` takes the focus), or its name.
 */
function focusKeyIn(root: HTMLElement): readonly string[] {
  const active = document.activeElement;
  if (!(active instanceof HTMLElement) || !root.contains(active) || active === root) return [];
  const key = active.dataset['focusKey'];
  if (key) {
    const parent = key.includes('/') ? key.slice(0, key.lastIndexOf('/') + 1) : undefined;
    const exact = `[data-focus-key="${CSS.escape(key)}"]`;
    return parent ? [exact, `[data-focus-key^="${CSS.escape(parent)}"]`] : [exact];
  }
  const name = active.getAttribute('name');
  return name ? [`[name="${CSS.escape(name)}"]`] : [];
}

function restoreFocus(root: HTMLElement, selectors: readonly string[]): void {
  if (selectors.length === 0 || root.contains(document.activeElement)) return;
  // A disabled match cannot take focus: try the next one (the parent key's first control).
  for (const selector of selectors) {
    const target = root.querySelector<HTMLElement>(`${selector}:not(:disabled)`);
    if (target) {
      target.focus({ preventScroll: true });
      return;
    }
  }
}
