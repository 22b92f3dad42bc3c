/**
 * What a `VarietyCache` shares with the `Refresher` that fills it, kept off the public surface: the
 * cache registers its link here when it is built and the refresher looks it up. The refresher
 * writes the generation bookkeeping; the cache reads it for `stats()` and bumps `epoch` on `clear`.
 *
 * @internal
 */
import type { Identify, KeyIdentity } from "./key-identity.js";

/** A key whose last generation failed, and how many values it still owes. @internal */
export interface FailedKey<K> {
  readonly key: K;
  readonly missing: number;
}

/** The state a cache and its refresher share. @internal */
export interface CacheLink<K> {
  readonly identify: Identify<K>;
  readonly now: () => number;
  readonly name: string;
  /** Keys whose most recent attempt failed, by identity. */
  readonly failed: Map<KeyIdentity, FailedKey<K>>;
  /** When the most recent generation finished, on the cache's clock. */
  lastGeneration: number | undefined;
  /** The id the next generation gets. */
  nextGeneration: number;
  /** Whether a generation is running. */
  generating: boolean;
  /** Bumped by `clear()`: values produced by calls started before it are dropped. */
  epoch: number;
  /** Whether a refresher drives this cache already. */
  driven: boolean;
}

const links = new WeakMap<object, CacheLink<unknown>>();

/**
 * Creates and registers the link of a new cache.
 *
 * @param cache - the cache
 * @param identify - its key identity function
 * @param now - its clock
 * @param name - its telemetry name
 * @returns the link, for the cache to keep
 * @internal
 */
export function registerLink<K>(
  cache: object,
  identify: Identify<K>,
  now: () => number,
  name: string,
): CacheLink<K> {
  const link: CacheLink<K> = {
    identify,
    now,
    name,
    failed: new Map(),
    lastGeneration: undefined,
    nextGeneration: 1,
    generating: false,
    epoch: 0,
    driven: false,
  };
  links.set(cache, link as CacheLink<unknown>);
  return link;
}

/**
 * Finds the link of a cache.
 *
 * @param cache - what a refresher was given as its cache
 * @returns the link, or `undefined` when `cache` is not a `VarietyCache`
 * @internal
 */
export function linkOf<K>(cache: unknown): CacheLink<K> | undefined {
  if (typeof cache !== "object" || cache === null) return undefined;
  return links.get(cache) as CacheLink<K> | undefined;
}
