/**
 * Slot storage for {@link TtlCache}: a key index, parallel key/value arrays and doubly linked
 * recency lists held in typed arrays, with a stack of free slots for reuse.
 *
 * This is the layout lru-cache uses. An entry costs one `Map` slot plus a few array cells instead
 * of an object per entry, and moving an entry to the front is a handful of integer writes. The
 * store knows nothing about time, statistics or telemetry; `TtlCache` layers those on top.
 *
 * Each list is circular around a sentinel: slot `i` for list `i`, so real entries start at slot
 * `lists`. With sentinels, unlinking and linking never test for an end of the list, and an entry
 * can move between lists (the regions of the TinyLFU policy) without the store knowing which list
 * it was in. The LRU policy uses one list; TinyLFU uses three.
 *
 * @internal
 */

/** Returned where there is no slot: an empty list, or past the end of one. */
export const NIL = -1;

/** First allocation for an unbounded store; doubled as it fills. */
const INITIAL_CAPACITY = 16;

/**
 * Entries addressed by slot number, each in one of `lists` lists ordered from most to least
 * recently used.
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
  /** How many lists the slots are kept in; also the first slot that holds an entry. */
  readonly lists: number;

  readonly #keys: (K | undefined)[] = [];
  /** The most slots the typed arrays grow to: the entry limit plus the sentinels. */
  readonly #limit: number;
  /** Links, two cells per slot: `[2s]` is the next more recent slot, `[2s + 1]` the next older. */
  #links: Int32Array;
  #highWater: number;
  readonly #free: number[] = [];

  /**
   * Creates an empty store.
   *
   * @param limit - the most entries the store will ever hold (`Infinity` for no bound); the
   *   typed arrays start small and double up to it
   * @param lists - how many recency lists the entries are spread over (1 unless a policy keeps
   *   regions)
   */
  constructor(limit: number, lists = 1) {
    this.lists = lists;
    this.#limit = limit + lists;
    const capacity = Math.min(this.#limit, INITIAL_CAPACITY + lists);
    this.expiresAt = new Float64Array(capacity);
    this.ttls = new Float64Array(capacity);
    this.#links = new Int32Array(capacity * 2);
    this.#highWater = lists;
    this.#resetSentinels();
  }

  /** Number of stored entries, expired ones included until they are removed. */
  get size(): number {
    return this.index.size;
  }

  /** How many slots the typed arrays hold now (sentinels included); grows as the store fills. */
  get capacity(): number {
    return this.expiresAt.length;
  }

  /** Slot of the least recently used entry of list 0, or {@link NIL} when it is empty. */
  get oldest(): number {
    return this.oldestIn(0);
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
   * Stores a new entry as the most recently used one of list 0. The caller makes room first.
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
    this.#linkFront(0, slot);
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
   * Marks an entry of list 0 as its most recently used (the LRU policy's hit).
   *
   * @param slot - an occupied slot in list 0
   */
  touch(slot: number): void {
    const links = this.#links;
    if (links[1] === slot) return; // already the front of list 0
    this.#unlink(slot);
    this.#linkFront(0, slot);
  }

  /**
   * Moves an entry to the front of a list (from the same list or another one).
   *
   * @param list - the list to move it to
   * @param slot - an occupied slot
   */
  moveToFront(list: number, slot: number): void {
    this.#unlink(slot);
    this.#linkFront(list, slot);
  }

  /**
   * Returns the least recently used entry of a list.
   *
   * @param list - the list
   * @returns its slot, or {@link NIL} when the list is empty
   */
  oldestIn(list: number): number {
    const slot = this.#links[2 * list] as number;
    return slot === list ? NIL : slot;
  }

  /**
   * Returns the most recently used entry of a list.
   *
   * @param list - the list
   * @returns its slot, or {@link NIL} when the list is empty
   */
  newestIn(list: number): number {
    const slot = this.#links[2 * list + 1] as number;
    return slot === list ? NIL : slot;
  }

  /**
   * Returns the entry just before `slot` in its list, going from most to least recently used.
   *
   * @param slot - an occupied slot
   * @returns the next older slot of the same list, or {@link NIL} when `slot` is its oldest
   */
  older(slot: number): number {
    const next = this.#links[2 * slot + 1] as number;
    return next < this.lists ? NIL : next;
  }

  /**
   * Returns the entry just after `slot` in its list, going from most to least recently used.
   *
   * @param slot - an occupied slot
   * @returns the next more recent slot of the same list, or {@link NIL} when `slot` is its newest
   */
  newer(slot: number): number {
    const previous = this.#links[2 * slot] as number;
    return previous < this.lists ? NIL : previous;
  }

  /**
   * Lists the occupied slots, list by list (list 0 first), each from most to least recently used;
   * or all of that reversed. A snapshot, so the caller may remove entries while walking it.
   *
   * @param oldestFirst - `true` to start from the least recently used entry of the last list
   * @returns the slots in that order
   */
  slots(oldestFirst = false): number[] {
    const slots: number[] = [];
    const links = this.#links;
    // [2s] links to the more recent slot, [2s + 1] to the older one; each list ends at its sentinel.
    const step = oldestFirst ? 0 : 1;
    for (let n = 0; n < this.lists; n++) {
      const list = oldestFirst ? this.lists - 1 - n : n;
      for (let slot = links[2 * list + step] as number; slot !== list;) {
        slots.push(slot);
        slot = links[2 * slot + step] as number;
      }
    }
    return slots;
  }

  /** Removes every entry and releases the arrays' contents. */
  clear(): void {
    this.index.clear();
    this.#keys.length = 0;
    this.values.length = 0;
    this.#free.length = 0;
    this.#highWater = this.lists;
    this.#resetSentinels();
  }

  #resetSentinels(): void {
    for (let list = 0; list < this.lists; list++) {
      this.#links[2 * list] = list;
      this.#links[2 * list + 1] = list;
    }
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
      const entries = capacity - this.lists;
      throw new Error(`EntryStore: all ${entries} slots are taken; make room before inserting.`);
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

  #linkFront(list: number, slot: number): void {
    const links = this.#links;
    const head = links[2 * list + 1] as number;
    links[2 * slot] = list;
    links[2 * slot + 1] = head;
    links[2 * head] = slot;
    links[2 * list + 1] = slot;
  }

  #unlink(slot: number): void {
    const links = this.#links;
    const newer = links[2 * slot] as number;
    const older = links[2 * slot + 1] as number;
    links[2 * newer + 1] = older;
    links[2 * older] = newer;
  }
}
