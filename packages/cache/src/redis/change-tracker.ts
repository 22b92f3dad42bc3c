/**
 * Tells a read from Redis whether the key changed while the read was in flight, so that a value
 * read just before a `set`, `delete` or `clear` (here or in another process) is handed to its
 * caller but not kept in the local tier, where it would outlive the change. Only keys with a read
 * in flight are tracked, so the bookkeeping stays as small as the number of reads under way.
 *
 * @internal
 */

interface Entry {
  readers: number;
  version: number;
}

/** One read in flight. @internal */
export interface Ticket {
  readonly key: string;
  readonly entry: Entry;
  readonly version: number;
  readonly clears: number;
}

/** @internal */
export class ChangeTracker {
  readonly #entries = new Map<string, Entry>();
  #clears = 0;

  /**
   * Starts tracking a read of `key`.
   *
   * @param key - the key read
   * @returns a ticket for {@link ChangeTracker.isCurrent} and {@link ChangeTracker.end}
   */
  begin(key: string): Ticket {
    let entry = this.#entries.get(key);
    if (entry === undefined) this.#entries.set(key, (entry = { readers: 0, version: 0 }));
    entry.readers++;
    return { key, entry, version: entry.version, clears: this.#clears };
  }

  /** Records a change of `key`. @param key - the key changed */
  changed(key: string): void {
    const entry = this.#entries.get(key);
    if (entry !== undefined) entry.version++;
  }

  /** Records a change of every key (a clear, a reconnect). */
  changedAll(): void {
    this.#clears++;
  }

  /**
   * @param ticket - from {@link ChangeTracker.begin}
   * @returns `true` when the key has not changed since the read began
   */
  isCurrent(ticket: Ticket): boolean {
    return ticket.entry.version === ticket.version && ticket.clears === this.#clears;
  }

  /** Stops tracking a read. @param ticket - from {@link ChangeTracker.begin} */
  end(ticket: Ticket): void {
    if (--ticket.entry.readers === 0 && this.#entries.get(ticket.key) === ticket.entry) {
      this.#entries.delete(ticket.key);
    }
  }
}
