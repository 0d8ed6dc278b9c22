/**
 * A priority queue of (time, payload) entries ordered by time, ties broken by
 * push order: the queue stamps every push with an increasing sequence number,
 * so equal-time entries pop first-in first-out.
 *
 * Payloads are small non-negative integers (typically slot indices into a
 * caller-owned pool), which lets implementations keep entries in typed arrays
 * instead of allocating an object per entry.
 */
export interface EventQueue {
  /** Number of entries held. */
  readonly size: number
  /**
   * Adds an entry. `payload` is an int32 ≥ 0. `timeNs`: a finite number for the
   * heap; LadderQueue needs an integer within ±2^53 (any TimeNs qualifies).
   */
  push(timeNs: number, payload: number): void
  /** Time of the earliest entry, or Infinity when empty. */
  peekTimeNs(): number
  /** Payload of the earliest entry, or -1 when empty. */
  peekPayload(): number
  /** Removes the earliest entry and returns its payload, or -1 when empty. */
  pop(): number
  /** Removes every entry. */
  clear(): void
}

export type EventQueueKind = "ladder" | "heap"
