/**
 * Mounts a widget module into its slot: creates the one root element, the caption/live region
 * and the controls, and returns a handle the deck uses to show steps and to destroy it.
 */
import { h } from './dom.ts';
import { WIDGET_CLASS } from './classes.ts';
import { createControls } from './controls.ts';
import { Disposer } from './disposer.ts';
import { prefersReducedMotion } from './motion.ts';
import './widgets.css';
import { LAB_ONLY } from './kit.ts';
import type { QuestionTally } from './question-box.ts';
import type { StageQuestion, WidgetFace, WidgetModule, WidgetView } from './types.ts';

export interface WidgetHandle {
  readonly name: string;
  readonly root: HTMLElement;
  readonly stepCount: number;
  /** Current step shown (0 = before the first). */
  readonly step: number;
  /** Shows step n (clamped); `animate` when moved one step by the clicker or the controls. */
  setStep(step: number, animate: boolean): void;
  /** The face shown: `stage` (the story for the hall) or `lab` (every input). */
  readonly face: WidgetFace;
  /** True for a kit widget (it has a stage face; others show only their lab). */
  readonly hasStage: boolean;
  /** True when the stage can open a lab (a kit widget with inputs; a chart has none). */
  readonly hasLab: boolean;
  /** Shows `face` (a widget not on the kit has only the lab face); the step and story stay. */
  setFace(face: WidgetFace): void;
  /** The student's action log ([] for a widget without one). */
  actions(): readonly unknown[];
  /** Does `actions` on the current step as the student would; returns the skipped ones' reasons. */
  restore(actions: readonly unknown[]): readonly string[];
  /** Shows `message` in the lab's note (kit widgets) until the next frame. */
  notify(message: string | undefined): void;
  /** The stage's question at the current step (kit widgets with questions), or undefined. */
  question(): StageQuestion | undefined;
  /** Shows the hall's votes (live mode) in the stage's question box; undefined hides them. */
  showTally(tally: QuestionTally | undefined): void;
  /** Removes every element, listener, frame and timer the widget made. */
  destroy(): void;
}

export interface MountOptions {
  /** Called when the widget's own controls want another step; the deck maps it to fragments. */
  requestStep?: (step: number) => void;
  /** Milliseconds per step when playing at 1×. */
  stepMs?: number;
  /** Overrides the media query (tests, print). */
  reducedMotion?: boolean;
  /** The story the slide names (the slot's `data-widget-story`). */
  story?: string;
  /** The face to start with (default `lab`); only kit widgets have a stage. */
  face?: WidgetFace;
  /** Adds the small `button[name="lab"]` that opens and closes the lab (the deck). */
  labToggle?: boolean;
  /** Called after the face changes (the deck opens a stage slot while its lab is shown). */
  onFace?: (face: WidgetFace) => void;
}

/** The handle of each mounted root, while it is mounted (see `mountedIn`). */
const mounted = new WeakMap<Element, WidgetHandle>();

/**
 * The handle of the widget mounted in `slot` now (its `[data-widget]` child), or undefined: how
 * the speaker view's «Дальше» reads the action log of the deck's widget on the current slide, and
 * the stage's QR code (src/deck/qr-overlay.ts) the state of the slide's widget.
 */
export function mountedIn(slot: ParentNode): WidgetHandle | undefined {
  const root = slot.querySelector(':scope > [data-widget]');
  return root ? mounted.get(root) : undefined;
}

/** Keys a focused control handles itself: the deck must not see them (Space would turn the slide). */
const CONTROL_KEYS = new Set([' ', 'Enter']);

/** Mounts `module` as widget `name` inside `slot`. */
export function mountWidget(
  slot: HTMLElement,
  name: string,
  module: WidgetModule,
  options: MountOptions = {},
): WidgetHandle {
  const disposer = new Disposer();
  const hasStage = module.kit === true;
  const hasLab = hasStage && module.hasLab !== false;
  let face: WidgetFace = hasStage ? (options.face ?? 'lab') : 'lab';
  const root = h('div', {
    class: hasStage ? `${WIDGET_CLASS.root} ${WIDGET_CLASS.kitRoot}` : WIDGET_CLASS.root,
    'data-widget': name,
    'data-step': 0,
    'data-face': face,
  });
  disposer.listen(root, 'keydown', (event) => {
    const target = event.target;
    if (!CONTROL_KEYS.has(event.key) || !(target instanceof HTMLElement)) return;
    if (target.closest('button, select, input, textarea, summary, [role="button"]')) {
      event.stopPropagation();
    }
  });
  const caption = h('p', {
    class: WIDGET_CLASS.caption,
    role: 'status',
    'aria-live': 'polite',
    'aria-atomic': 'true',
  });
  let step = 0;
  let playing = false;
  let speed = 1;
  let playTimer: number | undefined;

  const setStep = (next: number, animate: boolean): void => {
    const clamped = Math.max(0, Math.min(view.stepCount, Math.floor(next)));
    step = clamped;
    root.dataset.step = String(clamped);
    view.show(clamped, animate && !reducedMotion);
    controls.update({ playing, step, stepCount: view.stepCount });
  };
  const request = (next: number): void => {
    if (options.requestStep) options.requestStep(next);
    else setStep(next, true);
  };
  const stopPlaying = (): void => {
    playing = false;
    if (playTimer !== undefined) disposer.cancelTimeout(playTimer);
    playTimer = undefined;
    controls.update({ playing, step, stepCount: view.stepCount });
  };
  const tick = (): void => {
    if (step >= view.stepCount) {
      stopPlaying();
      return;
    }
    request(step + 1);
    playTimer = disposer.timeout(tick, (options.stepMs ?? 1600) / speed);
  };

  const reducedMotion = options.reducedMotion ?? prefersReducedMotion();
  const view: WidgetView = module.mount({
    root,
    disposer,
    reducedMotion,
    say(text) {
      caption.textContent = text;
    },
    requestStep: request,
    speed: () => speed,
    story: options.story,
  });
  const controls = createControls(disposer, {
    onPlayToggle() {
      if (playing) {
        stopPlaying();
        return;
      }
      playing = true;
      if (step >= view.stepCount) request(0);
      playTimer = disposer.timeout(tick, 300);
      controls.update({ playing, step, stepCount: view.stepCount });
    },
    onStep(delta) {
      stopPlaying();
      request(step + delta);
    },
    onReset() {
      stopPlaying();
      view.reset?.();
      request(0);
    },
    onSpeed(value) {
      speed = value;
    },
  });
  // A widget without scripted steps (a chart) has nothing to play.
  if (view.stepCount > 0) root.append(controls.element);
  if (hasStage) controls.element.classList.add(LAB_ONLY);
  root.append(caption);
  const labToggle = h('button', { type: 'button', name: 'lab', class: WIDGET_CLASS.labToggle });
  const setFace = (next: WidgetFace): void => {
    face = hasStage ? next : 'lab';
    root.dataset['face'] = face;
    labToggle.textContent = face === 'lab' ? '✕ Закрыть лабораторию' : 'Лаборатория (L)';
    labToggle.setAttribute('aria-pressed', String(face === 'lab'));
    view?.faceChanged?.(face);
    options.onFace?.(face);
  };
  if (hasLab && options.labToggle) {
    disposer.listen(labToggle, 'click', () => setFace(face === 'lab' ? 'stage' : 'lab'));
    root.prepend(labToggle);
  }
  setFace(face);
  slot.append(root);
  view.show(0, false);
  controls.update({ playing, step, stepCount: view.stepCount });

  const handle: WidgetHandle = {
    name,
    root,
    get stepCount() {
      return view.stepCount;
    },
    get step() {
      return step;
    },
    setStep,
    get face() {
      return face;
    },
    hasStage,
    hasLab,
    setFace,
    actions: () => view.actions?.() ?? [],
    restore: (actions) => view.restore?.(actions) ?? actions.map(() => 'виджет без действий'),
    notify: (message) => view.notify?.(message),
    question: () => view.question?.(),
    showTally: (tally) => view.showTally?.(tally),
    destroy() {
      mounted.delete(root);
      disposer.dispose();
      view.destroy?.();
      root.remove();
    },
  };
  mounted.set(root, handle);
  return handle;
}
