/**
 * JSON text in pieces, for writing a large cache without first building it as
 * one string: `JSON.stringify` of a 30 MB history makes a string of that size
 * and then a buffer of its UTF-8 bytes, both alive at once, at the end of a
 * build when the heap is at its fullest. The pieces joined are exactly
 * `JSON.stringify(value)` (`json-chunks.test.ts` holds them equal).
 *
 * Arrays and plain objects are walked down to `depth` levels; anything below,
 * and anything with its own `toJSON` or of another class, is one
 * `JSON.stringify` piece.
 */
export function* jsonChunks(value: unknown, depth = 3): Generator<string> {
  if (depth <= 0 || value === null || typeof value !== 'object' || typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    yield JSON.stringify(value) ?? 'null';
    return;
  }
  if (Array.isArray(value)) {
    yield '[';
    for (let i = 0; i < value.length; i++) {
      if (i > 0) yield ',';
      const v: unknown = value[i];
      if (v === undefined || typeof v === 'function' || typeof v === 'symbol') yield 'null';
      else yield* jsonChunks(v, depth - 1);
    }
    yield ']';
    return;
  }
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) {
    yield JSON.stringify(value);
    return;
  }
  yield '{';
  let first = true;
  for (const key of Object.keys(value)) {
    const v: unknown = (value as Record<string, unknown>)[key];
    if (v === undefined || typeof v === 'function' || typeof v === 'symbol') continue;
    yield `${first ? '' : ','}${JSON.stringify(key)}:`;
    first = false;
    yield* jsonChunks(v, depth - 1);
  }
  yield '}';
}
