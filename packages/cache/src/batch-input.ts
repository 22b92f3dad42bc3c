/**
 * Checks the iterables the batch methods of {@link TtlCache} take (`getMany`, `setMany`): a
 * batch is checked whole before it changes anything.
 */
import { OWNER } from "./ttl-cache-options.js";

/**
 * Checks that a batch argument is iterable.
 *
 * @param method - the method that received it, for the message
 * @param name - the parameter's name, for the message
 * @param value - what the caller passed
 * @returns the value, as an iterable
 * @throws TypeError when `value` is not iterable
 * @internal
 */
export function checkIterable<T>(method: string, name: string, value: Iterable<T>): Iterable<T> {
  const candidate: unknown = value;
  if (!isIterable(candidate)) {
    throw new TypeError(
      `${OWNER}: ${method}() takes an iterable as \`${name}\` (an array, a Set, a Map); received ${candidate === null ? "null" : typeof candidate}.`,
    );
  }
  return value;
}

/**
 * Checks the entries of `setMany` and copies them, so a generator is read once.
 *
 * @param entries - what the caller passed
 * @returns the `[key, value]` pairs, as an array
 * @throws TypeError when `entries` is not iterable or an entry is not an array
 * @internal
 */
export function checkPairs<K, V>(entries: Iterable<readonly [K, V]>): (readonly [K, V])[] {
  const pairs: (readonly [K, V])[] = [];
  for (const entry of checkIterable("setMany", "entries", entries)) {
    const candidate: unknown = entry;
    if (!Array.isArray(candidate)) {
      throw new TypeError(
        `${OWNER}: setMany(): \`entries[${pairs.length}]\` must be a [key, value] array.`,
      );
    }
    pairs.push(entry);
  }
  return pairs;
}

/**
 * Tells whether a value is an iterable object (strings are not taken for one).
 *
 * @param value - anything
 * @returns `true` for an object with a `[Symbol.iterator]` method
 * @internal
 */
export function isIterable(value: unknown): value is Iterable<unknown> {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as Partial<Iterable<unknown>>)[Symbol.iterator] === "function"
  );
}
