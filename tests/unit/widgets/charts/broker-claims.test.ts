/**
 * @vitest-environment happy-dom
 */
import { describe, expect, it } from 'vitest';
import { BROKER_FIGURES, type BrokerFigure } from '../../../../src/widgets/charts/figures.ts';
import { brokerFiguresTable } from '../../../../src/widgets/charts/figures-table.ts';

const figure = (broker: BrokerFigure['broker']): BrokerFigure => {
  const found = BROKER_FIGURES.find((b) => b.broker === broker);
  if (!found) throw new Error(`no figure for ${broker}`);
  return found;
};

describe('slides 5 and 35: what the comparison claims about each broker', () => {
  it('Redis «at most once» carries an asterisk whose note names the at-least-once ways (LMOVE/BLMOVE, Streams)', () => {
    const redis = figure('redis');
    expect(redis.guaranteeText).toBe('at most once*');
    expect(redis.guaranteeNote).toMatch(/^\* Redis: /);
    expect(redis.guaranteeNote).toMatch(/LMOVE\/BLMOVE/);
    expect(redis.guaranteeNote).toMatch(/Streams/);
    expect(redis.guaranteeNote).toMatch(/at least once/);
  });

  it('Kafka «exactly once» is qualified by its own note, RabbitMQ’s guarantee needs none', () => {
    expect(figure('kafka').guaranteeNote).toMatch(
      /^\*\* Kafka: exactly once — только внутри Kafka/,
    );
    expect(figure('rabbitmq').guaranteeNote).toBeNull();
    const marks = BROKER_FIGURES.map((b) => /\*+$/.exec(b.guaranteeText)?.[0] ?? '');
    const notes = BROKER_FIGURES.map((b) => /^\*+/.exec(b.guaranteeNote ?? '')?.[0] ?? '');
    expect(notes).toEqual(marks);
  });

  it('Redis keeps publish order in Pub/Sub too: its weakness is loss, not order', () => {
    const order = figure('redis').order;
    expect(order).toMatch(/Pub\/Sub/);
    expect(order).not.toMatch(/нет/);
    expect(order).toMatch(/потери/);
  });

  it('RabbitMQ and Kafka order is stated with its conditions', () => {
    expect(figure('rabbitmq').order).toMatch(/один consumer/);
    expect(figure('rabbitmq').order).toMatch(/requeue/);
    expect(figure('kafka').order).toMatch(/партиции/);
    expect(figure('kafka').order).toMatch(/идемпотентным producer'ом/);
  });

  it('every broker names its sources, and the text alternative shows them in a column', () => {
    for (const b of BROKER_FIGURES) expect(b.source, b.broker).toMatch(/документация/);
    const table = brokerFiguresTable();
    const head = [...table.querySelectorAll('thead th')].map((th) => th.textContent);
    expect(head.at(-1)).toBe('Источник');
    const cells = [...table.querySelectorAll('tbody tr')].map(
      (tr) => tr.lastElementChild?.textContent,
    );
    expect(cells).toEqual(BROKER_FIGURES.map((b) => b.source));
  });
});
