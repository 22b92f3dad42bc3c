/**
 * Slot storage for {@link TtlCache}: a key index, parallel key/value arrays and a doubly linked
 * recency list held in typed arrays, with a stack of free slots for reuse.
 *
 * This is the layout lru-cache uses. An entry costs one `Map` slot plus a few array cells instead
 * of an object per entry, and moving an entry to the front is four integer writes. The store knows
 * nothing about time, statistics or telemetry; `TtlCache` layers those on top.
 *
 * @internal
 */

/** Marks the end of the recency list (no previous / next slot). */
const NIL = -1;

/** First allocation for an unbounded store; doubled as it fills. */
const INITIAL_CAPACITY = 16;

/**
 * Entries addressed by slot number, ordered from most to least recently used.
 *
 * @typeParam K - the key type; keys are compared with SameValueZero, exactly as `Map` does
 * @typeParam V - the value type; values are stored as given, never cloned
 * @internal
 */
export class EntryStore<K, V> {
  /** Key to slot. Its size is the number of stored entries. */
  readonly index: Map<K, number> = new Map<K, number>();
  /** Value of each occupied slot. */
  readonly values: (V | undefined)[] = [];
  /** Absolute expiry time of each slot on the cache's clock; `Infinity` never expires. */
  expiresAt: Float64Array;
  /** The time to live each slot's entry was given, in ms (for `info`, sliding expiry, `dump`). */
  ttls: Float64Array;

  readonly #keys: (K | undefined)[] = [];
  readonly #limit: number;
  /** Recency links, two cells per slot: `[2s]` is the previous slot, `[2s + 1]` the next. */
  #links: Int32Array;
  #head = NIL;
  #tail = NIL;
  #highWater = 0;
  readonly #free: number[] = [];

  /**
   * Creates an empty store.
   *
   * @param limit - the most entries the store will ever hold (`Infinity` for no bound); the
   *   typed arrays start small and double up to it
   */
  constructor(limit: number) {
    this.#limit = limit;
    const capacity = Math.min(limit, INITIAL_CAPACITY);
    this.expiresAt = new Float64Array(capacity);
    this.ttls = new Float64Array(capacity);
    this.#links = new Int32Array(capacity * 2);
  }

  /** Number of stored entries, expired ones included until they are removed. */
  get size(): number {
    return this.index.size;
  }

  /** Slot of the least recently used entry, or -1 when empty. */
  get oldest(): number {
    return this.#tail;
  }

  /**
   * Returns the key held in a slot.
   *
   * @param slot - an occupied slot
   * @returns the key stored there
   */
  keyAt(slot: number): K {
    return this.#keys[slot] as K;
  }

  /**
   * Stores a new entry as the most recently used one. The caller makes room first.
   *
   * @param key - a key not yet in the store
   * @param value - the value to keep
   * @param expiresAt - absolute expiry time on the cache's clock
   * @param ttl - the time to live it was given, in ms
   * @returns the slot used
   * @throws Error when every slot up to the limit is taken (the caller did not make room)
   */
  insert(key: K, value: V, expiresAt: number, ttl: number): number {
    const slot = this.#free.pop() ?? this.#allocate();
    this.#keys[slot] = key;
    this.values[slot] = value;
    this.expiresAt[slot] = expiresAt;
    this.ttls[slot] = ttl;
    this.index.set(key, slot);
    this.#linkFront(slot);
    return slot;
  }

  /**
   * Removes the entry in a slot and frees the slot for reuse.
   *
   * @param slot - an occupied slot
   */
  remove(slot: number): void {
    this.#unlink(slot);
    this.index.delete(this.#keys[slot] as K);
    this.#keys[slot] = undefined;
    this.values[slot] = undefined;
    this.#free.push(slot);
  }

  /**
   * Marks an entry as the most recently used.
   *
   * @param slot - an occupied slot
   */
  touch(slot: number): void {
    if (slot === this.#head) return;
    this.#unlink(slot);
    this.#linkFront(slot);
  }

  /**
   * Lists the occupied slots from most to least recently used, or the other way round. A
   * snapshot, so the caller may remove entries while walking it.
   *
   * @param oldestFirst - `true` to start from the least recently used entry
   * @returns the slots in recency order
   */
  slots(oldestFirst = false): number[] {
    const slots: number[] = [];
    // Two cells per slot: [2s] links to the previous (more recent) slot, [2s + 1] to the next.
    const start = oldestFirst ? this.#tail : this.#head;
    const step = oldestFirst ? 0 : 1;
    for (let slot = start; slot !== NIL; slot = this.#links[2 * slot + step] as number) {
      slots.push(slot);
    }
    return slots;
  }

  /** Removes every entry and releases the arrays' contents. */
  clear(): void {
    this.index.clear();
    this.#keys.length = 0;
    this.values.length = 0;
    this.#free.length = 0;
    this.#head = NIL;
    this.#tail = NIL;
    this.#highWater = 0;
  }

  #allocate(): number {
    if (this.#highWater === this.expiresAt.length) this.#grow();
    return this.#highWater++;
  }

  #grow(): void {
    const capacity = Math.min(this.#limit, this.expiresAt.length * 2);
    // Typed arrays drop out-of-bounds writes silently, so inserting into a full store would lose
    // the entry's links and break the recency list: fail loudly instead (issue 19).
    if (capacity === this.expiresAt.length) {
      throw new Error(`EntryStore: all ${capacity} slots are taken; make room before inserting.`);
    }
    const expiresAt = new Float64Array(capacity);
    const ttls = new Float64Array(capacity);
    const links = new Int32Array(capacity * 2);
    expiresAt.set(this.expiresAt);
    ttls.set(this.ttls);
    links.set(this.#links);
    this.expiresAt = expiresAt;
    this.ttls = ttls;
    this.#links = links;
  }

  #linkFront(slot: number): void {
    const links = this.#links;
    const head = this.#head;
    links[2 * slot] = NIL;
    links[2 * slot + 1] = head;
    if (head === NIL) this.#tail = slot;
    else links[2 * head] = slot;
    this.#head = slot;
  }

  #unlink(slot: number): void {
    const links = this.#links;
    const prev = links[2 * slot] as number;
    const next = links[2 * slot + 1] as number;
    if (prev === NIL) this.#head = next;
    else links[2 * prev + 1] = next;
    if (next === NIL) this.#tail = prev;
    else links[2 * next] = prev;
  }
}
