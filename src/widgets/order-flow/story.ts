/**
 * The clicker's story for the order-flow widget as pure data: which time each timeline shows
 * after step n, with which input. Story `sync` (slide 6) walks the synchronous handler, `async`
 * (slide 7) the one with a broker; step 5 of both asks «what if the mail server fails once?».
 */
import {
  orderFlowModel,
  orderFlow,
  resolveInput,
  viewAt,
  type OrderFlowInput,
  type OrderFlowRun,
  type OrderFlowView,
} from '../../broker/orderflow/index.ts';
import { stateAt } from '../../broker/core/replay.ts';
import { WIDGETS, type StoryOf } from '../../lecture/names.ts';

/** Scripted clicker steps; the catalogue entry must say the same. */
export const ORDER_FLOW_STEPS = WIDGETS['order-flow'].steps;

/** Which design the clicker walks through (the slide names it: slide 6 sync, slide 7 async). */
export type StoryKind = StoryOf<'order-flow'>;

/** What one step shows: the input in force and how far each design's clock has run. */
export interface Frame {
  readonly input: OrderFlowInput;
  readonly syncNow: number;
  readonly asyncNow: number;
  /** Right end of the shared ms axis. */
  readonly axisMax: number;
  /** True on the scripted «the mail server fails» step. */
  readonly failureDemo: boolean;
}

/** The input with the e-mail task failing at least once (the scripted failure step). */
export function withEmailFailure(input: OrderFlowInput): OrderFlowInput {
  return resolveInput({
    durations: input.durations,
    failures: { ...input.failures, email: Math.max(1, input.failures.email) },
  });
}

/** The smallest «round» number (1, 1.5, 2, 2.5, 3, 4, 5, 6, 8 × 10^k) at least 2 % above `ms`. */
export function niceAxisMax(ms: number): number {
  const target = Math.max(100, ms * 1.02);
  const exponent = 10 ** Math.floor(Math.log10(target));
  for (const m of [1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10]) {
    if (m * exponent >= target) return m * exponent;
  }
  return 10 * exponent;
}

/** Tick step (1, 2 or 5 × 10^k) giving at most 8 intervals on [0, max]. */
export function tickStep(max: number): number {
  const raw = max / 8;
  const exponent = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 5, 10]) if (m * exponent >= raw) return m * exponent;
  return 10 * exponent;
}

/** End of the n-th (1-based) span of the API lane, or the response when the run stopped earlier. */
function apiEnd(run: OrderFlowRun, n: number): number {
  const api = run.spans.filter((s) => s.lane === 'api');
  return Math.min(api[n - 1]?.end ?? run.responseMs, run.responseMs);
}

/** When each worker finished its task (its handler returned), earliest first. */
export function workerFinishTimes(run: OrderFlowRun): number[] {
  return run.spans
    .filter((s) => s.lane.startsWith('worker:') && s.status === 'ok')
    .map((s) => s.end)
    .sort((a, b) => a - b);
}

function syncTime(run: OrderFlowRun, step: number): number {
  // 1: save, 2: e-mail, 3: inventory, 4: warehouse and the response; a failure ends it earlier.
  return step >= 4 ? run.responseMs : apiEnd(run, step);
}

function asyncTime(run: OrderFlowRun, step: number): number {
  if (step <= 0) return 0;
  if (step === 1) return apiEnd(run, 1);
  if (step === 2) return run.responseMs;
  // Step 3: the moment the second worker is done — two finished, the slowest still working.
  if (step === 3) return workerFinishTimes(run)[1] ?? run.doneMs;
  return run.doneMs;
}

/** The frame after `step` (clamped to 0…{@link ORDER_FLOW_STEPS}) of story `kind`. */
export function frameAt(kind: StoryKind, base: OrderFlowInput, step: number): Frame {
  const n = Math.max(0, Math.min(ORDER_FLOW_STEPS, Math.floor(step)));
  const failureDemo = n === ORDER_FLOW_STEPS;
  const input = failureDemo ? withEmailFailure(base) : base;
  const runs = orderFlow(input);
  let syncNow: number;
  let asyncNow: number;
  if (kind === 'sync') {
    syncNow = n === 0 ? 0 : failureDemo ? runs.sync.responseMs : syncTime(runs.sync, n);
    asyncNow = 0;
  } else {
    // Slide 7 keeps the finished synchronous timeline above as the yardstick.
    syncNow = n === 0 ? 0 : runs.sync.doneMs;
    asyncNow = failureDemo ? runs.async.doneMs : asyncTime(runs.async, n);
  }
  // The axis never shrinks on the failure step: the scripted run stays the yardstick.
  const shown = Math.max(
    orderFlow(base).sync.doneMs,
    runs.sync.doneMs,
    asyncNow > 0 ? runs.async.doneMs : 0,
  );
  return { input, syncNow, asyncNow, axisMax: niceAxisMax(shown), failureDemo };
}

/** Both designs as the core's model shows them at the frame's times (seeking, not accumulating). */
export function viewsAt(frame: Pick<Frame, 'input' | 'syncNow' | 'asyncNow'>): {
  readonly sync: OrderFlowView;
  readonly async: OrderFlowView;
} {
  const at = (ms: number) =>
    stateAt(
      orderFlowModel,
      {
        seed: 0,
        commands: [
          { type: 'configure', ...frame.input },
          { type: 'advance', ms },
        ],
      },
      2,
    ).state;
  return { sync: viewAt(at(frame.syncNow)).sync, async: viewAt(at(frame.asyncNow)).async };
}
