/**
 * The order flow's default inputs and their validation. The defaults are the durations in the
 * slides' code (examples/order_flow/services.py and async_app.py).
 */
import type { OrderDurations, OrderFlowInput, WorkerTask } from './types.ts';

/** 100 + 2000 + 500 + 300 = 2900 ms synchronously; 100 + 3 × 5 = 115 ms with a broker. */
export const DEFAULT_DURATIONS: OrderDurations = {
  saveOrder: 100,
  sendEmail: 2000,
  updateInventory: 500,
  notifyWarehouse: 300,
  publish: 5,
};

/** The upper bound a student may set for one step, ms. */
export const MAX_STEP_MS = 60_000;

/** The most failed attempts a task may be scripted to have. */
export const MAX_FAILURES = 10;

/** The three worker tasks, in the order the handler performs or publishes them. */
export const WORKER_TASKS: readonly WorkerTask[] = ['email', 'inventory', 'warehouse'];

/** Nothing fails, slide durations. */
export const DEFAULT_INPUT: OrderFlowInput = {
  durations: DEFAULT_DURATIONS,
  failures: { email: 0, inventory: 0, warehouse: 0 },
};

/**
 * A complete, checked input: missing values take the defaults. Throws RangeError naming the
 * field if a duration is not a finite number in [0, 60000] ms or a failure count not an
 * integer in [0, 10].
 */
export function resolveInput(
  partial: {
    readonly durations?: Partial<OrderDurations>;
    readonly failures?: Partial<Record<WorkerTask, number>>;
  } = {},
): OrderFlowInput {
  const durations = { ...DEFAULT_DURATIONS, ...partial.durations };
  for (const [key, value] of Object.entries(durations)) {
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > MAX_STEP_MS) {
      throw new RangeError(
        `orderflow: durations.${key} must be a finite number in [0, ${MAX_STEP_MS}] ms, got ${String(value)}`,
      );
    }
  }
  const failures = { ...DEFAULT_INPUT.failures, ...partial.failures };
  for (const task of WORKER_TASKS) {
    const n = failures[task];
    if (!Number.isInteger(n) || n < 0 || n > MAX_FAILURES) {
      throw new RangeError(
        `orderflow: failures.${task} must be an integer in [0, ${MAX_FAILURES}], got ${String(n)}`,
      );
    }
  }
  return { durations, failures };
}
