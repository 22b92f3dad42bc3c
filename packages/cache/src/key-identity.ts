/**
 * How a `VarietyCache` turns a key into the identity it files values under. Primitive keys are
 * their own identity (compared like `Map` keys); flat tuples of primitives such as
 * `["python", "easy", 10]` are identified by their JSON text; any other object needs a `keyOf`
 * option, because silently comparing objects by reference would make `pick(["python", "easy", 10])`
 * miss values added under an equal but distinct array.
 */

/** A value a `Map` compares by value: what keys are reduced to. @internal */
export type KeyIdentity = string | number | bigint | boolean | symbol | null | undefined;

/** A function from a key to its identity, validated. @internal */
export type Identify<K> = (key: K) => KeyIdentity;

/**
 * The default `keyOf`: primitives map to themselves; a flat array of strings, finite numbers,
 * booleans and `null` maps to its JSON text, so equal tuples share an identity.
 *
 * @param key - the key to identify
 * @returns the key itself for a primitive, or the tuple's JSON text
 * @throws TypeError when `key` is an object other than such a tuple, or a tuple holds anything else
 *   (a nested array, an object, `undefined`, `NaN`, `Infinity`, a bigint or a symbol)
 * @internal
 */
export function defaultKeyOf(key: unknown): KeyIdentity {
  if (typeof key === "function") throw keyError("a function");
  if (typeof key !== "object" || key === null) return key as KeyIdentity;
  if (!Array.isArray(key)) throw keyError("an object");
  for (const part of key as unknown[]) {
    if (!isTuplePart(part)) throw keyError("an array holding something other than a primitive");
  }
  return JSON.stringify(key);
}

/**
 * Wraps a caller's `keyOf` so its result is checked: only a string or a number is a stable
 * identity a caller can promise.
 *
 * @param owner - the API that received the option, used in the message
 * @param keyOf - the caller's function
 * @returns a function that returns `keyOf(key)` or throws
 * @internal
 */
export function checkedKeyOf<K>(owner: string, keyOf: (key: K) => string | number): Identify<K> {
  return (key) => {
    const identity: unknown = keyOf(key);
    if (typeof identity === "string" || typeof identity === "number") return identity;
    throw new TypeError(
      `${owner}: option \`keyOf\` must return a string or a number; returned ${typeof identity}.`,
    );
  };
}

function isTuplePart(part: unknown): boolean {
  switch (typeof part) {
    case "string":
    case "boolean":
      return true;
    case "number":
      return Number.isFinite(part);
    default:
      return part === null;
  }
}

function keyError(what: string): TypeError {
  return new TypeError(
    `VarietyCache: a key is ${what}; the default \`keyOf\` accepts primitives and flat tuples of strings, finite numbers, booleans and null. Pass a \`keyOf\` option that maps the key to a string or a number.`,
  );
}
