import type { ChartConfiguration } from 'chart.js';
import { describe, expect, it } from 'vitest';
import { WIDGETS } from '../../../../src/lecture/names.ts';
import { Timeline, isRefusal, replay } from '../../../../src/widgets/runtime/timeline.ts';
import {
  BROKERS_CAPTION,
  THROUGHPUT_CAPTIONS,
  brokersLogic,
  throughputLogic,
} from '../../../../src/widgets/charts/logic.ts';
import { twoLines } from '../../../../src/widgets/charts/bar-chart.ts';
import {
  brokerComplexityConfig,
  brokerSpeedConfig,
} from '../../../../src/widgets/charts/brokers-config.ts';
import {
  latencyConfig,
  throughputConfig,
} from '../../../../src/widgets/charts/throughput-config.ts';

const steps = WIDGETS['chart-throughput'].steps;

describe('chart widgets on the kit: steps, captions, nothing to act on', () => {
  it('slide 4 adds one group per step, with that group in the caption', () => {
    const frames = [0, 1, 2].map((n) => replay(throughputLogic, 'throughput', steps, n, []));
    expect(frames.map((f) => f.view.shown)).toEqual([1, 2, 3]);
    expect(frames.map((f) => f.caption)).toEqual([...THROUGHPUT_CAPTIONS]);
    for (const caption of THROUGHPUT_CAPTIONS) expect(caption.length).toBeLessThanOrEqual(90);
  });

  it('slide 5 has no steps and one caption of about 90 characters', () => {
    const frame = replay(brokersLogic, 'brokers', WIDGETS['chart-brokers'].steps, 0, []);
    expect(frame.caption).toBe(BROKERS_CAPTION);
    expect(BROKERS_CAPTION.length).toBeLessThanOrEqual(95);
  });

  it('a chart refuses every action with a Russian reason and never throws', () => {
    const refused = throughputLogic.act(2, undefined as never);
    expect(isRefusal(refused) && refused.reason).toMatch(/нечего менять/);
    const timeline = new Timeline(brokersLogic, 'brokers', 0);
    expect(timeline.act(undefined as never)).toMatch(/нечего менять/);
    expect(timeline.actions).toEqual([]);
  });
});

describe('every bar says its value; every row is named', () => {
  const valuesOf = <D>(config: ChartConfiguration<'bar', D[], string>) =>
    config.options?.plugins?.deckBarValues?.values;

  it('slide 4: the values of the shown groups only, in the lecture’s words', () => {
    expect(valuesOf(throughputConfig(0))).toEqual(['5 000–20 000 записей/с', '', '']);
    expect(valuesOf(throughputConfig(2))).toEqual([
      '5 000–20 000 записей/с',
      'до 50 000 записей/с',
      '100 000 – 1 000 000+ сообщений/с',
    ]);
    expect(valuesOf(latencyConfig(2))).toEqual(['5–50 мс', '2–10 мс', '0,1–1 мс']);
    expect(latencyConfig(2).data.labels).toEqual(throughputConfig(2).data.labels);
  });

  it('slide 5: speed and complexity bars carry their figures and words; both charts name rows', () => {
    expect(valuesOf(brokerSpeedConfig())).toEqual([
      '100 000+ сообщений/с',
      '≈20 000 сообщений/с',
      '1 000 000+ сообщений/с',
    ]);
    expect(valuesOf(brokerComplexityConfig())).toEqual(['низкая', 'средняя', 'высокая']);
    expect(brokerComplexityConfig().data.labels).toEqual(['◆ Redis', '● RabbitMQ', '■ Kafka']);
  });

  it('a long row label breaks into two lines at the space nearest its middle', () => {
    expect(twoLines('▲ PostgreSQL / MySQL / MS SQL')).toEqual(['▲ PostgreSQL /', 'MySQL / MS SQL']);
    expect(twoLines('■ Kafka')).toBe('■ Kafka');
  });
});
