import { NS_PER_MS, type TimeNs } from "../../sim/time.ts"
import { FrameStore } from "./frame-store.ts"
import type { FrameTiming, InsertOutcome, JitterBuffer, JitterBufferSnapshot, JitterBufferStats, JitterPacket, PlayoutDecision } from "./jitter-buffer.ts"
import { NetEqArrivalHistory } from "./neteq-arrival-history.ts"
import { NetEqBufferLevelFilter } from "./neteq-buffer-level-filter.ts"
import { NetEqDelayManager, type NetEqDelayConfig } from "./neteq-delay-manager.ts"
import { PlayoutRecorder } from "./playout-recorder.ts"
import { RtpTimeline } from "./rtp-timeline.ts"

export interface NetEqConfig extends NetEqDelayConfig {
  /** Arrivals within this much RTP time form the reference for relative delays. */
  readonly packetHistoryMs: number
  /** Below the target by more than this (or a quarter of it), stretch. */
  readonly decelerationTargetLevelOffsetMs: number
  /** The high threshold is at least this above the low one. */
  readonly delayAdjustmentGranularityMs: number
  /** Time-stretching (accelerate or preemptive expand) is limited to about this much per second. */
  readonly maxTimeStretchMsPerSecond: number
  /** A filtered level at this many times the high threshold accelerates even between time-stretches. */
  readonly fastAccelerateFactor: number
  /** Keep expanding for a future packet at most this long. */
  readonly maxWaitForPacketMs: number
  /** After expanding this long (or for a packet this far ahead), restart at the next packet. */
  readonly reinitAfterExpandsMs: number
  /** NetEq decides and filters once per output block of this length. */
  readonly outputBlockMs: number
}

/** WebRTC NetEq's defaults, modules/audio_coding/neteq/ (sources of 2022–23, with packet_arrival_history.cc and underrun_optimizer.cc). */
export const NETEQ_DEFAULTS: NetEqConfig = {
  quantile: 0.95, // DelayManager::Config::quantile (delay_manager.h)
  forgetFactor: 0.983, // DelayManager::Config::forget_factor (delay_manager.h)
  startForgetWeight: 2, // DelayManager::Config::start_forget_weight (delay_manager.h)
  resampleIntervalMs: 500, // DelayManager::Config::resample_interval_ms (delay_manager.h)
  histogramBucketMs: 20, // kBucketSizeMs (underrun_optimizer.cc)
  histogramBuckets: 100, // kDelayBuckets (underrun_optimizer.cc)
  startDelayMs: 80, // kStartDelayMs (delay_manager.cc)
  maxPacketsInBuffer: 200, // DelayManager::Config::max_packets_in_buffer (delay_manager.h)
  packetHistoryMs: 2000, // DecisionLogic::Config::packet_history_size_ms (decision_logic.h)
  decelerationTargetLevelOffsetMs: 85, // DecisionLogic::Config::deceleration_target_level_offset_ms (decision_logic.h)
  delayAdjustmentGranularityMs: 20, // kDelayAdjustmentGranularityMs (decision_logic.cc)
  maxTimeStretchMsPerSecond: 100, // kMinTimescaleInterval: "maximum time-stretch rate to about 100 ms/s" (decision_logic.h)
  fastAccelerateFactor: 4, // ExpectedPacketAvailable: kFastAccelerate at high_limit << 2 (decision_logic.cc)
  maxWaitForPacketMs: 100, // kMaxWaitForPacketTicks = 10 ticks of 10 ms (decision_logic.cc)
  reinitAfterExpandsMs: 1000, // DecisionLogic::Config::reinit_after_expands = 100 ticks of 10 ms (decision_logic.h)
  outputBlockMs: 10, // kOutputSizeMs: GetAudio returns 10 ms (neteq_impl.h)
}

/**
 * A simplified port of WebRTC NetEq's jitter-buffer control (modules/audio_coding/neteq:
 * delay_manager.cc, underrun_optimizer.cc, histogram.cc, packet_arrival_history.cc,
 * buffer_level_filter.cc, decision_logic.cc), deciding once per frame.
 *
 * Estimation, on each arrival: the packet's delay relative to the fastest of the last 2 s of RTP
 * time goes to the delay manager, whose histogram gives the target delay (neteq-delay-manager.ts);
 * the decision logic uses max(target, one packet).
 *
 * Decision, on each tick (DecisionLogic::GetDecision): the buffered span (first to last held frame,
 * both included) is filtered (neteq-buffer-level-filter.ts). Then, with low = max(¾·target,
 * target − 85 ms) and high = max(target, low + 20 ms):
 * - nothing held: expand (the missing frame is waited for, so the expand adds delay);
 * - the next frame held: after an expand, merge; else accelerate when the filtered level ≥ 4·high,
 *   or ≥ high and the last time-stretch is long enough ago; preemptive expand when < low (same
 *   limit); else normal;
 * - only later frames held: after an expand, keep expanding while the gap is longer than the
 *   expands so far, the level is under target, the wait is under 100 ms and the gap under 1 s;
 *   then merge, jumping to the frame held (the gap is given up); without an expand before, expand;
 * - after 1 s of expands, restart at the next frame held (a resync).
 * A packet behind the playout point is late. A full buffer (200 packets) is flushed and playout
 * restarts at the next packet.
 *
 * Simplified, against NetEq: decisions and time-stretches are whole frames, one per tick (NetEq
 * decides every 10 ms and stretches by pitch periods): accelerate plays two frames in one tick,
 * preemptive expand one tick without consuming a frame; so time-stretches are spaced to keep
 * NetEq's ~100 ms/s (one every 200 ms with 20 ms frames), and the first comes that long after the
 * start. The filter still runs once per 10 ms (twice per 20 ms tick), without NetEq's correction
 * for samples just stretched (the buffered span already shows them). Not ported: the expand's
 * mute factor (and with it the postponing of decoding after an expand), comfort-noise packets
 * (RFC 3389), DTMF, codec-internal PLC and CNG, the reorder optimizer's own target, minimum and
 * maximum delays set by the application, and the "stable playout delay" variant. Histogram and
 * filter are in floating point, times in ns.
 *
 * Target delay: max(the delay manager's target, one frame), beyond the fastest packet of the window.
 */
export class NetEqJitterBuffer implements JitterBuffer {
  private readonly store = new FrameStore(256)
  private readonly recorder = new PlayoutRecorder()
  private readonly timeline = new RtpTimeline()
  readonly arrivals: NetEqArrivalHistory
  readonly delayManager: NetEqDelayManager
  readonly levelFilter = new NetEqBufferLevelFilter()
  private readonly c: NetEqConfig
  private readonly frameNs: TimeNs
  private readonly frameMs: number
  private readonly samplesPerFrame: number
  private readonly filterStepsPerTick: number
  private readonly stretchIntervalNs: TimeNs
  private startNs: TimeNs | undefined
  private cursor = 0 // the next frame to play
  private lastStretchNs = 0
  private consecutiveExpands = 0
  private flushed = false

  constructor(timing: FrameTiming, config: Partial<NetEqConfig> = {}) {
    const c = { ...NETEQ_DEFAULTS, ...config }
    this.c = c
    this.frameNs = timing.frameNs
    this.frameMs = timing.frameNs / NS_PER_MS
    this.samplesPerFrame = timing.samplesPerFrame
    this.arrivals = new NetEqArrivalHistory(c.packetHistoryMs * NS_PER_MS)
    this.delayManager = new NetEqDelayManager(c, timing.frameNs)
    this.filterStepsPerTick = Math.max(1, Math.round(this.frameMs / c.outputBlockMs))
    this.stretchIntervalNs = (this.frameNs * 1000) / c.maxTimeStretchMsPerSecond
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

  /** DecisionLogic::TargetLevelMs: the delay manager's target, at least one packet. */
  get targetDelayNs(): TimeNs {
    return Math.max(this.delayManager.targetNs, this.frameNs)
  }

  insert(packet: JitterPacket, nowNs: TimeNs): InsertOutcome {
    const r = this.recorder
    const samples = this.timeline.samplesOf(packet.rtpTimestamp)
    const frame = Math.round(samples / this.samplesPerFrame)
    if (this.startNs === undefined) {
      this.startNs = nowNs // NetEq decodes the first packet at once
      this.cursor = frame
      this.lastStretchNs = nowNs
    }
    // DecisionLogic::PacketArrived: every packet counts, however it is stored.
    const rtpNs = (samples * this.frameNs) / this.samplesPerFrame
    const arrivals = this.arrivals
    arrivals.insert(rtpNs, nowNs)
    if (arrivals.size >= 2) this.delayManager.update(arrivals.delayNs(rtpNs, nowNs), !arrivals.isNewest(rtpNs), nowNs)
    const store = this.store
    if (frame < this.cursor) return r.inserted("late")
    if (store.has(frame)) return r.inserted("duplicate")
    if (store.count >= this.c.maxPacketsInBuffer) {
      // PacketBuffer::InsertPacket flushes a full buffer; NetEq then restarts at the next packet.
      r.stats.overflowDiscards += store.clear()
      r.stats.resyncs++
      this.flushed = true
    }
    return r.inserted(store.put(frame, packet))
  }

  pull(nowNs: TimeNs): JitterPacket | null {
    const r = this.recorder
    const store = this.store
    const c = this.c
    const targetNs = this.targetDelayNs
    if (this.startNs === undefined) return r.comfortNoise(targetNs)
    const lastWasExpand = r.lastKind === "expand"
    this.consecutiveExpands = lastWasExpand ? this.consecutiveExpands + 1 : 0

    // FilterBufferLevel, once per 10 ms output block.
    const filter = this.levelFilter
    filter.setTargetLevel(targetNs / NS_PER_MS)
    const spanNs = store.spanFrames * this.frameNs
    if (this.flushed) filter.set(spanNs)
    else for (let i = 0; i < this.filterStepsPerTick; i++) filter.update(spanNs)

    if (store.count === 0) return r.expand(0, targetNs) // NoPacket
    const next = store.lowest
    if (this.flushed || this.consecutiveExpands * this.frameMs > c.reinitAfterExpandsMs) {
      if (!this.flushed) r.stats.resyncs++
      this.flushed = false
      return this.jumpTo(next, targetNs)
    }
    if (next === this.cursor) return this.expectedPacketAvailable(nowNs, lastWasExpand, targetNs)
    // FuturePacketAvailable.
    if (lastWasExpand && !this.shouldContinueExpand(next - this.cursor, targetNs)) return this.jumpTo(next, targetNs)
    return r.expand(0, targetNs)
  }

  snapshot(): JitterBufferSnapshot {
    return { bufferedPackets: this.store.count, targetDelayNs: this.targetDelayNs }
  }

  private expectedPacketAvailable(nowNs: TimeNs, lastWasExpand: boolean, targetNs: TimeNs): JitterPacket | null {
    const r = this.recorder
    const c = this.c
    const frame = this.cursor
    if (!lastWasExpand) {
      const lowNs = Math.max((targetNs * 3) / 4, targetNs - c.decelerationTargetLevelOffsetMs * NS_PER_MS)
      const highNs = Math.max(targetNs, lowNs + c.delayAdjustmentGranularityMs * NS_PER_MS)
      const levelNs = this.levelFilter.levelNs
      const stretchAllowed = nowNs - this.lastStretchNs >= this.stretchIntervalNs
      if ((levelNs >= c.fastAccelerateFactor * highNs || (stretchAllowed && levelNs >= highNs)) && this.store.has(frame + 1)) {
        this.lastStretchNs = nowNs
        this.store.remove(frame + 1)
        this.cursor += 2
        return r.play("accelerate", this.store, frame, 2, targetNs, 1)
      }
      if (stretchAllowed && levelNs < lowNs) {
        this.lastStretchNs = nowNs
        return r.preemptiveExpand(targetNs)
      }
    }
    this.cursor++
    return r.play(r.resumeKind, this.store, frame, 1, targetNs)
  }

  /** DecisionLogic::ShouldContinueExpand, with the gap to the next packet held in frames. */
  private shouldContinueExpand(gapFrames: number, targetNs: TimeNs): boolean {
    const c = this.c
    return (
      gapFrames * this.frameMs < c.reinitAfterExpandsMs && // ReinitAfterExpands
      this.consecutiveExpands * this.frameMs < c.maxWaitForPacketMs && // MaxWaitForPacket
      gapFrames > this.consecutiveExpands && // PacketTooEarly
      this.levelFilter.levelNs < targetNs // UnderTargetLevel
    )
  }

  /** Plays `frame`, giving up the missing frames before it. */
  private jumpTo(frame: number, targetNs: TimeNs): JitterPacket {
    const consumed = frame - this.cursor + 1
    this.cursor = frame + 1
    return this.recorder.play(this.recorder.resumeKind, this.store, frame, consumed, targetNs)
  }
}
