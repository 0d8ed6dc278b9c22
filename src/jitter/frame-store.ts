import type { JitterPacket } from "./jitter-buffer.ts"

/** A packet copy the store fills on `take`; buffers hand it out as the played packet. */
export interface PacketCopy {
  seq: number
  rtpTimestamp: number
  marker: boolean
  arrivalNs: number
}

// A slot's copy of its packet, at STRIDE · slot in `slots`: its frame index (NaN when the slot is
// free), arrival time, seq, timestamp, marker, and one number the algorithm keeps with it.
const STRIDE = 6
const FRAME = 0
const ARRIVAL = 1
const SEQ = 2
const TIMESTAMP = 3
const MARKER = 4
const AUX = 5

/**
 * The storage every buffer shares: copies of packets by frame index (a frame is one packet's worth
 * of media, counted from the stream's first packet), in one typed array used as a ring. It holds
 * frames whose indices span less than `capacity`; it keeps the lowest and highest held.
 * Allocation-free; `put`, `has` and `take` are O(1), except that taking the lowest or highest
 * frame scans to the next one held (O(gap)).
 */
export class FrameStore {
  private readonly slots: Float64Array
  private readonly mask: number
  /** Frames held. */
  count = 0
  /** Lowest and highest frame index held (NaN when empty). */
  lowest = Number.NaN
  highest = Number.NaN

  constructor(readonly capacity = 256) {
    if (!(capacity > 0 && (capacity & (capacity - 1)) === 0)) throw new RangeError(`capacity must be a power of two, got ${capacity}`)
    this.slots = new Float64Array(STRIDE * capacity).fill(Number.NaN)
    this.mask = capacity - 1
  }

  /** Stores a copy of `packet` as frame `frame` (an integer), with `aux`: a duplicate if held, an overflow if the span would reach `capacity`. */
  put(frame: number, packet: JitterPacket, aux = 0): "accepted" | "duplicate" | "overflow" {
    const at = STRIDE * (frame & this.mask)
    const slots = this.slots
    if (slots[at + FRAME] === frame) return "duplicate"
    if (this.count > 0) {
      const lowest = frame < this.lowest ? frame : this.lowest
      const highest = frame > this.highest ? frame : this.highest
      if (highest - lowest >= this.capacity) return "overflow"
      this.lowest = lowest
      this.highest = highest
    } else {
      this.lowest = frame
      this.highest = frame
    }
    slots[at + FRAME] = frame
    slots[at + ARRIVAL] = packet.arrivalNs
    slots[at + SEQ] = packet.seq
    slots[at + TIMESTAMP] = packet.rtpTimestamp
    slots[at + MARKER] = packet.marker ? 1 : 0
    slots[at + AUX] = aux
    this.count++
    return "accepted"
  }

  has(frame: number): boolean {
    return this.slots[STRIDE * (frame & this.mask) + FRAME] === frame
  }

  /** The number kept with a held frame. */
  aux(frame: number): number {
    return this.slots[STRIDE * (frame & this.mask) + AUX]!
  }

  marker(frame: number): boolean {
    return this.slots[STRIDE * (frame & this.mask) + MARKER] === 1
  }

  /** Copies a held frame into `into` and frees its slot. */
  take(frame: number, into: PacketCopy): void {
    const at = STRIDE * (frame & this.mask)
    const slots = this.slots
    into.arrivalNs = slots[at + ARRIVAL]!
    into.seq = slots[at + SEQ]!
    into.rtpTimestamp = slots[at + TIMESTAMP]!
    into.marker = slots[at + MARKER] === 1
    this.remove(frame)
  }

  /** Frees a held frame's slot. */
  remove(frame: number): void {
    this.slots[STRIDE * (frame & this.mask) + FRAME] = Number.NaN
    if (--this.count === 0) {
      this.lowest = Number.NaN
      this.highest = Number.NaN
      return
    }
    if (frame === this.lowest) {
      let f = frame + 1
      while (!this.has(f)) f++
      this.lowest = f
    } else if (frame === this.highest) {
      let f = frame - 1
      while (!this.has(f)) f--
      this.highest = f
    }
  }

  /** Frees every slot; returns how many frames were held. */
  clear(): number {
    const n = this.count
    while (this.count > 0) this.remove(this.lowest)
    return n
  }

  /** Frames from the lowest to the highest held, both included (0 when empty): NetEq's packet-buffer span. */
  get spanFrames(): number {
    return this.count === 0 ? 0 : this.highest - this.lowest + 1
  }
}
