import type { TimeNs } from "../../sim/time.ts"

/** What the network needs of any packet: its size on the wire, its class and where it was queued. */
export interface WirePacket {
  readonly sizeBytes: number
  /** Differentiated Services code point (RFC 2474); queues classify on it. */
  readonly dscp: number
  /** Set by the egress queue when the packet enters it; used for queue-delay statistics. */
  queuedAtNs: TimeNs
}

/** Whatever takes a packet at the far end of a link: a node, an endpoint, a meter. */
export interface PacketSink<P extends WirePacket> {
  receive(packet: P): void
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
}
