import type { TimeNs } from "../../sim/time.ts"
import type { LinkPacket } from "../network/link-direction.ts"
import { HEADER_STACK, type HeaderStack, type PacketOwner } from "../network/packet.ts"

/**
 * One RTP packet of a voice stream, as it travels: the RTP fields plus simulation bookkeeping.
 * The fields are written only when the packet is made (or remade by a VoicePacketPool).
 */
export class VoicePacket implements LinkPacket {
  queuedAtNs: TimeNs = 0
  /** RTP has no sender-side reaction to drops. */
  readonly owner: PacketOwner | undefined = undefined

  constructor(
    /** Index of the stream in the run; the receiving node hands the packet to that stream's receiver. */
    public flow: number,
    /** Node index of the receiver, for routing. */
    public destination: number,
    public seq: number,
    public rtpTimestamp: number,
    public marker: boolean,
    public sentNs: TimeNs,
    public sizeBytes: number,
    public dscp: number,
    /** RTP/UDP/IPv4 or IPv6; a tunnelled packet is plain IP to the links it crosses. */
    public headerStack: HeaderStack = HEADER_STACK.rtpIpv4,
  ) {}

  /** A copy made by a duplicating channel: it travels and arrives on its own. */
  duplicate(): VoicePacket {
    return new VoicePacket(
      this.flow,
      this.destination,
      this.seq,
      this.rtpTimestamp,
      this.marker,
      this.sentNs,
      this.sizeBytes,
      this.dscp,
      this.headerStack,
    )
  }
}

/**
 * Recycles voice packets. A run sends millions of them but holds only those in flight and in
 * jitter buffers, so reusing them spares the allocator and the garbage collector, and keeps
 * the packets being touched few and warm in the cache.
 *
 * Only a stream's receiver releases packets, once it has recorded their arrival: the network
 * holds no reference by then, and the receiver keeps copies of what it needs. Packets the
 * network loses are not returned (the garbage collector takes them) and the pool makes new ones
 * as needed. Reuse changes no result: no one compares packets by identity.
 */
export class VoicePacketPool {
  private readonly free: VoicePacket[] = []

  acquire(
    flow: number,
    destination: number,
    seq: number,
    rtpTimestamp: number,
    marker: boolean,
    sentNs: TimeNs,
    sizeBytes: number,
    dscp: number,
    headerStack: HeaderStack = HEADER_STACK.rtpIpv4,
  ): VoicePacket {
    const packet = this.free.pop()
    if (packet === undefined) return new VoicePacket(flow, destination, seq, rtpTimestamp, marker, sentNs, sizeBytes, dscp, headerStack)
    packet.flow = flow
    packet.destination = destination
    packet.seq = seq
    packet.rtpTimestamp = rtpTimestamp
    packet.marker = marker
    packet.sentNs = sentNs
    packet.sizeBytes = sizeBytes
    packet.dscp = dscp
    packet.headerStack = headerStack
    packet.queuedAtNs = 0
    return packet
  }

  /** Takes back a packet that nothing references any more. */
  release(packet: VoicePacket): void {
    this.free.push(packet)
  }

  /** Packets waiting for reuse. */
  get size(): number {
    return this.free.length
  }
}
