import type { TimeNs } from "../../sim/time.ts"

/** What a jitter buffer learns of each arriving packet (the same from the simulator and from a trace). */
export interface JitterPacket {
  readonly seq: number
  readonly rtpTimestamp: number
  readonly marker: boolean
  readonly arrivalNs: TimeNs
}

/** What the buffer did with an arriving packet. "overflow": too far ahead of the playout point to hold. */
export type InsertOutcome = "accepted" | "late" | "duplicate" | "overflow"

/**
 * The contract every jitter-buffer algorithm implements. The receiver calls `insert` on each
 * arrival and, from `playoutStartNs` on, `pull` once per frame period.
 *
 * A buffer copies what it needs of a packet and keeps no reference to it (the receiver recycles
 * packets, and may pass the same object again with new contents). What `pull` returns may
 * likewise be a record the buffer reuses: it is valid until the buffer's next call.
 */
export interface JitterBuffer {
  /** Stores (a copy of) the packet, or says why it was discarded. */
  insert(packet: JitterPacket, nowNs: TimeNs): InsertOutcome
  /** When the receiver should start pulling; undefined until the buffer knows. */
  readonly playoutStartNs: TimeNs | undefined
  /** The packet whose audio plays now (valid until the next call), or null when the frame is missing and must be concealed. */
  pull(nowNs: TimeNs): JitterPacket | null
  /** Current state, for reports and the dashboard. */
  snapshot(): { readonly bufferedPackets: number; readonly targetDelayNs: TimeNs }
}
