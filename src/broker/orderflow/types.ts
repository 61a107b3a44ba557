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
   * How many attempts of a task fail before one succeeds (0..10). Synchronously the first
   * failure is the end of the request (HTTP 500); asynchronously the worker rejects the message
   * with requeue, the broker redelivers it, and the worker tries again.
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
  /** 1 for the first try of a worker's task, 2 after one redelivery, … */
  readonly attempt: number;
}

/** The two designs. */
export type OrderFlowMode = 'sync' | 'async';

/** Everything that happens, in time order; broker events in AMQP words. */
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
      readonly type: 'basic.publish';
      readonly mode: 'async';
      readonly at: number;
      readonly routingKey: string;
    }
  | {
      readonly type: 'basic.deliver';
      readonly mode: 'async';
      readonly at: number;
      readonly queue: string;
      readonly consumerTag: string;
      readonly deliveryTag: number;
      readonly redelivered: boolean;
    }
  | {
      readonly type: 'basic.ack';
      readonly mode: 'async';
      readonly at: number;
      readonly queue: string;
      readonly deliveryTag: number;
    }
  | {
      readonly type: 'basic.reject';
      readonly mode: 'async';
      readonly at: number;
      readonly queue: string;
      readonly deliveryTag: number;
      readonly requeue: true;
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
