import { NS_PER_MS, type TimeNs } from "../../sim/time.ts"
import { FrameStore } from "./frame-store.ts"
import type { FrameTiming, InsertOutcome, JitterBuffer, JitterBufferSnapshot, JitterBufferStats, JitterPacket, PlayoutDecision } from "./jitter-buffer.ts"
import { PlayoutRecorder } from "./playout-recorder.ts"
import { RamjeeAlgorithm1, RamjeeAlgorithm4, type RamjeeEstimator } from "./ramjee-estimators.ts"
import { RtpTimeline } from "./rtp-timeline.ts"

export interface RamjeeConfig {
  /** Which estimator: 1 (exponential average) or 4 (with spike detection). */
  readonly algorithm: 1 | 4
  /** Algorithm 1's α. */
  readonly alpha: number
  /** β in p_i = t_i + d̂_i + β·v̂_i. */
  readonly variationFactor: number
  /** Algorithm 4's weight of the past in normal mode. */
  readonly spikeAlpha: number
  /** Algorithm 4's spike threshold beyond 2|v̂|. */
  readonly spikeThresholdMs: number
  /** Algorithm 4 leaves a spike when var falls to this. */
  readonly spikeEndMs: number
}

/**
 * Ramjee, Kurose, Towsley & Schulzrinne, IEEE INFOCOM 1994. The paper gives the spike constants
 * as 800 and 63 in its traces' timestamp units; we read those as the 8 kHz audio clock (125 µs),
 * so 100 ms and 7.875 ms: in milliseconds, the exit test would end a spike after one packet of
 * 20 ms packets arriving back to back (|2n_i − n_{i−1} − n_{i−2}|/8 = 7.5 < 63).
 */
export const RAMJEE_DEFAULTS: RamjeeConfig = {
  algorithm: 1,
  alpha: 0.998002, // Algorithm 1
  variationFactor: 4, // playout time of a talkspurt's first packet: t_i + d̂_i + 4·v̂_i
  spikeAlpha: 0.875, // Algorithm 4, normal mode
  spikeThresholdMs: 800 * 0.125, // Algorithm 4: 800 units of 125 µs
  spikeEndMs: 63 * 0.125, // Algorithm 4: 63 units of 125 µs
}

/** Holds frames within 256 of the playout point (5 s of 20 ms frames). */
const CAPACITY = 256

/**
 * Ramjee et al.'s adaptive playout: the playout point moves only between talkspurts. The first
 * packet of a talkspurt (RTP marker bit, RFC 3551 §4.1; and the stream's first packet) is played
 * at p_i = t_i + d̂_i + β·v̂_i, the estimates including its own delay; the talkspurt's later packets
 * keep its offset p − t. A packet arriving after its playout time is late. The estimates (d̂, v̂)
 * come from Algorithm 1 or 4 (ramjee-estimators.ts) and see every arrival.
 *
 * On the receiver's tick grid: a talkspurt starts at the first tick at or after its p (up to one
 * frame period after the paper's continuous playout time), and its frames follow one per tick.
 * Between talkspurts the buffer plays comfort noise. A missing frame inside a talkspurt is
 * concealed and given up; a talkspurt is known to have ended only when the next one's first
 * packet is held, so the frames after the last packet of a talkspurt are concealed until then.
 *
 * Target delay: β·v̂, the slack beyond the estimated delay d̂.
 */
export class RamjeeJitterBuffer implements JitterBuffer {
  private readonly store = new FrameStore(CAPACITY)
  private readonly recorder = new PlayoutRecorder()
  private readonly timeline = new RtpTimeline()
  readonly estimator: RamjeeEstimator
  private readonly frameNs: TimeNs
  private readonly samplesPerFrame: number
  private readonly variationFactor: number
  private startNs: TimeNs | undefined
  // The newest talkspurt (by start frame) and the one before, with their offsets p − t.
  private currentStart = Number.NaN
  private currentOffsetNs = 0
  private previousStart = Number.NaN
  private previousOffsetNs = 0
  private talking = false
  private playingStart = Number.NaN // start frame of the talkspurt playing
  private expected = 0 // its next frame

  constructor(timing: FrameTiming, config: Partial<RamjeeConfig> = {}) {
    const c = { ...RAMJEE_DEFAULTS, ...config }
    this.frameNs = timing.frameNs
    this.samplesPerFrame = timing.samplesPerFrame
    this.variationFactor = c.variationFactor
    this.estimator =
      c.algorithm === 1
        ? new RamjeeAlgorithm1(c.alpha)
        : new RamjeeAlgorithm4({ alpha: c.spikeAlpha, spikeThresholdNs: c.spikeThresholdMs * NS_PER_MS, spikeEndNs: c.spikeEndMs * NS_PER_MS })
  }

  get playoutStartNs(): TimeNs | undefined {
    return this.startNs
  }

  get decision(): PlayoutDecision {
    return this.recorder.decision
  }

  get stats(): JitterBufferStats {
    return this.recorder.stats
  }

  private get targetDelayNs(): TimeNs {
    return this.variationFactor * this.estimator.variationNs
  }

  insert(packet: JitterPacket, nowNs: TimeNs): InsertOutcome {
    const r = this.recorder
    const samples = this.timeline.samplesOf(packet.rtpTimestamp)
    const frame = Math.round(samples / this.samplesPerFrame)
    const mediaNs = (samples * this.frameNs) / this.samplesPerFrame // t_i, from the first packet's
    const e = this.estimator
    e.update(nowNs - mediaNs) // n_i: every packet received counts, copies too
    if (this.store.has(frame)) return r.inserted("duplicate")
    const first = this.startNs === undefined
    let offsetNs: number
    if (first || packet.marker) {
      // A copy of a talkspurt's first packet that is no longer held: it was played.
      if (frame === this.currentStart || frame === this.previousStart) return r.inserted("late")
      offsetNs = e.delayNs + this.variationFactor * e.variationNs
      if (first || frame > this.currentStart) {
        this.previousStart = this.currentStart
        this.previousOffsetNs = this.currentOffsetNs
        this.currentStart = frame
        this.currentOffsetNs = offsetNs
      } else if (!(frame <= this.previousStart)) {
        this.previousStart = frame
        this.previousOffsetNs = offsetNs
      }
    } else {
      const start = this.startOf(frame)
      if (Number.isNaN(start)) return r.inserted("late") // from a talkspurt before the last two: long gone
      offsetNs = start === this.currentStart ? this.currentOffsetNs : this.previousOffsetNs
      if (this.talking && start === this.playingStart && frame < this.expected) return r.inserted("late")
    }
    const dueNs = mediaNs + offsetNs // p_i
    if (first) this.startNs = dueNs
    if (nowNs > dueNs) return r.inserted("late")
    if (this.talking && frame >= this.expected + CAPACITY) return r.inserted("overflow")
    return r.inserted(this.store.put(frame, packet, dueNs))
  }

  pull(nowNs: TimeNs): JitterPacket | null {
    const r = this.recorder
    const store = this.store
    if (this.talking) {
      const next = this.expected
      // Anything held below the next frame is a later talkspurt's first packet (the rest is refused as late).
      if (store.has(next) && store.lowest === next && !store.marker(next)) {
        this.expected++
        return r.play(r.resumeKind, store, next, 1, this.targetDelayNs)
      }
      if (!(store.count > 0 && store.marker(store.lowest))) {
        this.expected++
        return r.expand(1, this.targetDelayNs)
      }
      this.talking = false // the next talkspurt is waiting: this one is over
    }
    if (store.count > 0) {
      const first = store.lowest
      if (store.aux(first) <= nowNs) {
        this.talking = true
        this.playingStart = store.marker(first) ? first : this.startOf(first)
        this.expected = first + 1
        return r.play(r.resumeKind, store, first, 1, this.targetDelayNs)
      }
    }
    return r.comfortNoise(this.targetDelayNs)
  }

  snapshot(): JitterBufferSnapshot {
    return { bufferedPackets: this.store.count, targetDelayNs: this.targetDelayNs }
  }

  /** The first frame of the talkspurt `frame` belongs to, of the last two; NaN if older. */
  private startOf(frame: number): number {
    if (frame >= this.currentStart) return this.currentStart
    if (frame >= this.previousStart) return this.previousStart
    return Number.NaN
  }
}
