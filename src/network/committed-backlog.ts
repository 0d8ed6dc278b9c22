import type { TimeNs } from "../../sim/time.ts"

const START = 0
const DURATION = 1
const SIZE = 2
const CLASS = 3
const WAITED = 4
const WIRE = 5
const STRIDE = 6

/** Told about each committed packet whose transmission has started. */
export interface StartListener {
  started(priorityClass: number, waitedNs: number, wireBytes: number, endNs: TimeNs): void
}

/**
 * Packets whose transmission start a link direction fixed on arrival but which have not started
 * yet: they still occupy the egress buffer until then. A ring of numbers (no object per packet),
 * in start order, retired as the clock passes their start times.
 */
export class CommittedBacklog {
  private ring = new Float64Array(STRIDE * 64)
  /** Entries the ring holds: a power of two. */
  private capacity = 64
  private head = 0
  private count = 0
  private bytes = 0

  /** Committed packets that have not started by the last `retire`. */
  get length(): number {
    return this.count
  }

  get backlogBytes(): number {
    return this.bytes
  }

  /** `sizeBytes` counts against the queue's limits; `wireBytes`, with framing, is what the wire carries. */
  push(startNs: TimeNs, durationNs: number, sizeBytes: number, priorityClass: number, waitedNs: number, wireBytes: number): void {
    if (this.count === this.capacity) this.grow()
    const at = STRIDE * ((this.head + this.count) & (this.capacity - 1))
    const ring = this.ring
    ring[at + START] = startNs
    ring[at + DURATION] = durationNs
    ring[at + SIZE] = sizeBytes
    ring[at + CLASS] = priorityClass
    ring[at + WAITED] = waitedNs
    ring[at + WIRE] = wireBytes
    this.count++
    this.bytes += sizeBytes
  }

  /** Removes the packets that start at or before `nowNs`, telling `listener` of each. */
  retire(nowNs: TimeNs, listener: StartListener): void {
    const ring = this.ring
    while (this.count > 0) {
      const at = STRIDE * this.head
      if (ring[at + START]! > nowNs) return
      this.bytes -= ring[at + SIZE]!
      this.head = (this.head + 1) & (this.capacity - 1)
      this.count--
      listener.started(ring[at + CLASS]!, ring[at + WAITED]!, ring[at + WIRE]!, ring[at + START]! + ring[at + DURATION]!)
    }
  }

  /** Transmission time claimed by packets not yet started (a serializer counts it when committed). */
  get pendingDurationNs(): number {
    let total = 0
    for (let i = 0; i < this.count; i++) total += this.ring[STRIDE * ((this.head + i) & (this.capacity - 1)) + DURATION]!
    return total
  }

  /** Forgets every packet (the link went down). */
  clear(): void {
    this.head = 0
    this.count = 0
    this.bytes = 0
  }

  private grow(): void {
    const bigger = new Float64Array(this.ring.length * 2)
    for (let i = 0; i < this.count; i++) {
      const from = STRIDE * ((this.head + i) & (this.capacity - 1))
      bigger.set(this.ring.subarray(from, from + STRIDE), STRIDE * i)
    }
    this.ring = bigger
    this.capacity *= 2
    this.head = 0
  }
}
