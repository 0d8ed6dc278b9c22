import type { Simulator } from "../../sim/simulator.ts"
import { newDelayHistogramNs } from "../network/delay-histogram.ts"
import type { TimeNs } from "../../sim/time.ts"
import type { JitterBuffer } from "../jitter/jitter-buffer.ts"
import type { RecordingSink } from "../network/packet.ts"
import { LossBurstiness } from "../quality/loss-burstiness.ts"
import { RtpReceiverStats } from "../quality/rtp-receiver-stats.ts"
import type { ArrivalLog, ArrivalProcessor, ArrivedPacket } from "./arrival-log.ts"
import { TALKING, type ActivitySampler } from "./voice-activity/activity-sampler.ts"
import type { VoicePacket, VoicePacketPool } from "./voice-packet.ts"

/**
 * Sees every packet that reaches a receiver; the dashboard uses it to draw per-packet delay.
 * `packet` is valid during the call only: read what you need, do not keep it.
 */
export interface ArrivalObserver {
  arrived(packet: ArrivedPacket, late: boolean): void
}

export interface StreamReceiverConfig {
  readonly clockRateHz: number
  readonly ptimeNs: TimeNs
  readonly samplesPerPacket: number
  /**
   * The sender's first timestamp and tick count tell how many frames there are to play (Infinity:
   * until `senderStopped`).
   */
  readonly initialTimestamp: number
  readonly packetCount: number
  /**
   * With VAD: a replay of the sender's talker (a reader of the same conversation side), so that a
   * frame is due at playout only if the sender sent voice for it; silence is not loss.
   */
  readonly activity?: ActivitySampler
}

/**
 * The receiving end of one stream: RFC 3550 statistics on arrival, then the jitter buffer, then a
 * playout clock that takes one frame per packetization interval and conceals what is missing.
 *
 * Arrivals are recorded in an ArrivalLog and processed later in batches (see there): each one in
 * arrival order, with its arrival time, exactly as on arrival. So the statistics are current
 * only after `playUntil` (which `simulate` calls at the end of the run). The playout clock needs no events
 * either: the ticks due up to an arrival run just before it is processed (a tick wins a tie with
 * an arrival), and `playUntil` runs the rest at the end. The buffer sees the same calls, with the
 * same times, in the same order as with one event per arrival and per tick.
 */
export class StreamReceiver implements RecordingSink<VoicePacket>, ArrivalProcessor {
  readonly rtp: RtpReceiverStats
  /** Exact count, mean and max; quantiles within 1 %. */
  readonly oneWayDelayNs = newDelayHistogramNs()
  /** Of the played frames: from arrival to playout. */
  readonly jitterBufferDelayNs = newDelayHistogramNs()
  /** Playout outcome per due frame (played or concealed), in playout order: network and late loss together. */
  readonly playoutLoss = new LossBurstiness()
  packetsLate = 0
  /** Copies of packets already held or played (network duplication). */
  packetsDuplicate = 0
  /** Of the frames due (voice the sender sent): played, or concealed because lost or late. */
  framesPlayed = 0
  framesConcealed = 0
  /** The sender's tick (frame index from its first timestamp) of the next playout tick. */
  private frame = 0
  /** Playout ends before this frame; -1 until the first packet arrives. */
  private frameEnd = -1
  /** The sender's tick count, once known. */
  private tickCount: number
  private nextTickNs: TimeNs = Infinity
  /** When the sender's tick 0 was (its ticks are every ptime from there), for the activity replay. */
  private senderStartNs: TimeNs = 0
  private readonly activity: ActivitySampler | undefined
  private readonly ptimeNs: TimeNs
  /** This receiver's index in the arrival log. */
  private readonly index: number

  constructor(
    private readonly sim: Simulator,
    private readonly config: StreamReceiverConfig,
    private readonly jitterBuffer: JitterBuffer,
    private readonly observer: ArrivalObserver | undefined,
    private readonly arrivals: ArrivalLog,
    /** Takes the packets back once recorded; without one they are left to the garbage collector. */
    private readonly packets: VoicePacketPool | undefined = undefined,
  ) {
    this.rtp = new RtpReceiverStats(config.clockRateHz)
    this.ptimeNs = config.ptimeNs
    this.tickCount = config.packetCount
    this.activity = config.activity
    this.index = arrivals.register(this)
  }

  /**
   * The sender stopped after `ticks` ticks (a BYE): later frames are not due. It always hears of
   * it before playing them: frame k plays a network delay plus the buffer's delay after the
   * sender's tick k would have been.
   */
  senderStopped(ticks: number): void {
    this.tickCount = ticks
    if (this.frameEnd >= 0) this.frameEnd = ticks
  }

  /** A packet arrives: recorded for later processing, and recycled. */
  receive(packet: VoicePacket): void {
    this.receiveAt(packet, this.sim.nowNs)
  }

  /** The last link knows the packet's arrival time (a receiver only records, so it may be told early). */
  receiveAt(packet: VoicePacket, arrivalNs: TimeNs): void {
    this.arrivals.record(this.index, packet, arrivalNs, this.sim.nowNs)
    this.packets?.release(packet)
  }

  /** Brings the receiver up to `endNs`: processes the arrivals and runs the playout ticks at or before it. */
  playUntil(endNs: TimeNs): void {
    this.arrivals.flush(endNs)
    this.runTicks(endNs)
  }

  /** One arrival, as it happened (called by the arrival log). */
  process(packet: ArrivedPacket): void {
    const nowNs = packet.arrivalNs
    this.runTicks(nowNs)
    this.rtp.onPacket(packet.seq, packet.rtpTimestamp, nowNs)
    const delayNs = nowNs - packet.sentNs
    this.oneWayDelayNs.add(delayNs)
    const outcome = this.jitterBuffer.insert(packet, nowNs)
    if (outcome === "duplicate") this.packetsDuplicate++
    else if (outcome !== "accepted") this.packetsLate++
    this.observer?.arrived(packet, outcome === "late" || outcome === "overflow")
    if (this.frameEnd < 0) this.startPlayout(packet)
  }

  /** Runs the playout ticks due at or before `endNs`. */
  private runTicks(endNs: TimeNs): void {
    while (this.frame < this.frameEnd && this.nextTickNs <= endNs) {
      this.tick()
      this.nextTickNs += this.ptimeNs
      this.frame++
    }
  }

  /** The playout tick at `nextTickNs`: play the due frame or conceal it; a frame of silence is not due. */
  private tick(): void {
    const nowNs = this.nextTickNs
    const packet = this.jitterBuffer.pull(nowNs)
    // With DTX the tick plays comfort noise unless the sender sent voice for this frame.
    const activity = this.activity
    if (activity !== undefined && (activity.sample(this.senderStartNs + this.frame * this.ptimeNs) & TALKING) === 0) return
    if (packet === null) {
      this.framesConcealed++
      this.playoutLoss.record(true)
    } else {
      this.framesPlayed++
      this.playoutLoss.record(false)
      this.jitterBufferDelayNs.add(nowNs - packet.arrivalNs)
    }
  }

  private startPlayout(first: ArrivedPacket): void {
    const startNs = this.jitterBuffer.playoutStartNs
    if (startNs === undefined) return
    const c = this.config
    const firstFrame = Math.round(((first.rtpTimestamp - c.initialTimestamp) | 0) / c.samplesPerPacket)
    this.frame = firstFrame
    this.frameEnd = this.tickCount
    this.senderStartNs = first.sentNs - firstFrame * this.ptimeNs // the sender ticks every ptime
    this.nextTickNs = Math.max(startNs, first.arrivalNs)
  }
}
