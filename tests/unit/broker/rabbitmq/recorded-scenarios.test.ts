/**
 * Replays the scenarios recorded from a real RabbitMQ 3.10.8 (tests/real/broker-rabbitmq-scenarios
 * records them into scenarios.json) through the model: a client must observe the same deliveries,
 * counts and channel closes, with the same reply codes and texts.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { playScenario } from '../../../fixtures/broker/rabbitmq/play-scenario.ts';
import { SCENARIOS, type ScenarioRecord } from '../../../fixtures/broker/rabbitmq/scenarios.ts';

const recorded = JSON.parse(
  readFileSync(
    new URL('../../../fixtures/broker/rabbitmq/scenarios.json', import.meta.url),
    'utf8',
  ),
) as ScenarioRecord;

describe('the model replays what a real RabbitMQ 3.10.8 did', () => {
  it('has a recording for every scenario and no stale ones', () => {
    expect(Object.keys(recorded).sort()).toEqual(SCENARIOS.map((s) => s.name).sort());
  });

  for (const scenario of SCENARIOS) {
    it(scenario.name, () => {
      const real = recorded[scenario.name] ?? [];
      expect(real.length).toBeGreaterThan(0);
      expect(playScenario(scenario)).toEqual(real);
    });
  }
});
