import { EntryStore, SEQ, STRIDE, TIME, type EntryQueue } from "./entry-store.ts"
import { KeyedQueue } from "./keyed-queue.ts"

const INITIAL_CAPACITY = 64

/**
 * Reference queue: an implicit binary min-heap (Williams 1964) over the entries of a store,
 * ordered by (time, seq), with the keys copied beside each entry. O(log n) insert and removal.
 */
export class BinaryHeap implements EntryQueue {
  private times = new Float64Array(INITIAL_CAPACITY)
  private seqs = new Float64Array(INITIAL_CAPACITY)
  private entries = new Int32Array(INITIAL_CAPACITY)
  private count = 0

  constructor(private readonly store: EntryStore) {}

  get size(): number {
    return this.count
  }

  insert(e: number): void {
    if (this.count === this.times.length) this.grow()
    const timeNs = this.store.numbers[STRIDE * e + TIME]!
    const seq = this.store.numbers[STRIDE * e + SEQ]!
    const times = this.times
    const seqs = this.seqs
    const entries = this.entries
    // Sift the hole up, then drop the new entry into it.
    let i = this.count++
    while (i > 0) {
      const parent = (i - 1) >> 1
      const pt = times[parent]!
      if (pt < timeNs || (pt === timeNs && seqs[parent]! < seq)) break
      times[i] = pt
      seqs[i] = seqs[parent]!
      entries[i] = entries[parent]!
      i = parent
    }
    times[i] = timeNs
    seqs[i] = seq
    entries[i] = e
  }

  peek(): number {
    return this.count === 0 ? -1 : this.entries[0]!
  }

  removeFirst(): void {
    const times = this.times
    const seqs = this.seqs
    const entries = this.entries
    const n = --this.count
    if (n === 0) return
    const t = times[n]!
    const s = seqs[n]!
    const p = entries[n]!
    // Sift the hole at the root down, then place the former last entry.
    let i = 0
    for (;;) {
      let child = 2 * i + 1
      if (child >= n) break
      let ct = times[child]!
      let cs = seqs[child]!
      const right = child + 1
      if (right < n) {
        const rt = times[right]!
        const rs = seqs[right]!
        if (rt < ct || (rt === ct && rs < cs)) {
          child = right
          ct = rt
          cs = rs
        }
      }
      if (t < ct || (t === ct && s < cs)) break
      times[i] = ct
      seqs[i] = cs
      entries[i] = entries[child]!
      i = child
    }
    times[i] = t
    seqs[i] = s
    entries[i] = p
  }

  clear(): void {
    this.count = 0
  }

  private grow(): void {
    const capacity = this.times.length * 2
    const times = new Float64Array(capacity)
    const seqs = new Float64Array(capacity)
    const entries = new Int32Array(capacity)
    times.set(this.times)
    seqs.set(this.seqs)
    entries.set(this.entries)
    this.times = times
    this.seqs = seqs
    this.entries = entries
  }
}

/** The binary heap as a stand-alone (time, payload) EventQueue. */
export class BinaryHeapQueue extends KeyedQueue {
  constructor() {
    super((store) => new BinaryHeap(store))
  }
}
