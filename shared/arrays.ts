// Arrays of any length: a spread into a call (`push(...xs)`, `Math.max(...xs)`) passes every element
// as an argument, and past some 100,000 of them V8 throws "Maximum call stack size exceeded". A
// workbook or a paste decides how long these arrays are, so they are walked instead.

/** Appends every item to `target` (what `target.push(...items)` does, for any number of items). */
export function pushAll<T>(target: T[], items: Iterable<T>): T[] {
  for (const item of items) target.push(item);
  return target;
}

/** The largest of `values`, or `floor` when there are none or all are below it. */
export function maxOf(values: Iterable<number>, floor = -Infinity): number {
  let max = floor;
  for (const v of values) if (v > max) max = v;
  return max;
}

/** The smallest of `values`, or `ceiling` when there are none or all are above it. */
export function minOf(values: Iterable<number>, ceiling = Infinity): number {
  let min = ceiling;
  for (const v of values) if (v < min) min = v;
  return min;
}
