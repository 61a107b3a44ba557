/**
 * The pure half of the widget kit: a widget's logic (its story's steps and the student's actions
 * over the broker core) and the timeline that replays it. No DOM, no timers: unit-tested in Node.
 *
 * A frame is "story, scripted steps 1..n, then the student's actions in order" — a scenario of
 * the widget's own model, replayed with the core's `stateAt`. The timeline keeps the model after
 * every scripted step and, per step, after the last action folded in, so an action costs the same
 * at the 400th as at the first and a seek replays only from the nearest kept state.
 */
import { stateAt, type Model } from '../../broker/core/replay.ts';

const REFUSED: unique symbol = Symbol('refused');

/** Why a student's action cannot be done in the current state (shown to the student). */
export interface Refusal {
  readonly [REFUSED]: true;
  readonly reason: string;
}

/** A refusal with the message the student sees. */
export function refuse(reason: string): Refusal {
  return { [REFUSED]: true, reason };
}

/** True when `value` is a refusal rather than a model. */
export function isRefusal(value: unknown): value is Refusal {
  return typeof value === 'object' && value !== null && REFUSED in value;
}

/** Where a frame is: which story, after how many scripted steps, with how many actions. */
export interface FrameAt<S extends string> {
  readonly story: S;
  readonly step: number;
  /** Actions folded in (refused ones excluded). */
  readonly actions: number;
}

/**
 * What a widget is, without its picture: pure functions over its own model `M` (usually core
 * states plus what the picture tracks). None may mutate its input.
 */
export interface WidgetLogic<M, V, A, S extends string> {
  /** The model before the first scripted step of `story`. */
  init(story: S): M;
  /** Plays scripted step `step` (1-based) of `story`. */
  play(model: M, story: S, step: number): M;
  /** The student's `action`, or why it cannot be done now. */
  act(model: M, action: A): M | Refusal;
  /**
   * The reasons of the student's earlier actions that the action which made `model` left out
   * (a setting that replays the story with them, and some no longer fit). The timeline adds them
   * to the frame's `dropped`, so the lab's note names them like those a seek skips. Optional.
   */
  skipped?(model: M): readonly string[];
  /** What one frame shows. */
  view(model: M, at: FrameAt<S>): V;
  /** The one caption the audience reads for a frame. */
  caption(view: V): string;
}

/** One move of a widget's own model: a scripted step or a student's action. */
export type Move<A> =
  { readonly kind: 'step'; readonly step: number } | { readonly kind: 'act'; readonly action: A };

/** The widget's own model state while replaying: the model and the actions that did not fit. */
export interface Played<M> {
  readonly model: M;
  readonly actions: number;
  readonly dropped: readonly string[];
}

/** The logic of `story` as a core `Model`, so `stateAt` can replay it. */
export function widgetModel<M, V, A, S extends string>(
  logic: WidgetLogic<M, V, A, S>,
  story: S,
): Model<Played<M>, Move<A>, never> {
  return {
    init: () => ({ model: logic.init(story), actions: 0, dropped: [] }),
    step: (state, move) => ({ state: apply(logic, story, state, move), events: [] }),
  };
}

function apply<M, V, A, S extends string>(
  logic: WidgetLogic<M, V, A, S>,
  story: S,
  state: Played<M>,
  move: Move<A>,
): Played<M> {
  if (move.kind === 'step') return { ...state, model: logic.play(state.model, story, move.step) };
  const next = logic.act(state.model, move.action);
  if (isRefusal(next)) return { ...state, dropped: [...state.dropped, next.reason] };
  return { model: next, actions: state.actions + 1, dropped: droppedAfter(logic, state, next) };
}

/** What a frame has dropped after an action made `next`: before, plus what that action left out. */
function droppedAfter<M, V, A, S extends string>(
  logic: WidgetLogic<M, V, A, S>,
  before: Played<M>,
  next: M,
): readonly string[] {
  const skipped = logic.skipped?.(next) ?? [];
  return skipped.length > 0 ? [...before.dropped, ...skipped] : before.dropped;
}

/** The moves of a frame: steps 1..step, then every action. */
export function movesOf<A>(step: number, actions: readonly A[]): Move<A>[] {
  const moves: Move<A>[] = [];
  for (let i = 1; i <= step; i++) moves.push({ kind: 'step', step: i });
  for (const action of actions) moves.push({ kind: 'act', action });
  return moves;
}

/** One replayed frame. */
export interface Frame<M, V> {
  readonly step: number;
  readonly model: M;
  readonly view: V;
  readonly caption: string;
  /** Reasons of the logged actions that do not fit this step's state (skipped, never thrown). */
  readonly dropped: readonly string[];
}

function frameOf<M, V, A, S extends string>(
  logic: WidgetLogic<M, V, A, S>,
  story: S,
  step: number,
  played: Played<M>,
): Frame<M, V> {
  const view = logic.view(played.model, { story, step, actions: played.actions });
  return { step, model: played.model, view, caption: logic.caption(view), dropped: played.dropped };
}

/** The frame after `step` scripted steps of `story` and the student's `actions`, from scratch. */
export function replay<M, V, A, S extends string>(
  logic: WidgetLogic<M, V, A, S>,
  story: S,
  stepCount: number,
  step: number,
  actions: readonly A[],
): Frame<M, V> {
  const n = clampStep(step, stepCount);
  const moves = movesOf(n, actions);
  const { state } = stateAt(widgetModel(logic, story), { seed: 0, commands: moves }, moves.length);
  return frameOf(logic, story, n, state);
}

function clampStep(step: number, stepCount: number): number {
  return Math.max(0, Math.min(stepCount, Math.floor(Number.isFinite(step) ? step : 0)));
}

/** The one limit on a student's log, the same for every widget. */
export const MAX_ACTIONS = 400;
export const TOO_MANY_ACTIONS = `Не больше ${MAX_ACTIONS} действий подряд — нажмите «Сначала».`;

/**
 * A widget's step and the student's action log, replayed incrementally. `act` and `seek` return
 * the new frame; the log keeps only actions that fitted when they were made.
 */
export class Timeline<M, V, A, S extends string> {
  readonly #logic: WidgetLogic<M, V, A, S>;
  readonly #story: S;
  readonly #stepCount: number;
  readonly #model: Model<Played<M>, Move<A>, never>;
  /** The model after scripted step i (index i), filled on demand. */
  readonly #scripted: Played<M>[] = [];
  /** Per step, the state after the first `count` logged actions. */
  readonly #kept = new Map<number, { count: number; state: Played<M> }>();
  #actions: A[] = [];
  #step = 0;
  #frame: Frame<M, V> | undefined;

  constructor(logic: WidgetLogic<M, V, A, S>, story: S, stepCount: number) {
    this.#logic = logic;
    this.#story = story;
    this.#stepCount = stepCount;
    this.#model = widgetModel(logic, story);
  }

  get story(): S {
    return this.#story;
  }

  get step(): number {
    return this.#step;
  }

  get stepCount(): number {
    return this.#stepCount;
  }

  /** The student's actions so far. */
  get actions(): readonly A[] {
    return this.#actions;
  }

  /** The current frame. */
  get frame(): Frame<M, V> {
    this.#frame ??= this.#build();
    return this.#frame;
  }

  /** Moves to scripted step `step` (clamped), keeping the student's actions on top. */
  seek(step: number): Frame<M, V> {
    const n = clampStep(step, this.#stepCount);
    if (n !== this.#step || !this.#frame) {
      this.#step = n;
      this.#frame = this.#build();
    }
    return this.#frame;
  }

  /** Does the student's `action` now; a string says why it was not done (nothing changes). */
  act(action: A): string | undefined {
    if (this.#actions.length >= MAX_ACTIONS) return TOO_MANY_ACTIONS;
    const current = this.#stateAt(this.#step);
    const next = this.#logic.act(current.model, action);
    if (isRefusal(next)) return next.reason;
    this.#actions = [...this.#actions, action];
    const state: Played<M> = {
      model: next,
      actions: current.actions + 1,
      dropped: droppedAfter(this.#logic, current, next),
    };
    this.#kept.set(this.#step, { count: this.#actions.length, state });
    this.#frame = frameOf(this.#logic, this.#story, this.#step, state);
    return undefined;
  }

  /** Forgets the student's actions; the step stays. */
  reset(): Frame<M, V> {
    this.#actions = [];
    this.#kept.clear();
    this.#frame = this.#build();
    return this.#frame;
  }

  #scriptedAt(step: number): Played<M> {
    if (this.#scripted.length === 0) this.#scripted.push(this.#model.init(0));
    while (this.#scripted.length <= step) {
      const i = this.#scripted.length;
      const before = this.#scripted[i - 1];
      if (!before) throw new Error(`timeline: no state before step ${i}`);
      this.#scripted.push(this.#model.step(before, { kind: 'step', step: i }).state);
    }
    const state = this.#scripted[step];
    if (!state) throw new Error(`timeline: no state at step ${step}`);
    return state;
  }

  #stateAt(step: number): Played<M> {
    const kept = this.#kept.get(step) ?? { count: 0, state: this.#scriptedAt(step) };
    let state = kept.state;
    for (const action of this.#actions.slice(kept.count)) {
      state = this.#model.step(state, { kind: 'act', action }).state;
    }
    this.#kept.set(step, { count: this.#actions.length, state });
    return state;
  }

  #build(): Frame<M, V> {
    return frameOf(this.#logic, this.#story, this.#step, this.#stateAt(this.#step));
  }
}
