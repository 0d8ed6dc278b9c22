import type { Simulator } from "../../sim/simulator.ts"
import { NS_PER_S, type TimeNs } from "../../sim/time.ts"
import { newDelayHistogramNs } from "../network/delay-histogram.ts"
import type { PacketSink } from "../network/packet.ts"
import { RtpReceiverStats } from "../quality/rtp-receiver-stats.ts"
import { VIDEO_RTP_CLOCK_HZ } from "./video/video-stream.ts"
import type { VideoPacket } from "./video-sender.ts"

export interface VideoReceiverConfig {
  /** When the sender's first frame was captured. */
  readonly startNs: TimeNs
  readonly frameRateFps: number
  /** A frame plays this long after the first packet's arrival, offset by its capture time (as the voice's fixed buffer). */
  readonly playoutDelayNs: TimeNs
  /** Frames the sender sends. */
  readonly frameCount: number
}

/** Frames tracked at once, a power of two: 1024 frames are 34 s at 30 fps, far more than any playout delay. */
const SLOTS = 1024
const NO_FRAME = -1

/**
 * The receiving end of a video stream: RFC 3550 statistics at the 90 kHz clock, one-way delay per
 * packet, and what the viewer sees per frame. Frame k plays at a fixed offset from its capture time,
 * set by the first arrival: first arrival + playout delay − first packet's capture time + capture of k.
 * At its playout time a frame is:
 * - complete: every packet has arrived;
 * - late: every packet arrives, some after the playout time;
 * - incomplete: some but not all packets ever arrive (a decoder would show it damaged or freeze);
 * - lost: none arrives.
 * Frames are scored once their playout time has passed by the end of the run.
 */
export class VideoReceiver implements PacketSink<VideoPacket> {
  readonly rtp = new RtpReceiverStats(VIDEO_RTP_CLOCK_HZ)
  /** Per packet, send → arrival. */
  readonly oneWayDelayNs = newDelayHistogramNs()
  /** Capture → arrival of the last packet, for frames whose packets all arrived. */
  readonly frameDelayNs = newDelayHistogramNs()
  packetsLate = 0
  /** Copies made by duplicating channels (counted by RTP statistics, ignored for frames). */
  packetsDuplicate = 0
  /** IP bytes of the packets received, copies included. */
  bytesReceived = 0
  framesComplete = 0
  framesLate = 0
  framesIncomplete = 0
  framesLost = 0
  /** Frames due to play by the end of the run: the four counts above add up to it. */
  framesScored = 0
  /** deadline(k) = anchor + capture time of k; NaN until the first arrival. */
  private anchorNs = NaN
  private finished = false
  private readonly frameOf = new Float64Array(SLOTS).fill(NO_FRAME)
  private readonly packetCount = new Int32Array(SLOTS)
  private readonly arrived = new Int32Array(SLOTS)
  private readonly onTime = new Int32Array(SLOTS)
  private readonly capturedNs = new Float64Array(SLOTS)
  private readonly lastArrivalNs = new Float64Array(SLOTS)

  constructor(
    private readonly sim: Simulator,
    private readonly config: VideoReceiverConfig,
  ) {}

  receive(packet: VideoPacket): void {
    if (this.finished) return
    const nowNs = this.sim.nowNs
    this.rtp.onPacket(packet.seq, packet.rtpTimestamp, nowNs)
    this.oneWayDelayNs.add(nowNs - packet.sentNs)
    this.bytesReceived += packet.sizeBytes
    if (packet.isCopy) {
      this.packetsDuplicate++
      return
    }
    if (Number.isNaN(this.anchorNs)) this.anchorNs = nowNs + this.config.playoutDelayNs - packet.capturedNs
    const late = nowNs > this.anchorNs + packet.capturedNs
    if (late) this.packetsLate++
    const k = packet.frameIndex
    const s = k & (SLOTS - 1)
    const held = this.frameOf[s]!
    if (held !== k) {
      if (held > k) return // a frame so old its slot was reused: it was scored without this packet
      if (held !== NO_FRAME) this.score(s)
      this.frameOf[s] = k
      this.packetCount[s] = packet.framePacketCount
      this.arrived[s] = 0
      this.onTime[s] = 0
      this.capturedNs[s] = packet.capturedNs
    }
    this.arrived[s]!++
    if (!late) this.onTime[s]!++
    this.lastArrivalNs[s] = nowNs // arrivals come in time order
  }

  /** Scores the frames due to play by `endNs` (the end of the run); later calls do nothing. */
  playUntil(endNs: TimeNs): void {
    if (this.finished) return
    this.finished = true
    const c = this.config
    const intervalNs = NS_PER_S / c.frameRateFps
    // The same frame times as the stream's (VideoStream.frameTimeNs).
    const capturedNs = (k: number): TimeNs => c.startNs + Math.round(k * intervalNs)
    const dueNs = Number.isNaN(this.anchorNs) ? 0 : this.anchorNs
    let due = 0
    while (due < c.frameCount && dueNs + capturedNs(due) <= endNs) due++
    for (let s = 0; s < SLOTS; s++) if (this.frameOf[s] !== NO_FRAME && this.frameOf[s]! < due) this.score(s)
    this.framesScored = due
    this.framesLost = due - this.framesComplete - this.framesLate - this.framesIncomplete
  }

  private score(s: number): void {
    const count = this.packetCount[s]!
    if (this.onTime[s] === count) this.framesComplete++
    else if (this.arrived[s] === count) this.framesLate++
    else this.framesIncomplete++
    if (this.arrived[s] === count) this.frameDelayNs.add(this.lastArrivalNs[s]! - this.capturedNs[s]!)
    this.frameOf[s] = NO_FRAME
  }
}
