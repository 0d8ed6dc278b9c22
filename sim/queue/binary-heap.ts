import type { EventQueue } from "./event-queue.ts"

const INITIAL_CAPACITY = 64

/**
 * Reference queue: an implicit binary min-heap (Williams 1964) over parallel
 * typed arrays, ordered by (time, seq). O(log n) push and pop.
 */
export class BinaryHeapQueue implements EventQueue {
  private times = new Float64Array(INITIAL_CAPACITY)
  private seqs = new Float64Array(INITIAL_CAPACITY)
  private payloads = new Int32Array(INITIAL_CAPACITY)
  private count = 0
  private nextSeq = 0

  get size(): number {
    return this.count
  }

  push(timeNs: number, payload: number): void {
    if (this.count === this.times.length) this.grow()
    const seq = this.nextSeq++
    const times = this.times
    const seqs = this.seqs
    const payloads = this.payloads
    // Sift the hole up, then drop the new entry into it.
    let i = this.count++
    while (i > 0) {
      const parent = (i - 1) >> 1
      const pt = times[parent]!
      if (pt < timeNs || (pt === timeNs && seqs[parent]! < seq)) break
      times[i] = pt
      seqs[i] = seqs[parent]!
      payloads[i] = payloads[parent]!
      i = parent
    }
    times[i] = timeNs
    seqs[i] = seq
    payloads[i] = payload
  }

  peekTimeNs(): number {
    return this.count === 0 ? Infinity : this.times[0]!
  }

  peekPayload(): number {
    return this.count === 0 ? -1 : this.payloads[0]!
  }

  pop(): number {
    if (this.count === 0) return -1
    const times = this.times
    const seqs = this.seqs
    const payloads = this.payloads
    const top = payloads[0]!
    const n = --this.count
    if (n === 0) return top
    const t = times[n]!
    const s = seqs[n]!
    const p = payloads[n]!
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
      payloads[i] = payloads[child]!
      i = child
    }
    times[i] = t
    seqs[i] = s
    payloads[i] = p
    return top
  }

  clear(): void {
    this.count = 0
  }

  private grow(): void {
    const capacity = this.times.length * 2
    const times = new Float64Array(capacity)
    const seqs = new Float64Array(capacity)
    const payloads = new Int32Array(capacity)
    times.set(this.times)
    seqs.set(this.seqs)
    payloads.set(this.payloads)
    this.times = times
    this.seqs = seqs
    this.payloads = payloads
  }
}
