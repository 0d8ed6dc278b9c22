import { DSCP } from "../../network/dscp.ts"
import { H264_FU_A, type VideoPayloadFormat } from "./payload-format.ts"
import { WEBRTC_PACING, type VideoPacing } from "./pacing.ts"

/** One video stream's encoder output and packetization. Sources of the defaults: docs/video.md. */
export interface VideoStreamConfig {
  readonly frameRateFps: number
  /** Long-run mean of the encoded frames' bits per second (payload headers and RTP/UDP/IP not counted). */
  readonly targetBitrateBps: number
  /** GOP length N: frames 0, N, 2N, … are key frames. */
  readonly keyFrameIntervalFrames: number
  /** k: a key frame's mean size over a P-frame's. */
  readonly keyFrameSizeRatio: number
  /** Coefficient of variation of every frame's size around its type's mean (lognormal); 0 for constant sizes. */
  readonly frameSizeCv: number
  /** Largest RTP payload, payload-format headers included. */
  readonly maxPayloadBytes: number
  readonly payloadFormat: VideoPayloadFormat
  /** For the engine to mark the packets with; the model itself does not read it. */
  readonly dscp: number
  readonly pacing: VideoPacing
}

export const VIDEO_STREAM_DEFAULTS: VideoStreamConfig = {
  frameRateFps: 30, // libwebrtc kDefaultVideoMaxFramerate
  targetBitrateBps: 1_500_000, // a 720p30 call (assumed; libwebrtc's default cap for 720p is 2.5 Mbit/s)
  keyFrameIntervalFrames: 60, // 2 s at 30 fps
  keyFrameSizeRatio: 8, // assumed, within the 5–10 usual for conversational H.264
  frameSizeCv: 0.105, // 3GPP TR 38.838 Table 5.1.1.1-1: frame size std 10.5 % of the mean
  maxPayloadBytes: 1200, // libwebrtc kVideoMtu
  payloadFormat: H264_FU_A,
  dscp: DSCP.af41, // RFC 4594 §4.3: multimedia conferencing → AF41
  pacing: WEBRTC_PACING,
}

/** The defaults with `overrides` applied, validated. */
export function videoStreamConfig(overrides: Partial<VideoStreamConfig> = {}): VideoStreamConfig {
  const config = { ...VIDEO_STREAM_DEFAULTS, ...overrides }
  validateVideoStreamConfig(config)
  return config
}

function requirePositiveFinite(name: string, value: number): void {
  if (!(value > 0) || !Number.isFinite(value)) throw new RangeError(`${name} must be finite and > 0, got ${value}`)
}

/** Throws a RangeError naming the first bad field. Payload format and pacing are checked where they are used. */
export function validateVideoStreamConfig(config: VideoStreamConfig): void {
  requirePositiveFinite("frameRateFps", config.frameRateFps)
  requirePositiveFinite("targetBitrateBps", config.targetBitrateBps)
  const n = config.keyFrameIntervalFrames
  if (!Number.isSafeInteger(n) || n < 1) throw new RangeError(`keyFrameIntervalFrames must be an integer ≥ 1, got ${n}`)
  const k = config.keyFrameSizeRatio
  if (!(k >= 1) || !Number.isFinite(k)) throw new RangeError(`keyFrameSizeRatio must be finite and ≥ 1, got ${k}`)
  const cv = config.frameSizeCv
  if (!(cv >= 0) || !Number.isFinite(cv)) throw new RangeError(`frameSizeCv must be finite and ≥ 0, got ${cv}`)
  const dscp = config.dscp
  if (!Number.isInteger(dscp) || dscp < 0 || dscp > 63) throw new RangeError(`dscp must be an integer in [0, 63], got ${dscp}`)
}

/** Mean frame sizes in bytes (fractional), from the GOP structure. */
export interface FrameSizeMeans {
  /** Over all frames: targetBitrateBps / 8 / frameRateFps. */
  readonly meanFrameBytes: number
  readonly pFrameBytes: number
  readonly keyFrameBytes: number
}

/**
 * A GOP of N frames holds one key frame of k·P bytes and N − 1 P-frames, so for the long-run mean
 * to be bitrate/8/fps per frame: bitrate/8/fps = (k + N − 1)/N × P.
 */
export function frameSizeMeans(config: VideoStreamConfig): FrameSizeMeans {
  const meanFrameBytes = config.targetBitrateBps / 8 / config.frameRateFps
  const n = config.keyFrameIntervalFrames
  const k = config.keyFrameSizeRatio
  const pFrameBytes = (meanFrameBytes * n) / (k + n - 1)
  return { meanFrameBytes, pFrameBytes, keyFrameBytes: k * pFrameBytes }
}
