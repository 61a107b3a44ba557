/**
 * The order flow as a `Model`, so a widget can seek "the state after step n": the state is the
 * input and how far the virtual clock has gone; each command reveals the events up to the new
 * time. Both designs run side by side on one clock, as the slides compare them.
 */
import type { Model as ModelShape, Scenario, StepResult } from '../core/replay.ts';
import { DEFAULT_INPUT, resolveInput } from './input.ts';
import { orderFlow } from './timeline.ts';
import type {
  OrderDurations,
  OrderFlowEvent,
  OrderFlowInput,
  OrderFlowMode,
  Span,
  WorkerTask,
} from './types.ts';

/** Plain-data state: the input, the time, and how many events of the merged trace are out. */
export interface OrderFlowState {
  readonly input: OrderFlowInput;
  readonly now: number;
  readonly emitted: number;
}

/** Commands: move time, jump to the next moment something happens, or change the input. */
export type OrderFlowCommand =
  | { readonly type: 'advance'; readonly ms: number }
  | { readonly type: 'next' }
  | {
      readonly type: 'configure';
      readonly durations?: Partial<OrderDurations>;
      readonly failures?: Partial<Record<WorkerTask, number>>;
    };

/** Both designs' events merged by time (sync first on a tie); the order the model reveals them. */
export function mergedTrace(input: OrderFlowInput): readonly OrderFlowEvent[] {
  const { sync, async } = orderFlow(input);
  return [...sync.events, ...async.events].sort((a, b) => a.at - b.at);
}

function reveal(state: OrderFlowState, to: number): StepResult<OrderFlowState, OrderFlowEvent> {
  const trace = mergedTrace(state.input);
  let emitted = state.emitted;
  for (let e = trace[emitted]; e !== undefined && e.at <= to; e = trace[emitted]) emitted++;
  return { state: { ...state, now: to, emitted }, events: trace.slice(state.emitted, emitted) };
}

/** Applies one command; never mutates `state`. */
export function stepOrderFlow(
  state: OrderFlowState,
  command: OrderFlowCommand,
): StepResult<OrderFlowState, OrderFlowEvent> {
  switch (command.type) {
    case 'advance':
      if (!Number.isFinite(command.ms) || command.ms < 0) {
        throw new RangeError(`orderflow: advance needs a finite ms >= 0, got ${command.ms}`);
      }
      return reveal(state, state.now + command.ms);
    case 'next': {
      const upcoming = mergedTrace(state.input)[state.emitted];
      return upcoming ? reveal(state, Math.max(state.now, upcoming.at)) : { state, events: [] };
    }
    case 'configure': {
      const input = resolveInput({
        durations: { ...state.input.durations, ...command.durations },
        failures: { ...state.input.failures, ...command.failures },
      });
      // A new input is a new story: the order starts again at time 0.
      return { state: { input, now: 0, emitted: 0 }, events: [] };
    }
    default:
      throw new TypeError(`orderflow: unknown command ${(command as { type: unknown }).type}`);
  }
}

/** The order-flow model; the seed is unused (nothing here is random) but kept for the shape. */
export const orderFlowModel: ModelShape<OrderFlowState, OrderFlowCommand, OrderFlowEvent> = {
  init: () => ({ input: DEFAULT_INPUT, now: 0, emitted: 0 }),
  step: stepOrderFlow,
};

/** A span as seen at time `now`: started, cut at `now` if still running. */
export interface VisibleSpan extends Span {
  readonly shownEnd: number;
  readonly running: boolean;
}

/** What a widget draws for one design at the state's time. */
export interface OrderFlowView {
  readonly mode: OrderFlowMode;
  readonly spans: readonly VisibleSpan[];
  /** The response time once the client has it, else null. */
  readonly responseMs: number | null;
  readonly status: 201 | 500 | null;
  readonly doneMs: number;
}

/** The two timelines as they look at the state's time. */
export function viewAt(state: OrderFlowState): {
  readonly sync: OrderFlowView;
  readonly async: OrderFlowView;
} {
  const runs = orderFlow(state.input);
  const view = (mode: OrderFlowMode): OrderFlowView => {
    const run = runs[mode];
    const spans = run.spans
      .filter((s) => s.start <= state.now)
      .map((s) => ({ ...s, shownEnd: Math.min(s.end, state.now), running: s.end > state.now }));
    const answered = run.responseMs <= state.now;
    return {
      mode,
      spans,
      responseMs: answered ? run.responseMs : null,
      status: answered ? run.status : null,
      doneMs: run.doneMs,
    };
  };
  return { sync: view('sync'), async: view('async') };
}

/** Step by step through every moment something happens, with the slides' durations. */
export function stepThroughScenario(
  input: Parameters<typeof resolveInput>[0] = {},
): Scenario<OrderFlowCommand> {
  const resolved = resolveInput(input);
  const moments = new Set(mergedTrace(resolved).map((e) => e.at));
  const configure: OrderFlowCommand[] =
    input.durations || input.failures ? [{ type: 'configure', ...input }] : [];
  return {
    seed: 0,
    commands: [...configure, ...Array.from(moments, () => ({ type: 'next' }) as const)],
  };
}
