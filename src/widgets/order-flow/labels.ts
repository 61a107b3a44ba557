/**
 * What the audience reads and how each kind of bar looks: Russian names, colours and shapes per
 * step, so no lane is told apart by colour alone.
 */
import type { SpanLabel, WorkerTask } from '../../broker/orderflow/index.ts';
import { countOf } from '../../lecture/russian.ts';

/** A marker shape drawn at the start of a bar and in the legend. */
export type Shape = 'square' | 'circle' | 'triangle' | 'diamond' | 'bar' | 'ring';

/** How one kind of bar is drawn and named. */
export interface SpanStyle {
  readonly name: string;
  /** Fits a narrow bar. */
  readonly short: string;
  /** «письмо отправлено»: the step done, agreeing in gender and number. */
  readonly done: string;
  readonly color: string;
  readonly shape: Shape;
}

/** Colours chosen for contrast on white and distinct hues (ok for common colour blindness). */
export const SPAN_STYLE: Readonly<Record<SpanLabel, SpanStyle>> = {
  waitResponse: {
    name: 'клиент ждёт',
    short: 'ждёт',
    done: 'ответ получен',
    color: '#6b7280',
    shape: 'ring',
  },
  saveOrder: {
    name: 'запись в БД',
    short: 'БД',
    done: 'заказ записан в БД',
    color: '#0b5cad',
    shape: 'square',
  },
  sendEmail: {
    name: 'письмо',
    short: '✉',
    done: 'письмо отправлено',
    color: '#b45309',
    shape: 'circle',
  },
  updateInventory: {
    name: 'остатки',
    short: 'ост.',
    done: 'остатки обновлены',
    color: '#047857',
    shape: 'triangle',
  },
  notifyWarehouse: {
    name: 'склад',
    short: 'скл.',
    done: 'склад уведомлён',
    color: '#7c3aed',
    shape: 'diamond',
  },
  publishEmail: {
    name: 'публикация',
    short: '',
    done: 'задача опубликована',
    color: '#0e7490',
    shape: 'bar',
  },
  publishInventory: {
    name: 'публикация',
    short: '',
    done: 'задача опубликована',
    color: '#0e7490',
    shape: 'bar',
  },
  publishWarehouse: {
    name: 'публикация',
    short: '',
    done: 'задача опубликована',
    color: '#0e7490',
    shape: 'bar',
  },
};

/** The span label of each worker's job. */
export const TASK_LABEL: Readonly<Record<WorkerTask, SpanLabel>> = {
  email: 'sendEmail',
  inventory: 'updateInventory',
  warehouse: 'notifyWarehouse',
};

/** Nominative names of the tasks («письмо», «остатки», «склад»). */
export const TASK_NAME: Readonly<Record<WorkerTask, string>> = {
  email: 'письмо',
  inventory: 'остатки',
  warehouse: 'склад',
};

/** Worker lane titles. */
export const WORKER_TITLE: Readonly<Record<WorkerTask, string>> = {
  email: 'Воркер писем',
  inventory: 'Воркер остатков',
  warehouse: 'Воркер склада',
};

/** The colour of failed attempts, with a hatch pattern and a cross as its shape. */
export const ERROR_COLOR = '#b3261e';

/** «2900» with a thin space in thousands («12 500»), as Russian typography writes it. */
export function formatNumber(n: number): string {
  return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, '\u202f');
}

/** «2900 мс», «12 500 мс». */
export function formatMs(ms: number): string {
  return `${formatNumber(ms)} мс`;
}

/** «1 сбой», «2 сбоя», «5 сбоев». */
export function pluralFailures(n: number): string {
  return countOf(n, ['сбой', 'сбоя', 'сбоев']);
}
