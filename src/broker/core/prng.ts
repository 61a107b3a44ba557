/**
 * A seeded PRNG (sfc32) whose whole state is four unsigned 32-bit integers, so it can live inside
 * a serialisable simulation state. Functions never mutate: they return the value and the next state.
 */
export type PrngState = readonly [number, number, number, number];

/** Creates a PRNG state from any 32-bit seed; the same seed always gives the same sequence. */
export function seedPrng(seed: number): PrngState {
  // splitmix32 spreads a small seed over the four words, so seeds 1 and 2 diverge at once.
  let s = seed >>> 0;
  const next = (): number => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
  let state: PrngState = [next(), next(), next(), next()];
  // Discard a few outputs, as sfc32's authors recommend, so weak seeds warm up.
  for (let i = 0; i < 12; i++) state = nextUint32(state)[1];
  return state;
}

/** The next unsigned 32-bit integer and the state after it. */
export function nextUint32(state: PrngState): [number, PrngState] {
  let [a, b, c, d] = state;
  const t = (((a + b) >>> 0) + d) >>> 0;
  d = (d + 1) >>> 0;
  a = b ^ (b >>> 9);
  b = (c + (c << 3)) >>> 0;
  c = ((c << 21) | (c >>> 11)) >>> 0;
  c = (c + t) >>> 0;
  return [t, [a >>> 0, b, c, d]];
}

/** A float in [0, 1) and the next state. */
export function nextFloat(state: PrngState): [number, PrngState] {
  const [u, next] = nextUint32(state);
  return [u / 0x1_0000_0000, next];
}

/** An integer in [min, max] (inclusive) and the next state. */
export function nextInt(state: PrngState, min: number, max: number): [number, PrngState] {
  if (!Number.isInteger(min) || !Number.isInteger(max) || max < min) {
    throw new RangeError(`nextInt: bad range [${min}, ${max}]`);
  }
  const [f, next] = nextFloat(state);
  return [min + Math.floor(f * (max - min + 1)), next];
}
