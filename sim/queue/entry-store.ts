/**
 * Entries of an event queue, column-wise in typed arrays so that queueing allocates nothing.
 * Entry e sorts by (time, seq), seqs being unique, so ties pop first-in first-out:
 *   numbers[STRIDE·e + TIME], numbers[STRIDE·e + SEQ]: its key;
 *   numbers[STRIDE·e + DATA_A], numbers[STRIDE·e + DATA_B]: the owner's (the kernel keeps the
 *   event's arg and generation there, next to the key, so one event touches one cache line);
 *   next[e]: a link field the queue may use while e is queued.
 * The owner allocates entries, writes their keys and hands them to a queue, which only orders
 * them. Arrays are replaced when the store grows, so a queue re-reads `numbers` and `next`
 * in every call instead of keeping them.
 */
export const STRIDE = 4
export const TIME = 0
export const SEQ = 1
export const DATA_A = 2
export const DATA_B = 3

const INITIAL_CAPACITY = 256

export class EntryStore {
  numbers = new Float64Array(STRIDE * INITIAL_CAPACITY)
  next = new Int32Array(INITIAL_CAPACITY)
  private freeStack = new Int32Array(INITIAL_CAPACITY)
  private freeCount = 0
  /** Entries [0, used) have been handed out at least once. */
  private used = 0

  /** Entries ever handed out: every entry index is below this. */
  get usedEntries(): number {
    return this.used
  }

  /** A free entry (its numbers keep what its last user left there). */
  allocate(): number {
    if (this.freeCount > 0) return this.freeStack[--this.freeCount]!
    if (this.used === this.next.length) this.grow()
    return this.used++
  }

  release(e: number): void {
    this.freeStack[this.freeCount++] = e
  }

  /** Forgets every entry. */
  reset(): void {
    this.freeCount = 0
    this.used = 0
    this.numbers.fill(0)
  }

  private grow(): void {
    const capacity = this.next.length * 2
    const numbers = new Float64Array(STRIDE * capacity)
    numbers.set(this.numbers)
    this.numbers = numbers
    const next = new Int32Array(capacity)
    next.set(this.next)
    this.next = next
    const freeStack = new Int32Array(capacity)
    freeStack.set(this.freeStack)
    this.freeStack = freeStack
  }
}

/** A priority queue over the entries of an EntryStore, by (time, seq). */
export interface EntryQueue {
  /** Entries queued. */
  readonly size: number
  /**
   * Queues entry e. Its key must be in the store already and stay unchanged while queued, and
   * its seq must exceed those of the entries queued with the same time (the ladder relies on it).
   */
  insert(e: number): void
  /** The first entry (lowest time, then lowest seq), or -1 when empty. */
  peek(): number
  /** Removes the entry `peek` returns (the queue must not be empty). */
  removeFirst(): void
  /** Removes every entry. */
  clear(): void
}
