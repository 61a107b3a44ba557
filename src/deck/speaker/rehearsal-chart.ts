/**
 * The rehearsal chart: planned against actual minutes per row (part or slide) as paired
 * horizontal bars. The plan is an outlined bar, the actual time a filled one, so the pair reads
 * without colour too. No animation.
 */
import type { ChartConfiguration } from 'chart.js';
import { formatDuration } from './format.ts';

/** One row of the chart (seconds). */
export interface ChartRow {
  readonly label: string;
  readonly planned: number;
  readonly actual: number;
}

/** Bar colours: the plan in slate (outlined), the actual time in the deck's accent (filled). */
export const REHEARSAL_COLORS = { planned: '#4a5262', actual: '#0b57b0' } as const;

/**
 * Chart.js configuration for `rows`; values in minutes, tooltips in «М:СС». A tall chart (one row
 * per slide) puts its minute axis on top, where reading starts.
 */
export function rehearsalChartConfig(
  rows: readonly ChartRow[],
  axisPosition: 'top' | 'bottom' = 'bottom',
): ChartConfiguration<'bar', number[], string> {
  const minutes = (s: number): number => Math.round((s / 60) * 100) / 100;
  return {
    type: 'bar',
    data: {
      labels: rows.map((r) => r.label),
      datasets: [
        {
          label: 'План',
          data: rows.map((r) => minutes(r.planned)),
          backgroundColor: 'rgba(255,255,255,0)',
          borderColor: REHEARSAL_COLORS.planned,
          borderWidth: 2,
        },
        {
          label: 'Факт',
          data: rows.map((r) => minutes(r.actual)),
          backgroundColor: REHEARSAL_COLORS.actual,
          borderWidth: 0,
        },
      ],
    },
    options: {
      indexAxis: 'y',
      animation: false,
      responsive: false,
      plugins: {
        tooltip: {
          callbacks: {
            label: (ctx) => {
              const row = rows[ctx.dataIndex];
              if (!row) return '';
              const plan = ctx.datasetIndex === 0;
              return `${plan ? 'План' : 'Факт'}: ${formatDuration(plan ? row.planned : row.actual)}`;
            },
          },
        },
      },
      scales: {
        x: {
          position: axisPosition,
          beginAtZero: true,
          title: { display: true, text: 'минуты', font: { size: 16 } },
          ticks: { font: { size: 15 } },
        },
        y: { ticks: { autoSkip: false, font: { size: 15 } } },
      },
    },
  };
}

/** Chart height in px for `count` rows (each row holds two bars). */
export function chartHeight(count: number): number {
  return 70 + count * 34;
}
