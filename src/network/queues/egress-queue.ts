import type { TimeNs } from "../../../sim/time.ts"
import type { WirePacket } from "../packet.ts"

/**
 * A link direction's egress queue discipline. The transmitter offers each packet that arrives
 * while it is busy, and polls for the next one whenever it goes idle.
 */
export interface EgressQueue<P extends WirePacket> {
  /** Queues the packet, or returns false when the discipline drops it. */
  offer(packet: P, nowNs: TimeNs): boolean
  /** The next packet to transmit now, or undefined (empty, or a shaper holds everything back). */
  poll(nowNs: TimeNs): P | undefined
  /** When a shaper will next release a packet, if poll returned undefined while packets wait; else Infinity. */
  nextReleaseNs(nowNs: TimeNs): TimeNs
  /** Empties the queue (a link going down), handing each packet to `discard`. */
  flush(discard: (packet: P) => void): void
  readonly length: number
  readonly backlogBytes: number
}
