/**
 * Property tests run with one fixed seed that the run prints (issue 13, «Also»): the unit
 * project's setup file configures it globally, so each `fc.assert` uses it without naming it, and
 * no property test lives where that setup does not run (the real and browser projects, benches).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

// Read before this file imports the setup module (which would set it): the project's setup did.
const configured = fc.readConfigureGlobal().seed;
const { DEFAULT_FC_SEED, fastCheckSeed } = await import('../setup/fast-check.ts');

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? files(path) : /\.[cm]?ts$/.test(entry.name) ? [path] : [];
  });
}

describe('property tests are seeded', () => {
  it('a property runs with the seed the run prints (FC_SEED or the default)', () => {
    expect(fastCheckSeed()).toBe(Number(process.env['FC_SEED'] || DEFAULT_FC_SEED));
    expect(configured).toBe(fastCheckSeed());
    const details = fc.check(
      fc.property(fc.integer(), () => true),
      { numRuns: 1 },
    );
    expect(details.seed).toBe(fastCheckSeed());
  });

  it('no fast-check outside the unit project, where the seed is not set', () => {
    const root = process.cwd();
    const outside = ['tests/real', 'tests/browser', 'bench', 'scripts', 'src']
      .flatMap((dir) => files(join(root, dir)))
      .filter((file) => /from ['"]fast-check['"]/.test(readFileSync(file, 'utf8')));
    expect(outside).toEqual([]);
  });
});
