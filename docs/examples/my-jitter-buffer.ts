// A jitter-buffer algorithm of your own, in a file of its own: docs/jitter-buffers.md walks through it.
import type { TimeNs } from "../../sim/time.ts"
import { FrameStore } from "../../src/jitter/frame-store.ts"
import type {
  FrameTiming,
  InsertOutcome,
  JitterBuffer,
  JitterBufferSnapshot,
  JitterBufferStats,
  JitterPacket,
  PlayoutDecision,
} from "../../src/jitter/jitter-buffer.ts"
import { PlayoutRecorder } from "../../src/jitter/playout-recorder.ts"
import { RtpTimeline } from "../../src/jitter/rtp-timeline.ts"

export interface WindowedMaxConfig {
  /** Packets whose delays the target looks at. */
  readonly windowPackets: number
  /** Added to the spread of those delays. */
  readonly marginMs: number
}

/** Our own choices, not from a publication: about a second of 20 ms packets, half a frame of margin. */
export const WINDOWED_MAX_DEFAULTS: WindowedMaxConfig = { windowPackets: 50, marginMs: 10 }

/**
 * Target = (largest − smallest delay of the last `windowPackets` arrivals) + margin. Each tick
 * compares the media held (from the next frame to the last held, both included) with the target:
 * less than the target stretches (preemptive expand: wait for more), two frames or more above it
 * accelerates; a missing frame is concealed and given up.
 */
export class WindowedMaxJitterBuffer implements JitterBuffer {
  // Storage, decision record and counters, and timestamp unwrapping come from src/jitter.
  private readonly store = new FrameStore(256)
  private readonly recorder = new PlayoutRecorder()
  private readonly timeline = new RtpTimeline()
  private readonly transitsNs: Float64Array // arrival − media time, a ring of the last windowPackets
  private readonly frameNs: TimeNs
  private readonly samplesPerFrame: number
  private readonly marginNs: TimeNs
  private arrivals = 0
  private startNs: TimeNs | undefined
  private next = 0 // the next frame to play
  private targetNs: TimeNs

  constructor(timing: FrameTiming, config: Partial<WindowedMaxConfig> = {}) {
    const c = { ...WINDOWED_MAX_DEFAULTS, ...config }
    this.frameNs = timing.frameNs
    this.samplesPerFrame = timing.samplesPerFrame
    this.transitsNs = new Float64Array(c.windowPackets)
    this.marginNs = c.marginMs * 1_000_000
    this.targetNs = this.marginNs
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

  insert(packet: JitterPacket, nowNs: TimeNs): InsertOutcome {
    const samples = this.timeline.samplesOf(packet.rtpTimestamp)
    const frame = Math.round(samples / this.samplesPerFrame)
    if (this.startNs === undefined) {
      this.startNs = nowNs + this.marginNs
      this.next = frame
    }
    // Estimation: every arrival counts, even one that comes too late to be played.
    this.transitsNs[this.arrivals++ % this.transitsNs.length] = nowNs - (samples * this.frameNs) / this.samplesPerFrame
    const n = Math.min(this.arrivals, this.transitsNs.length)
    let min = Infinity
    let max = -Infinity
    for (let i = 0; i < n; i++) {
      const t = this.transitsNs[i]!
      if (t < min) min = t
      if (t > max) max = t
    }
    this.targetNs = max - min + this.marginNs
    // Storage.
    if (frame < this.next) return this.recorder.inserted("late")
    return this.recorder.inserted(this.store.put(frame, packet))
  }

  pull(_nowNs: TimeNs): JitterPacket | null {
    const r = this.recorder
    const store = this.store
    const frame = this.next
    if (!store.has(frame)) {
      this.next++
      return r.expand(1, this.targetNs)
    }
    const heldNs = (store.highest - frame + 1) * this.frameNs
    if (heldNs >= this.targetNs + 2 * this.frameNs && store.has(frame + 1) && r.lastKind !== "expand") {
      store.remove(frame + 1)
      this.next += 2
      return r.play("accelerate", store, frame, 2, this.targetNs, 1)
    }
    if (heldNs < this.targetNs) return r.preemptiveExpand(this.targetNs)
    this.next++
    return r.play(r.resumeKind, store, frame, 1, this.targetNs)
  }

  snapshot(): JitterBufferSnapshot {
    return { bufferedPackets: this.store.count, targetDelayNs: this.targetNs }
  }
}
