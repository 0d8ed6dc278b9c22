export { FramePacketizer } from "./frame-packetizer.ts"
export { FrameSizeModel } from "./frame-size-model.ts"
export { pacingPlan, WEBRTC_PACING, type PacingPlan, type VideoPacing } from "./pacing.ts"
export { BARE_PAYLOAD, H264_FU_A, validatePayloadFormat, type VideoPayloadFormat } from "./payload-format.ts"
export {
  frameSizeMeans,
  validateVideoStreamConfig,
  VIDEO_STREAM_DEFAULTS,
  videoStreamConfig,
  type FrameSizeMeans,
  type VideoStreamConfig,
} from "./video-config.ts"
export type { VideoFrameInfo, VideoPacketInfo, VideoPacketSink } from "./video-packet.ts"
export { VIDEO_RTP_CLOCK_HZ, VideoStream, type RtpStart } from "./video-stream.ts"
