import type { TimeNs } from "../../sim/time.ts"
import { HEADER_STACK, type PacketOwner, type RoutedPacket } from "../network/packet.ts"

/** One packet of a data (non-voice) flow: what the network routes plus the source's bookkeeping. */
export class DataPacket implements RoutedPacket {
  /** Set by each egress queue the packet enters. */
  queuedAtNs: TimeNs = 0
  /** Cross traffic is never header-compressed. */
  readonly headerStack = HEADER_STACK.ip

  constructor(
    /** The whole IP packet, headers included; links add their framing. */
    readonly sizeBytes: number,
    readonly dscp: number,
    /** Node index of the receiver, for routing. */
    readonly destination: number,
    /** Flow id at the destination node: the node hands the packet to that flow's sink. */
    readonly flow: number,
    /** Told of drops (closed-loop sources react, open-loop ones count). */
    readonly owner: PacketOwner | undefined,
    /** 0, 1, 2, … in sending order, per source. */
    readonly seq: number,
    readonly sentNs: TimeNs,
    /** True for a copy made by a duplicating channel; sources ignore copies' fates. */
    readonly isCopy = false,
  ) {}

  /** A copy made by a duplicating channel: it travels and arrives on its own. */
  duplicate(): DataPacket {
    return new DataPacket(this.sizeBytes, this.dscp, this.destination, this.flow, this.owner, this.seq, this.sentNs, true)
  }
}
