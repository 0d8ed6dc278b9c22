import type { TimeNs } from "../../sim/time.ts"

/** What a jitter buffer learns of each arriving packet (the same from the simulator and from a trace). */
export interface JitterPacket {
  readonly seq: number
  readonly rtpTimestamp: number
  readonly marker: boolean
  readonly arrivalNs: TimeNs
}

/**
 * What the buffer did with an arriving packet.
 * - "late": its playout time has passed (or its frame was already played or given up);
 * - "duplicate": a copy of a frame the buffer holds or has played;
 * - "overflow": too far from the frames it holds to be stored;
 * - "discarded": refused by a rule of the algorithm itself (Asterisk: a delay jump not yet
 *   confirmed by a resync).
 */
export type InsertOutcome = "accepted" | "late" | "duplicate" | "overflow" | "discarded"

/**
 * What one playout tick plays (the names are NetEq's operations, modules/audio_coding/neteq/decision_logic.cc):
 * - "normal": the next frame, as it is;
 * - "merge": a frame right after an expand: the decoder blends the concealment into it;
 * - "expand": concealment of a frame that is not there (the codec's PLC);
 * - "comfort-noise": silence between talkspurts (nothing to play, and nothing missing);
 * - "accelerate": time compression: the tick plays the audio of more than one frame period;
 * - "preemptive-expand": time stretching: the tick plays audio without advancing the media.
 */
export type PlayoutKind = "normal" | "merge" | "expand" | "comfort-noise" | "accelerate" | "preemptive-expand"

/**
 * The full answer of one `pull`. A buffer fills the same record on every pull (read it before the
 * next call; keep a reference if you like, it stays the buffer's `decision`).
 */
export interface PlayoutDecision {
  readonly kind: PlayoutKind
  /**
   * The packet whose audio this tick plays (for an accelerate, the first of them); null for
   * expand, comfort-noise and preemptive-expand. The same object `pull` returns.
   */
  readonly packet: JitterPacket | null
  /**
   * How many frame periods of media the playout point moved past in this tick, whether their
   * packet was there or not: 1 for normal (more when a resync restarts at a later frame); ≥ 2 for accelerate; 0 for preemptive-expand and
   * comfort-noise; for merge, 1 plus the missing frames it jumps over; for expand, 1 when the
   * missing frame is given up (fixed, Ramjee, Asterisk) and 0 when the buffer keeps waiting for it
   * (NetEq-like: the expand stretches time). Summed over a call, it is the media time played.
   */
  readonly framesConsumed: number
  /** The delay the buffer currently aims at, beyond the network delay it takes as its reference (see each algorithm). */
  readonly targetDelayNs: TimeNs
}

/** Counters of one buffer since it was made; the buffer updates the same object. */
export interface JitterBufferStats {
  /** Arrivals stored. */
  readonly packetsAccepted: number
  /** Arrivals after their playout time, and packets found too late at playout. */
  readonly lateDiscards: number
  readonly duplicates: number
  /** Arrivals the buffer had no room for, and packets it flushed to make room. */
  readonly overflowDiscards: number
  /** Arrivals refused by a rule of the algorithm ("discarded"). */
  readonly discarded: number
  /** Packets whose audio was played (by normal, merge or accelerate), each counted once. */
  readonly framesPlayed: number
  /** Packets taken out of the buffer without being played (Asterisk drops a frame to shrink). */
  readonly framesDropped: number
  /** Ticks by decision. */
  readonly normals: number
  readonly expands: number
  readonly merges: number
  readonly accelerates: number
  readonly preemptiveExpands: number
  readonly comfortNoises: number
  /** Times the buffer restarted its timeline (Asterisk resync, NetEq-like reset after long expands or a flush). */
  readonly resyncs: number
}

export interface JitterBufferSnapshot {
  readonly bufferedPackets: number
  readonly targetDelayNs: TimeNs
}

/** The stream's framing: one frame per packet, `frameNs` of audio, `samplesPerFrame` RTP timestamp units. */
export interface FrameTiming {
  readonly frameNs: TimeNs
  readonly samplesPerFrame: number
}

/**
 * The contract every jitter-buffer algorithm implements.
 *
 * Calls. The receiver calls `insert` on each arrival, with the arrival time as `nowNs`. Once
 * `playoutStartNs` is known it calls `pull` once per frame period, at `playoutStartNs + k·frameNs`
 * (k = 0, 1, 2, …), the tick grid. Calls come in time order; a tick due at the same time as an
 * arrival runs first. Time is only ever passed in: no buffer reads a clock.
 *
 * Pull. Each tick plays one frame period of audio. `pull` returns the packet whose audio starts in
 * this tick, or null when none does; `decision` then says what the tick plays (see PlayoutKind
 * and PlayoutDecision): the return value alone is the answer of a plain buffer (null = conceal).
 *
 * Memory. A buffer copies what it needs of a packet and keeps no reference to it (the receiver
 * recycles packets, and may pass the same object again with new contents). What `pull` returns is
 * a record the buffer reuses: valid until its next call. Buffers allocate nothing per packet.
 */
export interface JitterBuffer {
  /** Stores (a copy of) the packet, or says why it was not stored. */
  insert(packet: JitterPacket, nowNs: TimeNs): InsertOutcome
  /** When the receiver should start pulling (the first tick of the grid); undefined until the buffer knows. */
  readonly playoutStartNs: TimeNs | undefined
  /** One playout tick: the packet whose audio starts now (valid until the next call), or null (see `decision`). */
  pull(nowNs: TimeNs): JitterPacket | null
  /** What the last `pull` decided, in full. */
  readonly decision: PlayoutDecision
  /** Counters since the buffer was made. */
  readonly stats: JitterBufferStats
  /** Current state, for reports and the dashboard. */
  snapshot(): JitterBufferSnapshot
}
