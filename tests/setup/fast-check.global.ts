/** Prints, once per run, the seed every property test of the unit project uses. */
import { fastCheckSeed } from './fast-check.ts';

export default function setup(): void {
  console.log(`[fast-check] seed ${fastCheckSeed()} (FC_SEED=<n> to change)`);
}
