import type { RandomStream } from "../../../sim/random.ts"
import { NS_PER_S, type TimeNs } from "../../../sim/time.ts"
import { FramePacketizer } from "./frame-packetizer.ts"
import { FrameSizeModel } from "./frame-size-model.ts"
import { pacingPlan } from "./pacing.ts"
import { validateVideoStreamConfig, type VideoStreamConfig } from "./video-config.ts"
import type { VideoFrameInfo, VideoPacketInfo, VideoPacketSink } from "./video-packet.ts"

/** RFC 6184 §5.1 (and RFC 3551 §5): H.264's RTP clock runs at 90 kHz. */
export const VIDEO_RTP_CLOCK_HZ = 90_000

/** Random initial RTP sequence number and timestamp (RFC 3550 §5.1), drawn by the caller. */
export interface RtpStart {
  readonly initialSeq: number
  readonly initialTimestamp: number
}

class FrameRecord implements VideoFrameInfo {
  index = 0
  keyFrame = false
  frameBytes = 0
  payloadBytes = 0
  packetCount = 0
  rtpTimestamp = 0
  timeNs = 0
}

class PacketRecord implements VideoPacketInfo {
  sequenceNumber = 0
  marker = false
  payloadBytes = 0
  indexInFrame = 0
  sendOffsetNs = 0
  constructor(readonly frame: FrameRecord) {}
}

/**
 * A video sender's output, one frame per call: its size (FrameSizeModel), its RTP packets
 * (FramePacketizer) and when each leaves (pacing). Pure and streaming: no clock, no events, O(1)
 * memory, randomness only from `rng`, and one reused record per packet. The caller runs it at
 * start + `nextFrameTimeNs` and sends each packet `sendOffsetNs` later.
 */
export class VideoStream {
  readonly config: VideoStreamConfig
  /** 1e9 / fps, unrounded; frame times are rounded from multiples of it, so they never drift. */
  readonly frameIntervalNs: number
  framesSent = 0
  keyFramesSent = 0
  packetsSent = 0
  frameBytesSent = 0
  payloadBytesSent = 0
  private readonly sizes: FrameSizeModel
  private readonly packetizer: FramePacketizer
  private readonly ticksPerFrame: number
  private readonly initialSeq: number
  private readonly initialTimestamp: number
  private readonly pacingNsPerByte: number
  private readonly pacingWindowNs: number
  private readonly frame = new FrameRecord()
  private readonly packet = new PacketRecord(this.frame)

  constructor(config: VideoStreamConfig, rng: RandomStream, rtp: RtpStart) {
    validateVideoStreamConfig(config)
    const { initialSeq, initialTimestamp } = rtp
    if (!Number.isInteger(initialSeq) || initialSeq < 0 || initialSeq > 0xffff) {
      throw new RangeError(`initialSeq must be an integer in [0, 65535], got ${initialSeq}`)
    }
    if (!Number.isInteger(initialTimestamp) || initialTimestamp < 0 || initialTimestamp > 0xffffffff) {
      throw new RangeError(`initialTimestamp must be an integer in [0, 2^32), got ${initialTimestamp}`)
    }
    this.config = config
    this.frameIntervalNs = NS_PER_S / config.frameRateFps
    this.ticksPerFrame = VIDEO_RTP_CLOCK_HZ / config.frameRateFps
    this.initialSeq = initialSeq
    this.initialTimestamp = initialTimestamp
    this.sizes = new FrameSizeModel(config, rng)
    this.packetizer = new FramePacketizer(config.maxPayloadBytes, config.payloadFormat)
    const plan = pacingPlan(config.pacing, this.frameIntervalNs, config.targetBitrateBps)
    this.pacingNsPerByte = plan.nsPerByte
    this.pacingWindowNs = plan.windowNs
  }

  /** Capture time of frame `index` after the stream's start: index × 1e9 / fps, rounded to the ns. */
  frameTimeNs(index: number): TimeNs {
    return Math.round(index * this.frameIntervalNs)
  }

  /** RTP timestamp of frame `index`: the initial one + index × 90000 / fps rounded, modulo 2^32. */
  rtpTimestamp(index: number): number {
    return (this.initialTimestamp + Math.round(index * this.ticksPerFrame)) >>> 0
  }

  get nextFrameTimeNs(): TimeNs {
    return this.frameTimeNs(this.framesSent)
  }

  /** Draws the next frame and hands its packets to `sink` in send order; returns the frame's record (reused). */
  emitFrame(sink: VideoPacketSink): VideoFrameInfo {
    const index = this.framesSent++
    const sizes = this.sizes
    const keyFrame = sizes.isKeyFrame(index)
    const frameBytes = sizes.frameBytes(keyFrame)
    const packetizer = this.packetizer
    const count = packetizer.plan(frameBytes)
    const totalBytes = packetizer.totalPayloadBytes
    const nsPerByte = Math.min(this.pacingNsPerByte, this.pacingWindowNs / totalBytes)

    const frame = this.frame
    frame.index = index
    frame.keyFrame = keyFrame
    frame.frameBytes = frameBytes
    frame.payloadBytes = totalBytes
    frame.packetCount = count
    frame.rtpTimestamp = this.rtpTimestamp(index)
    frame.timeNs = this.frameTimeNs(index)
    if (keyFrame) this.keyFramesSent++
    this.frameBytesSent += frameBytes
    this.payloadBytesSent += totalBytes

    const packet = this.packet
    let bytesBefore = 0
    for (let i = 0; i < count; i++) {
      const payloadBytes = packetizer.payloadBytes(i)
      // RFC 3550 §5.1: +1 per packet, modulo 2^16.
      packet.sequenceNumber = (this.initialSeq + this.packetsSent++) & 0xffff
      // RFC 6184 §5.1: the marker is set on the last packet of the access unit (the frame).
      packet.marker = i === count - 1
      packet.payloadBytes = payloadBytes
      packet.indexInFrame = i
      packet.sendOffsetNs = Math.floor(bytesBefore * nsPerByte)
      bytesBefore += payloadBytes
      sink.videoPacket(packet)
    }
    return frame
  }
}
