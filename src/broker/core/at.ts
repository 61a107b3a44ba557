/**
 * Reads `items[index]` and throws a RangeError naming the index and the length when there is
 * nothing there, instead of an `as T` cast on the read, which lets `undefined` flow on and fail
 * later, far from the cause. Small on purpose, so V8 inlines it. Its one keyed load is shared by
 * every caller, though (arrays of objects, numbers, strings, bytes: polymorphic feedback), so an
 * inner loop over bytes or numbers reads into a const and checks `=== undefined` in place.
 *
 * An element that is itself `undefined` counts as missing: use it on arrays whose element type
 * has no `undefined` in it (`null` is fine).
 */
export function at<T>(items: ArrayLike<T>, index: number): T {
  const item = items[index];
  if (item === undefined) {
    throw new RangeError(`index ${index} is out of range (length ${items.length})`);
  }
  return item;
}
