import { DATA_A, EntryStore, SEQ, STRIDE, TIME, type EntryQueue } from "./entry-store.ts"
import type { EventQueue } from "./event-queue.ts"

/**
 * An EventQueue over an EntryQueue: each push takes an entry of its own store, stamped with
 * the next sequence number, and the payload rides in the entry.
 */
export class KeyedQueue implements EventQueue {
  private readonly store = new EntryStore()
  private readonly order: EntryQueue
  private nextSeq = 0

  constructor(makeOrder: (store: EntryStore) => EntryQueue) {
    this.order = makeOrder(this.store)
  }

  get size(): number {
    return this.order.size
  }

  push(timeNs: number, payload: number): void {
    const e = this.store.allocate()
    const numbers = this.store.numbers
    numbers[STRIDE * e + TIME] = timeNs
    numbers[STRIDE * e + SEQ] = this.nextSeq++
    numbers[STRIDE * e + DATA_A] = payload
    this.order.insert(e)
  }

  peekTimeNs(): number {
    const e = this.order.peek()
    return e < 0 ? Infinity : this.store.numbers[STRIDE * e + TIME]!
  }

  peekPayload(): number {
    const e = this.order.peek()
    return e < 0 ? -1 : this.store.numbers[STRIDE * e + DATA_A]!
  }

  pop(): number {
    const e = this.order.peek()
    if (e < 0) return -1
    this.order.removeFirst()
    this.store.release(e)
    return this.store.numbers[STRIDE * e + DATA_A]!
  }

  clear(): void {
    this.order.clear()
    this.store.reset()
  }
}
