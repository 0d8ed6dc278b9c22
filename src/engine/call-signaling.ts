import type { Simulator } from "../../sim/simulator.ts"
import type { RtpSender } from "../media/rtp-sender.ts"
import {
  otherSide,
  SipCall,
  SipPacket,
  type SipCallOptions,
  type SipMediaObserver,
  type SipMessage,
  type SipSide,
  type SipTransport,
} from "../media/sip/index.ts"
import type { StreamReceiver } from "../media/stream-receiver.ts"
import type { LinkPacket } from "../network/link-direction.ts"
import type { Node } from "../network/node.ts"
import type { PacketSink } from "../network/packet.ts"

/** One user agent's end of a call: its node, its RTP sender, and the receiver of that sender's stream (at the other end). */
export interface SignalingEnd {
  readonly node: Node<LinkPacket>
  readonly sender: RtpSender
  readonly receiver: StreamReceiver
}

/**
 * Carries one call's SIP over the simulated network and starts and stops its media as the call
 * says. Messages travel as packets of their own flow between the two endpoints' nodes; the flow's
 * sink on both nodes is this object. It reacts to what arrives (timers, responses), so it is not a
 * recording sink: its packets always arrive on events.
 */
export class CallSignaling implements SipTransport, PacketSink<SipPacket>, SipMediaObserver {
  readonly call: SipCall

  constructor(
    private readonly sim: Simulator,
    options: SipCallOptions,
    private readonly ends: Readonly<Record<SipSide, SignalingEnd>>,
    private readonly flow: number,
    private readonly dscp: number,
  ) {
    this.call = new SipCall(sim, options, this, this)
    ends.caller.node.attachFlow(flow, this as PacketSink<LinkPacket>)
    ends.callee.node.attachFlow(flow, this as PacketSink<LinkPacket>)
  }

  /** From the sender's node toward the node of `message.to`. */
  send(message: SipMessage): void {
    const packet = new SipPacket(message, this.ends[message.to].node.index, this.flow, this.dscp)
    this.ends[otherSide(message.to)].node.receive(packet)
  }

  receive(packet: SipPacket): void {
    this.call.deliver(packet.message)
  }

  /** The answer's codec is the call's: both sides offer only that one. */
  mediaStarted(side: SipSide): void {
    this.ends[side].sender.start(this.sim.nowNs)
  }

  mediaStopped(side: SipSide): void {
    const end = this.ends[side]
    end.sender.stop()
    end.receiver.senderStopped(end.sender.ticks)
  }
}
