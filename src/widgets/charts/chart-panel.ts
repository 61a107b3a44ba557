/**
 * A chart panel: a titled canvas with role="img" and a label, drawn by Chart.js, destroyed with
 * the widget. The figures are also given as a table (the text alternative) in the lab face.
 */
import type { Chart, ChartConfiguration, ChartType } from 'chart.js';
import { h } from '../runtime/dom.ts';
import type { Disposer } from '../runtime/disposer.ts';
import { setupCharts } from './chart-setup.ts';
import { CHART_CLASS } from './classes.ts';

export interface ChartPanel<T extends ChartType> {
  readonly element: HTMLElement;
  /** Replaces the data and options and redraws without animation. */
  update(config: ChartConfiguration<T, unknown[], string>): void;
}

/** Creates a canvas panel; the chart is destroyed by the disposer. */
export function createChartPanel<T extends ChartType>(
  disposer: Disposer,
  title: string,
  ariaLabel: string,
  config: ChartConfiguration<T, unknown[], string>,
): ChartPanel<T> {
  const ChartClass = setupCharts();
  const canvas = h('canvas', { role: 'img', 'aria-label': ariaLabel });
  const element = h(
    'figure',
    { class: CHART_CLASS.chart },
    h('figcaption', { class: CHART_CLASS.title }, title),
    h('div', { class: CHART_CLASS.canvas }, canvas),
  );
  let chart: Chart<T, unknown[], string> | undefined;
  // Chart.js measures its parent, so it is created once the panel is in the document.
  const create = (): void => {
    if (disposer.isDisposed || chart) return;
    chart = new ChartClass(canvas, config);
  };
  disposer.frame(create);
  disposer.add(() => chart?.destroy());
  return {
    element,
    update(next) {
      if (!chart) {
        config = next;
        return;
      }
      chart.data = next.data;
      if (next.options) chart.options = next.options;
      chart.update('none');
    },
  };
}
