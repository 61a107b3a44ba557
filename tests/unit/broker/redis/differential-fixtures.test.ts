import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateScenarios, observeModel, type ScenarioFixture } from './differential-scenarios.ts';

const committed = (
  JSON.parse(
    readFileSync(new URL('../../../fixtures/broker/redis/scenarios.json', import.meta.url), 'utf8'),
  ) as { scenarios: ScenarioFixture[] }
).scenarios;

describe('the model replays what a real Redis 7 answered (committed fixture)', () => {
  it('the scenario generator still produces the committed commands', () => {
    expect(committed.map(({ name, commands }) => ({ name, commands }))).toEqual(
      generateScenarios().map(({ name, commands }) => ({ name, commands })),
    );
  });

  it.each(committed.map((s) => [s.name, s] as const))('%s', (_name, scenario) => {
    expect(observeModel(scenario)).toEqual(scenario.observed);
  });
});
