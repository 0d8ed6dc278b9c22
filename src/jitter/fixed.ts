import type { TimeNs } from "../../sim/time.ts"
import type { InsertOutcome, JitterBuffer, JitterPacket } from "./jitter-buffer.ts"

const SLOTS = 256 // power of two; holds up to 256 frames ahead of the playout point

/**
 * A fixed playout delay: the first packet plays `delayNs` after it arrives and every later packet
 * at the same offset from its RTP timestamp. A packet arriving after its playout time is late.
 */
export class FixedJitterBuffer implements JitterBuffer {
  private readonly slots: (JitterPacket | undefined)[] = new Array(SLOTS)
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
    const slot = frame & (SLOTS - 1)
    if (this.slots[slot] !== undefined) return "duplicate"
    this.slots[slot] = packet
    this.buffered++
    return "accepted"
  }

  pull(_nowNs: TimeNs): JitterPacket | null {
    const slot = this.nextFrame & (SLOTS - 1)
    const packet = this.slots[slot]
    this.nextFrame++
    if (packet === undefined) return null
    this.slots[slot] = undefined
    this.buffered--
    return packet
  }

  snapshot(): { readonly bufferedPackets: number; readonly targetDelayNs: TimeNs } {
    return { bufferedPackets: this.buffered, targetDelayNs: this.delayNs }
  }
}
