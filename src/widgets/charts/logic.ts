/**
 * The chart widgets' logic on the kit: a chart has scripted steps and nothing for a student to
 * do, so the model is the step reached and every action is refused. Pure: no DOM, no Chart.js.
 */
import type { StoryOf } from '../../lecture/names.ts';
import { refuse, type WidgetLogic } from '../runtime/timeline.ts';
import { STORE_FIGURES } from './figures.ts';
import { visibleStores } from './throughput-config.ts';

const NOTHING_TO_DO = refuse('На графике нечего менять: он показывает цифры лекции.');

/** Slide 4's frame: how many store groups the charts show (1 … 3). */
export interface ThroughputView {
  readonly shown: number;
}

/** One caption per step: the group just added, its figures. */
export const THROUGHPUT_CAPTIONS = [
  'Реляционные СУБД: 5 000–20 000 записей/с при задержке 5–50 мс.',
  'MongoDB: до 50 000 записей/с, задержка 2–10 мс — быстрее, но всё ещё диск.',
  'Брокеры в памяти: 100 000 – 1 000 000+ сообщений/с — на порядки больше.',
] as const;

export const throughputLogic: WidgetLogic<
  number,
  ThroughputView,
  never,
  StoryOf<'chart-throughput'>
> = {
  init: () => 0,
  play: (_model, _story, step) => step,
  act: () => NOTHING_TO_DO,
  view: (step) => ({ shown: visibleStores(step) }),
  caption: (view) => THROUGHPUT_CAPTIONS[Math.min(view.shown, STORE_FIGURES.length) - 1] ?? '',
};

/** Slide 5's frame: the comparison has no steps. */
export interface BrokersView {
  readonly story: StoryOf<'chart-brokers'>;
}

export const BROKERS_CAPTION =
  'Redis — быстрый и простой, RabbitMQ — надёжный и гибкий, Kafka — журнал событий.';

export const brokersLogic: WidgetLogic<null, BrokersView, never, StoryOf<'chart-brokers'>> = {
  init: () => null,
  play: (model) => model,
  act: () => NOTHING_TO_DO,
  view: (_model, at) => ({ story: at.story }),
  caption: () => BROKERS_CAPTION,
};
