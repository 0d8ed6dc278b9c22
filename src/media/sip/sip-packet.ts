import type { TimeNs } from "../../../sim/time.ts"
import type { LinkPacket } from "../../network/link-direction.ts"
import { HEADER_STACK, type PacketOwner } from "../../network/packet.ts"
import type { SipMessage } from "./message.ts"

/**
 * A SIP message on the simulated network: routed to the node of `message.to`, where the call's
 * signaling flow takes it. Its size is the message's IPv4 packet (SIP text + UDP + IPv4).
 */
export class SipPacket implements LinkPacket {
  queuedAtNs: TimeNs = 0
  readonly sizeBytes: number
  /** UDP: the user agents' timers recover losses, nobody is told of drops. */
  readonly owner: PacketOwner | undefined = undefined
  /** Plain UDP/IPv4 for link framing; cRTP leaves it alone. */
  readonly headerStack = HEADER_STACK.ip

  constructor(
    readonly message: SipMessage,
    /** Node index of the user agent the message is for. */
    readonly destination: number,
    /** The call's signaling flow, apart from its voice streams'. */
    readonly flow: number,
    readonly dscp: number,
  ) {
    this.sizeBytes = message.sizeBytes
  }

  /** A copy made by a duplicating channel: the user agent takes it as a retransmission. */
  duplicate(): SipPacket {
    return new SipPacket(this.message, this.destination, this.flow, this.dscp)
  }
}
