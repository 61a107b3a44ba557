import { describe, expect, it } from 'vitest';
import {
  THROUGHPUT_STEPS,
  latencyConfig,
  throughputConfig,
  visibleStores,
} from '../../../../src/widgets/charts/throughput-config.ts';
import {
  brokerComplexityConfig,
  brokerSpeedConfig,
} from '../../../../src/widgets/charts/brokers-config.ts';
import {
  BROKER_FIGURES,
  STORE_FIGURES,
  formatCount,
} from '../../../../src/widgets/charts/figures.ts';
import { WIDGETS } from '../../../../src/lecture/names.ts';

describe('slide 4 throughput chart', () => {
  it('reveals relational stores, then MongoDB, then brokers, one per clicker step', () => {
    expect(WIDGETS['chart-throughput'].steps).toBe(THROUGHPUT_STEPS);
    expect([0, 1, 2].map(visibleStores)).toEqual([1, 2, 3]);
    const data = (step: number) => throughputConfig(step).data.datasets[0]?.data ?? [];
    expect(data(0).filter(Number.isFinite)).toEqual([20_000]);
    expect(data(2)).toEqual([20_000, 50_000, 1_000_000]);
  });

  it('uses log scales and the lecture figures with units', () => {
    const x = throughputConfig(2).options?.scales?.x;
    expect(x && 'type' in x && x.type).toBe('logarithmic');
    expect(latencyConfig(2).data.datasets[0]?.data).toEqual([
      [5, 50],
      [2, 10],
      [0.1, 1],
    ]);
    expect(STORE_FIGURES.map((f) => f.writesText)).toEqual([
      '5 000–20 000 записей/с',
      'до 50 000 записей/с',
      '100 000 – 1 000 000+ сообщений/с',
    ]);
  });

  it('labels each bar with a shape as well as a colour', () => {
    const labels = throughputConfig(2).data.labels ?? [];
    expect(labels.map((l) => l.split(' ')[0])).toEqual(['▲', '▼', '◆']);
  });
});

describe('slides 5 and 35 broker comparison', () => {
  it('shows the lecture figures for the three brokers', () => {
    expect(brokerSpeedConfig().data.datasets[0]?.data).toEqual([100_000, 20_000, 1_000_000]);
    expect(brokerComplexityConfig().data.datasets[0]?.data).toEqual([1, 2, 3]);
    expect(BROKER_FIGURES.map((b) => b.guaranteeText)).toEqual([
      'at most once*',
      'at least once',
      'exactly once**',
    ]);
    expect(WIDGETS['chart-brokers'].steps).toBe(0);
  });

  it('formats counts the Russian way', () => {
    expect(formatCount(1_000_000)).toBe('1 000 000');
  });
});
