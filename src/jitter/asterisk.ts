import { NS_PER_MS, type TimeNs } from "../../sim/time.ts"
import { AsteriskDelayHistory } from "./asterisk-delay-history.ts"
import { FrameStore } from "./frame-store.ts"
import type { FrameTiming, InsertOutcome, JitterBuffer, JitterBufferSnapshot, JitterBufferStats, JitterPacket, PlayoutDecision } from "./jitter-buffer.ts"
import { PlayoutRecorder } from "./playout-recorder.ts"
import { RtpTimeline } from "./rtp-timeline.ts"

export interface AsteriskConfig {
  /** Delays kept in the history. */
  readonly historySize: number
  /** Percent of the history dropped at each end before taking min and max. */
  readonly dropPercent: number
  /** Sizes the buffers of extremes: historySize · maxDropPercent / 100 delays each. */
  readonly maxDropPercent: number
  /** Added to the history's spread to make the target. */
  readonly targetExtraMs: number
  /** Time between two growths (unless the buffer holds less than it must grow by). */
  readonly adjustDelayMs: number
  /** The target may not exceed the minimum delay by more than this; 0: no limit. */
  readonly maxJitterBufferMs: number
  /** A delay jump beyond 2·jitter + this resyncs; −1: never. */
  readonly resyncThresholdMs: number
  /** Consecutive interpolations after which the buffer treats the gap as silence; 0: never. */
  readonly maxContiguousInterpolations: number
  /** Time between two shrinks. */
  readonly shrinkIntervalMs: number
  /** Time between two shrinks when the next frame is missing. */
  readonly shrinkWithoutFrameIntervalMs: number
  /** Delay jumps tolerated (the packets discarded) before the next one resyncs. */
  readonly discontinuitiesBeforeResync: number
}

/** Asterisk's defaults: constants of main/jitterbuf.h and jitterbuf.c, configuration defaults of main/abstract_jb.c. */
export const ASTERISK_DEFAULTS: AsteriskConfig = {
  historySize: 500, // JB_HISTORY_SZ (jitterbuf.h)
  dropPercent: 3, // JB_HISTORY_DROPPCT (jitterbuf.h)
  maxDropPercent: 4, // JB_HISTORY_DROPPCT_MAX (jitterbuf.h)
  targetExtraMs: 40, // JB_TARGET_EXTRA (jitterbuf.h); DEFAULT_TARGET_EXTRA (abstract_jb.c)
  adjustDelayMs: 40, // JB_ADJUST_DELAY (jitterbuf.h)
  maxJitterBufferMs: 200, // DEFAULT_SIZE (abstract_jb.c), passed as jb_conf.max_jitterbuf
  resyncThresholdMs: 1000, // DEFAULT_RESYNC (abstract_jb.c), jb_conf.resync_threshold
  maxContiguousInterpolations: 10, // jb_conf.max_contig_interp set by jb_create_adaptive (abstract_jb.c)
  shrinkIntervalMs: 500, // _jb_get: "shrink at 1 frame / 500ms" (jitterbuf.c)
  shrinkWithoutFrameIntervalMs: 80, // _jb_get: "shrink 1 frame every 80ms" without a frame (jitterbuf.c)
  discontinuitiesBeforeResync: 3, // history_put: resync when cnt_delay_discont > 3 (jitterbuf.c)
}

/** Holds frames within 256 of the playout point (5 s of 20 ms frames). */
const CAPACITY = 256

/**
 * Asterisk's adaptive jitter buffer (main/jitterbuf.c, Steve Kann), on the receiver's tick grid.
 *
 * Delays are measured against the first packet (Asterisk's timebase and resync offset):
 * delay = (arrival − first arrival) − (media time − first media time). The last 500 go in a history;
 * dropping the 3 % highest and lowest, min is the lowest left and jitter the spread to the highest
 * left; target = min + jitter + 40 ms, at most min + 200 ms. `current` is the playout delay in use:
 * frame with media time t plays at t + current.
 *
 * Each tick (jb_get), in a talkspurt:
 * - grow when target > current and 40 ms have passed since the last adjustment (or the buffer holds
 *   less than the difference): current += one frame, and the tick interpolates: preemptive-expand;
 * - shrink when current > target + 40 ms and 500 ms have passed (80 ms if the next frame is
 *   missing): current −= one frame, dropping the next frame (or skipping its empty slot), and the
 *   tick plays the one after: accelerate;
 * - otherwise play the next frame, or interpolate it when missing (expand; the frame is given up).
 * After 10 interpolations in a row the buffer is in silence (as at the start): it plays comfort
 * noise until a frame's time + target comes, then plays it and takes current from there.
 * A packet whose delay jumps by more than 2·jitter + 1 s is discarded; the 4th such in a row
 * resyncs: the history restarts and that packet's delay becomes 0.
 *
 * On the grid: a talkspurt starts at the first tick at or after its first frame's time + target
 * (Asterisk starts it at time + current, having shrunk current toward target in 10 ms steps during
 * the silence, then sets current = target); a frame already behind the playout point is refused as
 * late on arrival (Asterisk drops it when it comes up); duplicates are refused (Asterisk has no
 * check); a shrink that drops a frame and finds the next missing interpolates in the same tick, as
 * Asterisk's jb_get loop does.
 *
 * Target delay: jitter + 40 ms (capped at 200 ms), beyond the minimum delay.
 */
export class AsteriskJitterBuffer implements JitterBuffer {
  private readonly store = new FrameStore(CAPACITY)
  private readonly recorder = new PlayoutRecorder()
  private readonly timeline = new RtpTimeline()
  readonly history: AsteriskDelayHistory
  private readonly c: AsteriskConfig
  private readonly frameNs: TimeNs
  private readonly samplesPerFrame: number
  private readonly extraNs: TimeNs
  private startNs: TimeNs | undefined
  private firstArrivalNs = 0
  /** Media time taken as 0 (jitterbuf.c's resync_offset). */
  private resyncOffsetNs = 0
  private lastDelayNs = 0
  private discontinuities = 0
  private currentNs: TimeNs
  private targetNs: TimeNs
  private lastAdjustmentNs = 0 // since the first arrival, like Asterisk's `now`
  private silent = true
  private contiguousInterpolations = 0
  /** In a talkspurt, the next frame to play; in silence, frames below it are late. */
  private cursor = -Infinity

  constructor(timing: FrameTiming, config: Partial<AsteriskConfig> = {}) {
    const c = { ...ASTERISK_DEFAULTS, ...config }
    this.c = c
    this.frameNs = timing.frameNs
    this.samplesPerFrame = timing.samplesPerFrame
    this.history = new AsteriskDelayHistory(c.historySize, c.dropPercent, c.maxDropPercent)
    this.extraNs = c.targetExtraMs * NS_PER_MS
    this.currentNs = this.extraNs // jb_reset: current = target = target_extra
    this.targetNs = this.extraNs
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

  /** The playout delay in use (jitterbuf.c's info.current). */
  get currentDelayNs(): TimeNs {
    return this.currentNs
  }

  private get targetDelayNs(): TimeNs {
    return this.targetNs - this.history.minNs
  }

  insert(packet: JitterPacket, nowNs: TimeNs): InsertOutcome {
    const r = this.recorder
    const mediaNs = (this.timeline.samplesOf(packet.rtpTimestamp) * this.frameNs) / this.samplesPerFrame
    if (this.startNs === undefined) {
      this.firstArrivalNs = nowNs
      this.resyncOffsetNs = mediaNs
      this.startNs = nowNs + this.extraNs
    }
    const sinceFirstNs = nowNs - this.firstArrivalNs
    let tsNs = mediaNs - this.resyncOffsetNs
    let delayNs = sinceFirstNs - tsNs
    const c = this.c
    // history_put: a drastic change of delay is discarded, unless it persists.
    if (c.resyncThresholdMs !== -1) {
      const thresholdNs = 2 * this.history.jitterNs + c.resyncThresholdMs * NS_PER_MS
      if (Math.abs(delayNs - this.lastDelayNs) > thresholdNs) {
        if (++this.discontinuities <= c.discontinuitiesBeforeResync) return r.inserted("discarded")
        this.discontinuities = 0
        this.history.reset()
        this.resyncOffsetNs = mediaNs - sinceFirstNs
        tsNs = sinceFirstNs
        delayNs = 0 // after a resync the frame is right on time
        this.lastDelayNs = 0
        r.stats.resyncs++
      } else {
        this.lastDelayNs = delayNs
        this.discontinuities = 0
      }
    }
    this.history.put(delayNs)
    const frame = Math.round(tsNs / this.frameNs)
    if (frame < this.cursor) return r.inserted("late")
    if (!this.silent && frame >= this.cursor + CAPACITY) return r.inserted("overflow")
    return r.inserted(this.store.put(frame, packet))
  }

  pull(nowNs: TimeNs): JitterPacket | null {
    const r = this.recorder
    const store = this.store
    const c = this.c
    const frameNs = this.frameNs
    const sinceFirstNs = nowNs - this.firstArrivalNs
    // history_get, then the target.
    const history = this.history
    history.get()
    this.targetNs = history.jitterNs + history.minNs + this.extraNs
    const maxNs = c.maxJitterBufferMs * NS_PER_MS
    if (maxNs > 0 && this.targetNs - history.minNs > maxNs) this.targetNs = history.minNs + maxNs
    const targetDelayNs = this.targetDelayNs

    if (this.silent) {
      if (store.count > 0) {
        const first = store.lowest
        if (sinceFirstNs >= first * frameNs + this.targetNs) {
          this.currentNs = sinceFirstNs - first * frameNs
          this.silent = false
          this.contiguousInterpolations = 0
          this.cursor = first + 1
          return r.play(r.resumeKind, store, first, 1, targetDelayNs)
        }
      }
      return r.comfortNoise(targetDelayNs)
    }

    const diffNs = this.targetNs - this.currentNs
    const spanNs = store.count > 0 ? (store.highest - store.lowest) * frameNs : 0 // queue_last − queue_next
    if (diffNs > 0 && (this.lastAdjustmentNs + c.adjustDelayMs * NS_PER_MS < sinceFirstNs || diffNs > spanNs)) {
      this.currentNs += frameNs
      this.lastAdjustmentNs = sinceFirstNs
      this.interpolated()
      return r.preemptiveExpand(targetDelayNs)
    }
    let consumed = 0
    let held = store.has(this.cursor)
    if (
      diffNs < -this.extraNs &&
      ((!held && this.lastAdjustmentNs + c.shrinkWithoutFrameIntervalMs * NS_PER_MS < sinceFirstNs) ||
        this.lastAdjustmentNs + c.shrinkIntervalMs * NS_PER_MS < sinceFirstNs)
    ) {
      this.lastAdjustmentNs = sinceFirstNs
      this.contiguousInterpolations = 0
      if (held) {
        store.remove(this.cursor)
        r.stats.framesDropped++
      }
      this.currentNs -= frameNs
      this.cursor++
      consumed = 1
      held = store.has(this.cursor)
    }
    const frame = this.cursor++
    if (!held) {
      this.interpolated()
      return r.expand(consumed + 1, targetDelayNs)
    }
    this.contiguousInterpolations = 0
    return r.play(consumed > 0 && r.resumeKind === "normal" ? "accelerate" : r.resumeKind, store, frame, consumed + 1, targetDelayNs)
  }

  snapshot(): JitterBufferSnapshot {
    return { bufferedPackets: this.store.count, targetDelayNs: this.targetDelayNs }
  }

  /** An interpolated tick: after max_contig_interp of them in a row, the gap is taken for silence. */
  private interpolated(): void {
    const max = this.c.maxContiguousInterpolations
    if (++this.contiguousInterpolations >= max && max > 0) this.silent = true
  }
}
