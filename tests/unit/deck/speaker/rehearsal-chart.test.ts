import { describe, expect, it } from 'vitest';
import {
  chartHeight,
  rehearsalChartConfig,
  REHEARSAL_COLORS,
} from '../../../../src/deck/speaker/rehearsal-chart.ts';

const ROWS = [
  { label: 'Введение', planned: 607, actual: 185 },
  { label: 'Redis', planned: 555, actual: 0 },
];

describe('rehearsal chart', () => {
  it('pairs an outlined plan bar with a filled actual bar per row, in minutes', () => {
    const config = rehearsalChartConfig(ROWS);
    expect(config.data.labels).toEqual(['Введение', 'Redis']);
    const [plan, actual] = config.data.datasets;
    expect(plan).toMatchObject({ label: 'План', data: [10.12, 9.25], borderWidth: 2 });
    expect(plan?.borderColor).toBe(REHEARSAL_COLORS.planned);
    expect(actual).toMatchObject({ label: 'Факт', data: [3.08, 0], borderWidth: 0 });
    expect(actual?.backgroundColor).toBe(REHEARSAL_COLORS.actual);
  });

  it('draws horizontally, without animation, at a fixed size', () => {
    const options = rehearsalChartConfig(ROWS).options;
    expect(options?.indexAxis).toBe('y');
    expect(options?.animation).toBe(false);
    expect(options?.responsive).toBe(false);
    expect(chartHeight(40)).toBeGreaterThan(chartHeight(7));
    expect(options?.scales?.['x']?.position).toBe('bottom');
    expect(rehearsalChartConfig(ROWS, 'top').options?.scales?.['x']?.position).toBe('top');
  });

  it('says the exact figures in the tooltip', () => {
    const label = rehearsalChartConfig(ROWS).options?.plugins?.tooltip?.callbacks?.label as (ctx: {
      dataIndex: number;
      datasetIndex: number;
    }) => string;
    expect(label({ dataIndex: 0, datasetIndex: 0 })).toBe('План: 10:07');
    expect(label({ dataIndex: 0, datasetIndex: 1 })).toBe('Факт: 3:05');
    expect(label({ dataIndex: 5, datasetIndex: 1 })).toBe('');
  });
});
