import type { TimeNs } from "../../sim/time.ts"
import type { InsertOutcome, JitterBuffer, JitterPacket } from "./jitter-buffer.ts"

const SLOTS = 256 // power of two; holds up to 256 frames ahead of the playout point
// A slot's copy of its packet, in `slots` at STRIDE · slot: arrival time (EMPTY when the slot is free), seq, timestamp, marker.
const STRIDE = 4
const ARRIVAL = 0
const SEQ = 1
const TIMESTAMP = 2
const MARKER = 3
const EMPTY = -1

/**
 * A fixed playout delay: the first packet plays `delayNs` after it arrives and every later packet
 * at the same offset from its RTP timestamp. A packet arriving after its playout time is late.
 */
export class FixedJitterBuffer implements JitterBuffer {
  /** Copies of the buffered packets, by frame modulo SLOTS: one typed array, no object per packet. */
  private readonly slots = new Float64Array(STRIDE * SLOTS).fill(EMPTY)
  /** What `pull` returns, refilled each time. */
  private readonly played = { seq: 0, rtpTimestamp: 0, marker: false, arrivalNs: 0 }
  private firstTimestamp = 0
  private startNs: TimeNs | undefined
  private nextFrame = 0 // index of the next frame to play, counted from the first packet
  private buffered = 0

  constructor(
    private readonly delayNs: TimeNs,
    private readonly frameNs: TimeNs,
    private readonly samplesPerFrame: number,
  ) {}

  get playoutStartNs(): TimeNs | undefined {
    return this.startNs
  }

  insert(packet: JitterPacket, nowNs: TimeNs): InsertOutcome {
    if (this.startNs === undefined) {
      this.startNs = nowNs + this.delayNs
      this.firstTimestamp = packet.rtpTimestamp
    }
    // Signed 32-bit difference: RTP timestamps wrap (RFC 3550 §5.1).
    const frame = Math.round(((packet.rtpTimestamp - this.firstTimestamp) | 0) / this.samplesPerFrame)
    if (frame < this.nextFrame || nowNs > this.startNs + frame * this.frameNs) return "late"
    if (frame >= this.nextFrame + SLOTS) return "overflow"
    const at = STRIDE * (frame & (SLOTS - 1))
    const slots = this.slots
    if (slots[at + ARRIVAL] !== EMPTY) return "duplicate"
    slots[at + ARRIVAL] = packet.arrivalNs
    slots[at + SEQ] = packet.seq
    slots[at + TIMESTAMP] = packet.rtpTimestamp
    slots[at + MARKER] = packet.marker ? 1 : 0
    this.buffered++
    return "accepted"
  }

  pull(_nowNs: TimeNs): JitterPacket | null {
    const at = STRIDE * (this.nextFrame & (SLOTS - 1))
    const slots = this.slots
    this.nextFrame++
    const arrivalNs = slots[at + ARRIVAL]!
    if (arrivalNs === EMPTY) return null
    slots[at + ARRIVAL] = EMPTY
    this.buffered--
    const played = this.played
    played.arrivalNs = arrivalNs
    played.seq = slots[at + SEQ]!
    played.rtpTimestamp = slots[at + TIMESTAMP]!
    played.marker = slots[at + MARKER] === 1
    return played
  }

  snapshot(): { readonly bufferedPackets: number; readonly targetDelayNs: TimeNs } {
    return { bufferedPackets: this.buffered, targetDelayNs: this.delayNs }
  }
}
