import type { EventHandler, Simulator } from "../../sim/simulator.ts"
import type { TimeNs } from "../../sim/time.ts"
import type { LinkPacket } from "../network/link-direction.ts"
import { HEADER_STACK, type PacketOwner, type PacketSink } from "../network/packet.ts"
import { rtpPacketBytes } from "./headers.ts"
import type { VideoPacketInfo, VideoPacketSink } from "./video/video-packet.ts"
import type { VideoStream } from "./video/video-stream.ts"

/**
 * One RTP packet of a video stream, as it travels. Besides the RTP fields it carries its frame's
 * index, its place in the frame and the frame's packet count: what a receiver learns from the
 * sequence numbers, the marker bit and the FU-A start bit (RFC 6184 §5.8), given here directly.
 */
export class VideoPacket implements LinkPacket {
  queuedAtNs: TimeNs = 0
  /** RTP has no sender-side reaction to drops. */
  readonly owner: PacketOwner | undefined = undefined
  /** RTP/UDP/IPv4: what link framing and cRTP see of it. */
  readonly headerStack = HEADER_STACK.rtpIpv4

  constructor(
    readonly flow: number,
    readonly destination: number,
    readonly seq: number,
    readonly rtpTimestamp: number,
    readonly marker: boolean,
    readonly sentNs: TimeNs,
    /** The IP packet: payload + RTP/UDP/IPv4 headers. */
    readonly sizeBytes: number,
    readonly dscp: number,
    readonly frameIndex: number,
    readonly indexInFrame: number,
    readonly framePacketCount: number,
    /** When the frame was captured (the stream's start + its frame time). */
    readonly capturedNs: TimeNs,
    /** A copy made by a duplicating channel: receivers count it, but it completes no frame. */
    readonly isCopy = false,
  ) {}

  duplicate(): VideoPacket {
    return new VideoPacket(
      this.flow, this.destination, this.seq, this.rtpTimestamp, this.marker, this.sentNs, this.sizeBytes, this.dscp,
      this.frameIndex, this.indexInFrame, this.framePacketCount, this.capturedNs, true,
    )
  }
}

export interface VideoSenderConfig {
  readonly flow: number
  readonly destination: number
  readonly startNs: TimeNs
  /** Frames to send: those captured before the stream ends. */
  readonly frameCount: number
}

const FRAME = 0
const PACKET = 1

/**
 * Drives a VideoStream on the simulator: one event per frame, and one per packet that leaves after
 * its frame's time (the pacer's offsets). Packets are marked with the stream config's DSCP.
 */
export class VideoSender implements EventHandler, VideoPacketSink {
  packetsSent = 0
  /** IP bytes of the packets sent. */
  bytesSent = 0
  private frameStartNs: TimeNs = 0

  constructor(
    private readonly sim: Simulator,
    readonly stream: VideoStream,
    readonly config: VideoSenderConfig,
    private readonly network: PacketSink<VideoPacket>,
  ) {}

  start(): void {
    if (this.config.frameCount > 0) this.sim.scheduleAt(this.config.startNs, this, FRAME)
  }

  get framesSent(): number {
    return this.stream.framesSent
  }

  handleEvent(arg: number, ref: unknown): void {
    if (arg === PACKET) return this.send(ref as VideoPacket)
    this.frameStartNs = this.sim.nowNs
    this.stream.emitFrame(this)
    if (this.stream.framesSent < this.config.frameCount) this.sim.post(this.config.startNs + this.stream.nextFrameTimeNs, this, FRAME)
  }

  /** Called by the stream for each packet of the frame being emitted (the record is reused: copied here). */
  videoPacket(p: VideoPacketInfo): void {
    const sentNs = this.frameStartNs + p.sendOffsetNs
    const f = p.frame
    const packet = new VideoPacket(
      this.config.flow, this.config.destination, p.sequenceNumber, f.rtpTimestamp, p.marker, sentNs, rtpPacketBytes(p.payloadBytes),
      this.stream.config.dscp, f.index, p.indexInFrame, f.packetCount, this.frameStartNs,
    )
    if (p.sendOffsetNs === 0) this.send(packet)
    else this.sim.post(sentNs, this, PACKET, packet)
  }

  private send(packet: VideoPacket): void {
    this.packetsSent++
    this.bytesSent += packet.sizeBytes
    this.network.receive(packet)
  }
}

/** Frames a stream starting at 0 captures before `durationNs`: those with frame time < duration. */
export const framesWithin = (stream: VideoStream, durationNs: TimeNs): number => {
  let n = Math.ceil(durationNs / stream.frameIntervalNs)
  while (n > 0 && stream.frameTimeNs(n - 1) >= durationNs) n--
  while (stream.frameTimeNs(n) < durationNs) n++
  return n
}
