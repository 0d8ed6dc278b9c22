import type { TimeNs } from "../../sim/time.ts"
import type { FrameStore, PacketCopy } from "./frame-store.ts"
import type { InsertOutcome, JitterBufferStats, PlayoutDecision, PlayoutKind } from "./jitter-buffer.ts"

type Mutable<T> = { -readonly [K in keyof T]: T[K] }

/** The counters of JitterBufferStats, as fields a buffer increments. */
export class PlayoutStats implements Mutable<JitterBufferStats> {
  packetsAccepted = 0
  lateDiscards = 0
  duplicates = 0
  overflowDiscards = 0
  discarded = 0
  framesPlayed = 0
  framesDropped = 0
  normals = 0
  expands = 0
  merges = 0
  accelerates = 0
  preemptiveExpands = 0
  comfortNoises = 0
  resyncs = 0
}

/**
 * The decision record, the played-packet record and the counters of one buffer, filled the same
 * way by every algorithm: each method records one tick's decision and returns what `pull` returns.
 */
export class PlayoutRecorder {
  readonly decision: Mutable<PlayoutDecision> = { kind: "comfort-noise", packet: null, framesConsumed: 0, targetDelayNs: 0 }
  readonly stats = new PlayoutStats()
  private readonly played: PacketCopy = { seq: 0, rtpTimestamp: 0, marker: false, arrivalNs: 0 }

  get lastKind(): PlayoutKind {
    return this.decision.kind
  }

  /** Counts an arrival's outcome and returns it. */
  inserted(outcome: InsertOutcome): InsertOutcome {
    const s = this.stats
    if (outcome === "accepted") s.packetsAccepted++
    else if (outcome === "late") s.lateDiscards++
    else if (outcome === "duplicate") s.duplicates++
    else if (outcome === "overflow") s.overflowDiscards++
    else s.discarded++
    return outcome
  }

  /** How a frame that follows the last tick plays: merged into a concealment, or as it is. */
  get resumeKind(): "merge" | "normal" {
    return this.decision.kind === "expand" ? "merge" : "normal"
  }

  /**
   * Plays held frame `frame`, taken from `store`. `extraPlayed` counts further packets whose audio
   * the tick compresses into it (an accelerate; the caller has taken them out of the store).
   */
  play(kind: "normal" | "merge" | "accelerate", store: FrameStore, frame: number, framesConsumed: number, targetDelayNs: TimeNs, extraPlayed = 0): PacketCopy {
    const played = this.played
    store.take(frame, played)
    const s = this.stats
    s.framesPlayed += 1 + extraPlayed
    if (kind === "normal") s.normals++
    else if (kind === "merge") s.merges++
    else s.accelerates++
    return this.record(kind, played, framesConsumed, targetDelayNs)
  }

  /**
   * Plays one frame from storage of the buffer's own (a buffer that keeps no FrameStore): the
   * caller fills the returned record, which is also the decision's packet.
   */
  playOwn(kind: "normal" | "merge", targetDelayNs: TimeNs): PacketCopy {
    const s = this.stats
    s.framesPlayed++
    if (kind === "normal") s.normals++
    else s.merges++
    return this.record(kind, this.played, 1, targetDelayNs)
  }

  /** Conceals a missing frame; `framesConsumed` is 1 when the frame is given up, 0 when the buffer keeps waiting for it. */
  expand(framesConsumed: number, targetDelayNs: TimeNs): null {
    this.stats.expands++
    return this.record("expand", null, framesConsumed, targetDelayNs)
  }

  /** Plays audio without advancing the media, to grow the buffer. */
  preemptiveExpand(targetDelayNs: TimeNs): null {
    this.stats.preemptiveExpands++
    return this.record("preemptive-expand", null, 0, targetDelayNs)
  }

  /** Plays silence: nothing is due, and nothing is missing. */
  comfortNoise(targetDelayNs: TimeNs): null {
    this.stats.comfortNoises++
    return this.record("comfort-noise", null, 0, targetDelayNs)
  }

  private record<P extends PacketCopy | null>(kind: PlayoutKind, packet: P, framesConsumed: number, targetDelayNs: TimeNs): P {
    const d = this.decision
    d.kind = kind
    d.packet = packet
    d.framesConsumed = framesConsumed
    d.targetDelayNs = targetDelayNs
    return packet
  }
}
