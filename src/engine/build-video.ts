import type { TimeNs } from "../../sim/time.ts"
import { H264_FU_A, VideoStream, videoStreamConfig, WEBRTC_PACING } from "../media/video/index.ts"
import { VideoReceiver } from "../media/video-receiver.ts"
import { framesWithin, VideoSender } from "../media/video-sender.ts"
import type { Scenario } from "../scenario/schema.ts"
import type { MediaWiring } from "./build-media.ts"

type ScenarioVideo = NonNullable<Scenario["calls"][number]["video"]>

export interface VideoStreamModel {
  readonly callId: string
  readonly from: string
  readonly to: string
  readonly video: ScenarioVideo
  readonly durationNs: TimeNs
  readonly sender: VideoSender
  readonly receiver: VideoReceiver
}

/**
 * The video of calls that have it: a sender and a receiver each way, on the call's route, under
 * the call's start and duration. Flows are numbered from `firstFlow`, caller → callee first; each
 * stream draws from `call/<id>/<from>-><to>/video`, so video never changes the voice's randomness.
 */
export const buildVideo = (scenario: Scenario, w: MediaWiring): VideoStreamModel[] => {
  const streams: VideoStreamModel[] = []
  for (const call of scenario.calls) {
    const video = call.video
    if (video === undefined) continue
    const config = videoStreamConfig({
      frameRateFps: video.frameRateFps,
      targetBitrateBps: video.targetBitrateBps,
      keyFrameIntervalFrames: video.keyFrameIntervalFrames,
      keyFrameSizeRatio: video.keyFrameSizeRatio,
      frameSizeCv: video.frameSizeCv,
      maxPayloadBytes: video.maxPayloadBytes,
      payloadFormat: H264_FU_A,
      dscp: video.dscp,
      pacing: video.pacing === "burst" ? { kind: "burst" } : WEBRTC_PACING,
    })
    for (const [from, to] of [[call.from, call.to], [call.to, call.from]] as const) {
      const flow = w.firstFlow + streams.length
      const rng = w.random.stream(`call/${call.id}/${from}->${to}/video`)
      const initialSeq = rng.nextUint32() & 0xffff
      const initialTimestamp = rng.nextUint32()
      const stream = new VideoStream(config, rng, { initialSeq, initialTimestamp })
      const frameCount = framesWithin(stream, call.durationNs)
      const destination = w.nodeOf(to)
      const sender = new VideoSender(w.sim, stream, { flow, destination: destination.index, startNs: call.startNs, frameCount }, w.nodeOf(from))
      const receiver = new VideoReceiver(w.sim, { startNs: call.startNs, frameRateFps: config.frameRateFps, playoutDelayNs: video.playoutDelayNs, frameCount })
      // A plain sink, not a recorder: video packets arrive on events of their own, the voice path is left as it is.
      destination.attachFlow(flow, receiver)
      sender.start()
      streams.push({ callId: call.id, from, to, video, durationNs: call.durationNs, sender, receiver })
    }
  }
  return streams
}
