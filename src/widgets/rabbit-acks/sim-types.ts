/**
 * The data of the rabbit-acks simulation: scenes, the actions a step or a student takes, what
 * happened (in the broker's words, with task numbers), and the simulation's plain-data state.
 */
import type { RabbitState } from '../../broker/rabbitmq/index.ts';

/** A worker process: its id, the name the audience sees and how long one task takes. */
export interface WorkerSpec {
  readonly id: string;
  readonly name: string;
  readonly msPerTask: number;
}

/**
 * What goes wrong with a task: `error` — the callback raises, and the consumer retries once
 * (basic_nack requeue = not redelivered); `invalid` — not a task at all: basic_reject, no requeue.
 */
export type Fault = 'error' | 'invalid';

/** One scene: a work queue (with or without a dead-letter queue), its workers, their prefetch and faulty tasks. */
export interface SceneSpec {
  readonly seed: number;
  readonly queue: string;
  /**
   * The dead-letter queue behind the work queue's x-dead-letter-exchange, or null when the work
   * queue is declared without one (as examples/rabbitmq/consumer.py declares it): then a message
   * nacked or rejected without requeue is dropped («Dead Letter Exchanges», RabbitMQ docs).
   */
  readonly deadLetterQueue: string | null;
  readonly workers: readonly WorkerSpec[];
  /** basic.qos prefetch_count of every worker (0 = unlimited). */
  readonly prefetch: number;
  /** Faulty tasks by task number (the n-th published task is n). */
  readonly faults: Readonly<Record<number, Fault>>;
}

/** Something a lecturer's step or a student does. */
export type AcksAction =
  | { readonly type: 'publish'; readonly count: number }
  | { readonly type: 'run'; readonly ms: number }
  | { readonly type: 'qos'; readonly prefetch: number }
  | { readonly type: 'crash'; readonly worker: string }
  | { readonly type: 'revive'; readonly worker: string }
  | {
      readonly type: 'settle';
      readonly worker: string;
      readonly how: Settlement;
      readonly requeue: boolean;
    };

/** How a consumer settles a delivery. */
export type Settlement = 'ack' | 'nack' | 'reject';

/** Why a delivery was settled the way it was. */
export type SettleCause = 'done' | Fault | 'student';

/** A delivery a worker settled. */
export interface Settled {
  readonly type: Settlement;
  readonly worker: string;
  readonly task: number;
  readonly requeue: boolean;
  readonly cause: SettleCause;
}

/** What happened, in the broker's words, with task numbers instead of message ids. */
export type Happening =
  | { readonly type: 'published'; readonly task: number }
  | {
      readonly type: 'deliver';
      readonly worker: string;
      readonly task: number;
      readonly redelivered: boolean;
    }
  | Settled
  | { readonly type: 'requeued'; readonly task: number }
  | { readonly type: 'dead-lettered'; readonly task: number; readonly queue: string }
  | { readonly type: 'dropped'; readonly task: number }
  | { readonly type: 'crash'; readonly worker: string; readonly held: readonly number[] }
  | { readonly type: 'revive'; readonly worker: string }
  | { readonly type: 'qos'; readonly prefetch: number }
  | { readonly type: 'idle'; readonly ms: number };

/** A worker between commands: whether its process runs, and what it has finished. */
export interface WorkerRun {
  readonly spec: WorkerSpec;
  readonly up: boolean;
  /** Generation of its connection: a revived worker opens a new one. */
  readonly generation: number;
  /** Virtual ms at which it started on its oldest delivery (null: nothing in hand). */
  readonly startedAt: number | null;
  readonly headTag: number | null;
  /** Tasks it acked, in order, with the redelivered flag of the delivery it acked. */
  readonly acked: readonly { readonly task: number; readonly redelivered: boolean }[];
}

/** The whole simulation after some actions. */
export interface AcksSim {
  readonly scene: SceneSpec;
  readonly rabbit: RabbitState;
  readonly workers: readonly WorkerRun[];
  readonly prefetch: number;
  readonly published: number;
  readonly nextTag: number;
  /** Task number of every message copy id the broker made. */
  readonly taskOf: Readonly<Record<number, number>>;
  /** Tasks the broker discarded (no dead-letter exchange), in order. */
  readonly dropped: readonly number[];
  /** Virtual ms of the latest ack/nack/reject (null before any). */
  readonly lastSettleAt: number | null;
  /** What the last action did. */
  readonly log: readonly Happening[];
}
