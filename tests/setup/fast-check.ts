/**
 * Every property test runs with one fixed seed, so CI is reproducible and a failure can be
 * replayed: `FC_SEED=<n> npm test` changes it (e.g. to explore), and the unit project's global
 * setup prints it. When a property fails, fast-check prints the seed and the path of the
 * counterexample: pin it as a named test next to the property, e.g.
 * `it('seed 123 path "4:1": a crash between two polls', () => fc.assert(prop, { seed: 123, path: '4:1' }))`,
 * then fix the code.
 */
import fc from 'fast-check';

/** The default seed of every property test (a date, nothing more). */
export const DEFAULT_FC_SEED = 20261207;

/** The seed this run uses. */
export function fastCheckSeed(): number {
  const raw = process.env['FC_SEED'];
  const seed = raw === undefined || raw === '' ? DEFAULT_FC_SEED : Number(raw);
  if (!Number.isSafeInteger(seed)) throw new Error(`FC_SEED must be an integer, got ${raw}`);
  return seed;
}

fc.configureGlobal({ seed: fastCheckSeed() });
