/**
 * The order flow of slides 6–7: the same order synchronously (≈2900 ms) and through a broker
 * (≈115 ms response, workers finishing later), with every duration as data.
 */
export {
  DEFAULT_DURATIONS,
  DEFAULT_INPUT,
  MAX_STEP_MS,
  MAX_FAILURES,
  WORKER_TASKS,
  resolveInput,
} from './input.ts';
export { orderFlow, syncRun, asyncRun, queueOf } from './timeline.ts';
export {
  orderFlowModel,
  stepOrderFlow,
  viewAt,
  mergedTrace,
  stepThroughScenario,
} from './model.ts';
export type { OrderFlowState, OrderFlowCommand, OrderFlowView, VisibleSpan } from './model.ts';
export type * from './types.ts';
