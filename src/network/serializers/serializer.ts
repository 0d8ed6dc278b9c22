import type { TimeNs } from "../../../sim/time.ts"

/**
 * How a link direction's transmitter puts packets on the wire: at a fixed rate, or at the
 * delivery opportunities of a capacity trace. The transmitter takes one packet at a time, in
 * queue order, as soon as the previous one has left.
 */
export interface Serializer {
  /** The rate reported for the direction: the configured one, or a trace's mean. */
  readonly bandwidthBps: number
  /**
   * When the last bit of a packet of `sizeBytes` leaves, taken by the transmitter at `nowNs`
   * after it entered the queue at `queuedAtNs`; never before `nowNs`. Each call commits the
   * transmitter to that packet.
   */
  departureNs(sizeBytes: number, nowNs: TimeNs, queuedAtNs: TimeNs): TimeNs
  /** The time spent busy from when this serializer took over until `untilNs` (for utilization). */
  busyNs(untilNs: TimeNs): number
  /** The link went down at `nowNs`: the packet on the wire is gone, and with it any capacity it had claimed. */
  cancel(nowNs: TimeNs): void
}
