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
  /**
   * True when `packet` will be served after everything offered before it and before everything
   * offered after it, and no shaper holds it back: its transmission start is then known on
   * arrival, and the link may commit it ahead instead of queueing it (FIFO; strict priority's top
   * class).
   */
  servesInArrivalOrder(packet: P): boolean
  /**
   * Admission of such a packet (limits, policer) while `waitingPackets` / `waitingBytes` of its
   * class are committed ahead but not yet on the wire: they count as queued.
   */
  admitAhead(packet: P, nowNs: TimeNs, waitingPackets: number, waitingBytes: number): boolean
  /** Empties the queue (a link going down), handing each packet to `discard`. */
  flush(discard: (packet: P) => void): void
  readonly length: number
  readonly backlogBytes: number
}
