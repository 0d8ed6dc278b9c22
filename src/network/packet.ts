import type { TimeNs } from "../../sim/time.ts"

/** What the network needs of any packet: its IP size, its class and where it was queued. */
export interface WirePacket {
  /** The IP packet (the outer one when tunnelled); a link adds its framing on the wire. */
  readonly sizeBytes: number
  /** Differentiated Services code point (RFC 2474); queues classify on it. */
  readonly dscp: number
  /** Set by the egress queue when the packet enters it; used for queue-delay statistics. */
  queuedAtNs: TimeNs
}

/**
 * The headers a packet begins with, as far as a link cares: header compression (cRTP, RFC 2508)
 * rewrites only RTP/UDP/IP, by an amount that depends on the IP version. A small integer, so a
 * link finds a packet's framing overhead by indexing an array.
 */
export const HEADER_STACK = { ip: 0, rtpIpv4: 1, rtpIpv6: 2 } as const
export type HeaderStack = (typeof HEADER_STACK)[keyof typeof HEADER_STACK]
export const HEADER_STACK_COUNT = 3

/** Whatever takes a packet at the far end of a link: a node, an endpoint, a meter. */
export interface PacketSink<P extends WirePacket> {
  receive(packet: P): void
}

/**
 * A flow's sink that only records what reaches it: nothing it does feeds back into the run. A link
 * whose packets arrive in the order they leave may then hand it a packet, with its arrival time,
 * as soon as that time is known instead of on an event at that time.
 */
export interface RecordingSink<P extends WirePacket> extends PacketSink<P> {
  /** `packet` arrives at `arrivalNs` (now or later; never before this sink's earlier arrivals). */
  receiveAt(packet: P, arrivalNs: TimeNs): void
}

/** Finds the recording sink a packet is for, if it has one there (a node, for the flows it terminates). */
export interface RecorderLookup<P extends WirePacket> {
  recorderFor(packet: P): RecordingSink<P> | undefined
}

/** Told when the network discards one of its packets (a queue drop, a channel loss, a link down). */
export interface PacketOwner {
  packetDropped(packet: RoutedPacket): void
}

/** A packet that nodes can route: the destination node's index and the flow it belongs to there. */
export interface RoutedPacket extends WirePacket {
  readonly destination: number
  readonly flow: number
  /** The source that wants to hear about drops (a TCP-like sender), if any. */
  readonly owner: PacketOwner | undefined
  /** What a link with header compression may compress (HEADER_STACK). */
  readonly headerStack: HeaderStack
}
