import type { TimeNs } from "../../sim/time.ts"
import type { JitterPacket } from "../jitter/jitter-buffer.ts"
import type { LinkPacket } from "../network/link-direction.ts"
import type { PacketOwner } from "../network/packet.ts"

/** One RTP packet of a voice stream, as it travels: the RTP fields plus simulation bookkeeping. */
export class VoicePacket implements LinkPacket, JitterPacket {
  queuedAtNs: TimeNs = 0
  arrivalNs: TimeNs = 0
  /** RTP has no sender-side reaction to drops. */
  readonly owner: PacketOwner | undefined = undefined

  constructor(
    /** Index of the stream in the run; the receiving node hands the packet to that stream's receiver. */
    readonly flow: number,
    /** Node index of the receiver, for routing. */
    readonly destination: number,
    readonly seq: number,
    readonly rtpTimestamp: number,
    readonly marker: boolean,
    readonly sentNs: TimeNs,
    readonly sizeBytes: number,
    readonly dscp: number,
  ) {}

  /** A copy made by a duplicating channel: it travels and arrives on its own. */
  duplicate(): VoicePacket {
    return new VoicePacket(this.flow, this.destination, this.seq, this.rtpTimestamp, this.marker, this.sentNs, this.sizeBytes, this.dscp)
  }
}
