import type { TimeNs } from "../../../sim/time.ts"

/** One frame as the stream emitted it. */
export interface VideoFrameInfo {
  /** 0 for the stream's first frame. */
  readonly index: number
  readonly keyFrame: boolean
  /** Encoded size. */
  readonly frameBytes: number
  /** Sum of the frame's RTP payloads: the frame plus its payload-format headers. */
  readonly payloadBytes: number
  readonly packetCount: number
  /** Shared by all the frame's packets. */
  readonly rtpTimestamp: number
  /** Capture time after the stream's start. */
  readonly timeNs: TimeNs
}

/** One RTP packet of a frame. Sizes are RTP payloads: RTP, UDP and IP headers are the engine's to add. */
export interface VideoPacketInfo {
  readonly frame: VideoFrameInfo
  readonly sequenceNumber: number
  readonly marker: boolean
  readonly payloadBytes: number
  /** 0 … frame.packetCount − 1. */
  readonly indexInFrame: number
  /** When it leaves, after frame.timeNs (integer ns). */
  readonly sendOffsetNs: TimeNs
}

/** Receives a frame's packets in send order. */
export interface VideoPacketSink {
  /** `packet` (and its `frame`) are rewritten for the next packet: copy what you keep. */
  videoPacket(packet: VideoPacketInfo): void
}
