/**
 * Data of the order-flow model (slides 6–7): one order handled synchronously (the handler does
 * every step in turn) and through a broker (the handler saves the order, publishes three tasks
 * and answers; three workers do the rest). Durations are inputs, in virtual milliseconds.
 */

/** How long each step takes, ms; the defaults are the comments in examples/order_flow. */
export interface OrderDurations {
  readonly saveOrder: number;
  readonly sendEmail: number;
  readonly updateInventory: number;
  readonly notifyWarehouse: number;
  /** One publish to the broker (a network round trip). */
  readonly publish: number;
}

/** The three side effects that move to workers in the async design. */
export type WorkerTask = 'email' | 'inventory' | 'warehouse';

/** Everything the timelines depend on. */
export interface OrderFlowInput {
  readonly durations: OrderDurations;
  /**
   * Whether a task's handler raises (any n > 0; 0..10 accepted, only the first failure counts,
   * as neither design retries). Synchronously the failure ends the request with HTTP 500; with
   * the slide's Redis broker the worker has already taken the task off the list with BRPOP, the
   * exception ends the worker (workers.py catches only Ctrl+C) and the task is lost.
   */
  readonly failures: Readonly<Record<WorkerTask, number>>;
}

/** A swim lane of the timeline. */
export type Lane = 'client' | 'api' | 'worker:email' | 'worker:inventory' | 'worker:warehouse';

/** What a span shows; the widget maps keys to Russian captions. */
export type SpanLabel =
  | 'waitResponse'
  | 'saveOrder'
  | 'sendEmail'
  | 'updateInventory'
  | 'notifyWarehouse'
  | 'publishEmail'
  | 'publishInventory'
  | 'publishWarehouse';

/** One bar on the timeline. */
export interface Span {
  readonly lane: Lane;
  readonly label: SpanLabel;
  readonly start: number;
  readonly end: number;
  readonly status: 'ok' | 'error';
  /** Always 1: nothing in the slides' code tries a task again. */
  readonly attempt: number;
}

/** The two designs. */
export type OrderFlowMode = 'sync' | 'async';

/** Everything that happens, in time order; broker commands in Redis words (LPUSH, BRPOP). */
export type OrderFlowEvent =
  | { readonly type: 'request'; readonly mode: OrderFlowMode; readonly at: number }
  | {
      readonly type: 'span-start' | 'span-end';
      readonly mode: OrderFlowMode;
      readonly at: number;
      readonly span: Span;
    }
  | {
      readonly type: 'response';
      readonly mode: OrderFlowMode;
      readonly at: number;
      readonly status: 201 | 500;
    }
  | {
      /** The handler pushes the task onto the list (the key), as async_app.py's publish(). */
      readonly type: 'LPUSH';
      readonly mode: 'async';
      readonly at: number;
      readonly key: string;
    }
  | {
      /** The blocked worker pops the task: from now on it is in no list, only in the worker. */
      readonly type: 'BRPOP';
      readonly mode: 'async';
      readonly at: number;
      readonly key: string;
    }
  | {
      /** The worker's handler returned: the task is done (Redis is told nothing). */
      readonly type: 'task-done';
      readonly mode: 'async';
      readonly at: number;
      readonly key: string;
    }
  | {
      /**
       * The handler raised: the exception ends the worker process and the popped task is gone
       * (no list holds it, nothing acks or redelivers); the client already has its 201.
       */
      readonly type: 'task-lost';
      readonly mode: 'async';
      readonly at: number;
      readonly key: string;
    };

/** One design's outcome: its timeline, what the client got and when, and when all work ended. */
export interface OrderFlowRun {
  readonly mode: OrderFlowMode;
  readonly spans: readonly Span[];
  readonly responseMs: number;
  readonly status: 201 | 500;
  /** When the last span ends (the last worker finishes, in the async design). */
  readonly doneMs: number;
  readonly events: readonly OrderFlowEvent[];
}
