/**
 * The clicker story of slide 36: three workloads of one online shop answered question by
 * question — orders, a click stream, live notifications — each getting its own broker, so the
 * last step shows the lecture's point that one system often runs several brokers.
 */
import { recommend, type Answers, type Recommendation } from './rules.ts';
import { WIDGETS } from '../../lecture/names.ts';

/** Clicker steps (the catalogue entry must say the same). */
export const CHOOSER_STEPS = WIDGETS['broker-chooser'].steps;

/** A workload of the story. */
export interface Workload {
  readonly name: string;
  /** One word for the system strip. */
  readonly short: string;
  readonly answers: Answers;
}

export const ORDERS: Workload = {
  name: 'Заказы: оплата, письма, склад',
  short: 'Заказы',
  answers: {
    throughput: 'moderate',
    replay: 'no',
    routing: 'complex',
    delivery: 'at-least-once',
    operations: 'amqp',
  },
};

export const CLICKS: Workload = {
  name: 'Клики и просмотры для аналитики',
  short: 'Клики',
  answers: {
    throughput: 'huge',
    replay: 'yes',
    routing: 'broadcast',
    delivery: 'at-least-once',
    operations: 'cluster',
  },
};

export const NOTIFICATIONS: Workload = {
  name: 'Уведомления «товар в корзине» онлайн',
  short: 'Уведомления',
  answers: {
    throughput: 'high',
    replay: 'no',
    routing: 'broadcast',
    delivery: 'loss-ok',
    operations: 'minimal',
  },
};

/** The workload shown after step n (0: nothing answered yet). */
export function workloadAt(step: number): Workload {
  const n = Math.max(0, Math.min(CHOOSER_STEPS, Math.floor(step)));
  if (n === 0) return { ...ORDERS, answers: {} };
  if (n === 1) {
    return {
      ...ORDERS,
      answers: { throughput: ORDERS.answers.throughput, replay: ORDERS.answers.replay },
    };
  }
  return n === 2 ? ORDERS : n === 3 ? CLICKS : NOTIFICATIONS;
}

/** Workloads fully decided by step n, with the recommendation each got. */
export function decidedBy(step: number): { workload: Workload; result: Recommendation }[] {
  const done = [ORDERS, CLICKS, NOTIFICATIONS].slice(0, Math.max(0, Math.min(3, step - 1)));
  return done.map((workload) => ({ workload, result: recommend(workload.answers) }));
}

/** What the last step adds after the recommendation: the lecture's closing point. */
export const SYSTEM_NOTE = 'В одной системе — несколько брокеров.';

/** The lead sentence of step n's caption. */
export function leadAt(step: number): string {
  switch (Math.max(0, Math.min(CHOOSER_STEPS, Math.floor(step)))) {
    case 0:
      return '';
    case 1:
      return 'Заказы: поток умеренный, перечитывать не нужно.';
    case 2:
      return 'Заказы целиком: решают маршрутизация и доставка.';
    case 3:
      return 'Клики: поток огромный, историю перечитывают.';
    default:
      return 'Уведомления: важна скорость, потеря не страшна.';
  }
}
