/**
 * A 32-bit hash of any cache key, for the frequency sketch of the TinyLFU policy. Keys that are
 * the same `Map` key (SameValueZero: `0` and `-0`, every `NaN`) hash alike; keys that are not
 * hash apart with high probability, `1` and `"1"` included.
 *
 * JavaScript exposes no hash of its own, so strings are hashed by content (FNV-1a, once per
 * insert: the policy keeps the hash with the entry) and objects, functions and unregistered
 * symbols by identity, through a module-wide `WeakMap` that hands each one a number on first
 * sight and lets it go with the key.
 *
 * @internal
 */

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
/** Seeds that keep the hashes of different types apart (`true` from `1`, `Symbol.for("a")` from `"a"`). */
const SEED_SYMBOL = 0x5bd1e995;
const SEED_BIGINT = 0x27d4eb2f;
const HASH_TRUE = 0x3c6ef372;
const HASH_FALSE = 0x1b873593;
const HASH_NULL = 0x68e31da4;
const HASH_UNDEFINED = 0x2545f491;
const HASH_NAN = 0x7fc00000;

const identities = new WeakMap<WeakKey, number>();
/** Where the identity sequence starts: an odd constant apart from the seeds above. */
let lastIdentity = 0x7f4a7c15;
const float = new Float64Array(1);
const floatWords = new Int32Array(float.buffer);

/**
 * Hashes a key.
 *
 * @param key - any value usable as a `Map` key
 * @returns a 32-bit integer, the same for keys `Map` treats as one
 * @internal
 */
export function hashKey(key: unknown): number {
  switch (typeof key) {
    case "string":
      return hashString(key, FNV_OFFSET);
    case "number":
      return hashNumber(key);
    case "boolean":
      return key ? HASH_TRUE : HASH_FALSE;
    case "undefined":
      return HASH_UNDEFINED;
    case "bigint":
      return hashBigInt(key);
    case "symbol": {
      // Registered symbols cannot be WeakMap keys; they are one per description anyway.
      const registered = Symbol.keyFor(key);
      return registered === undefined ? identity(key) : hashString(registered, SEED_SYMBOL);
    }
    default:
      return key === null ? HASH_NULL : identity(key as WeakKey);
  }
}

function hashString(text: string, seed: number): number {
  let hash = seed;
  for (let i = 0; i < text.length; i++) {
    hash = Math.imul(hash ^ text.charCodeAt(i), FNV_PRIME);
  }
  return hash | 0; // the empty string's hash is the seed, which is above 2^31
}

function hashNumber(value: number): number {
  // Small integers (the common numeric key) are their own hash; -0 | 0 is 0, as SameValueZero wants.
  if (value === (value | 0)) return value | 0;
  if (Number.isNaN(value)) return HASH_NAN;
  float[0] = value;
  return Math.imul((floatWords[0] as number) ^ FNV_OFFSET, FNV_PRIME) ^ (floatWords[1] as number);
}

function hashBigInt(value: bigint): number {
  // The low 32 bits folded with the next 32: equal bigints hash alike, small ones apart.
  const low = Number(BigInt.asIntN(32, value));
  const high = Number(BigInt.asIntN(32, value >> 32n));
  return Math.imul(low ^ SEED_BIGINT, FNV_PRIME) ^ high;
}

function identity(key: WeakKey): number {
  let id = identities.get(key);
  if (id === undefined) {
    // A Weyl sequence: consecutive objects get well spread numbers, none repeats for 2^32 keys.
    lastIdentity = (lastIdentity + 0x9e3779b9) | 0;
    id = lastIdentity;
    identities.set(key, id);
  }
  return id;
}
