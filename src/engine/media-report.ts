import { NS_PER_S } from "../../sim/time.ts"
import { round } from "../report/round.ts"
import type { ConferenceLegReport, ConferenceReport, VideoReport, VideoStreamReport } from "../report/schema.ts"
import type { ConferenceLeg, ConferenceModel } from "./build-conferences.ts"
import type { VideoStreamModel } from "./build-video.ts"
import { delaySummary, meanMs, quantileMs } from "./delay-summary.ts"
import { conferenceQuality, legQuality, type TalkerQuality } from "./conference-quality.ts"

const bitsPerSecond = (bytes: number, durationNs: number): number => (durationNs > 0 ? Math.round((bytes * 8 * NS_PER_S) / durationNs) : 0)

/** The `video` section of a call: its two streams (caller → callee first), or nothing when it has none. */
export const videoSection = (videos: readonly VideoStreamModel[], callId: string): { video?: VideoReport } => {
  const streams = videos.filter((v) => v.callId === callId)
  const first = streams[0]
  if (first === undefined) return {}
  return {
    video: {
      targetBitrateBps: first.video.targetBitrateBps,
      frameRate: first.video.frameRateFps,
      playoutDelayMs: round(first.video.playoutDelayNs / 1e6, 3),
      streams: streams.map(videoStreamReport),
    },
  }
}

const videoStreamReport = (v: VideoStreamModel): VideoStreamReport => {
  const r = v.receiver
  const expected = r.rtp.packetsExpected
  const unseen = r.framesLate + r.framesIncomplete + r.framesLost
  return {
    from: v.from,
    to: v.to,
    packetsSent: v.sender.packetsSent,
    packetsReceived: r.rtp.packetsReceived,
    packetsLost: r.rtp.packetsLost,
    packetsLate: r.packetsLate,
    lossPercent: expected > 0 ? round((100 * r.rtp.packetsLost) / expected, 3) : 0,
    framesSent: v.sender.framesSent,
    framesComplete: r.framesComplete,
    framesLate: r.framesLate,
    framesIncomplete: r.framesIncomplete,
    framesLost: r.framesLost,
    frameLossPercent: r.framesScored > 0 ? round((100 * unseen) / r.framesScored, 3) : null,
    sentBps: bitsPerSecond(v.sender.bytesSent, v.durationNs),
    receivedBps: bitsPerSecond(r.bytesReceived, v.durationNs),
    jitterMs: round(r.rtp.jitterMs, 3),
    oneWayDelayMs: { mean: meanMs(r.oneWayDelayNs), p95: quantileMs(r.oneWayDelayNs, 0.95) },
    frameDelayMs: { mean: meanMs(r.frameDelayNs), p95: quantileMs(r.frameDelayNs, 0.95) },
  }
}

/** The `conferences` section, or nothing when the scenario has none. */
export const conferencesSection = (conferences: readonly ConferenceModel[]): { conferences?: ConferenceReport[] } =>
  conferences.length === 0 ? {} : { conferences: conferences.map(conferenceReport) }

const conferenceReport = (model: ConferenceModel): ConferenceReport => {
  const c = model.conference
  const quality = conferenceQuality(model)
  const packetsIn = model.participants.reduce((n, p) => n + p.uplink.receiver.rtp.packetsReceived, 0)
  const packetsOut = model.participants.reduce((n, p) => n + p.downlink.sender.packetsSent, 0)
  return {
    id: c.id,
    bridge: c.bridge,
    codec: model.codec.name,
    ptimeMs: c.ptimeNs / 1e6,
    mixingDelayMs: round(c.mixingDelayNs / 1e6, 3),
    bridgeTraffic: {
      packetsIn,
      packetsOut,
      inBps: bitsPerSecond(packetsIn * model.packetBytes, c.durationNs),
      outBps: bitsPerSecond(packetsOut * model.packetBytes, c.durationNs),
    },
    participants: model.participants.map((p, i) => {
      const q = quality[i]!
      return {
        id: p.id,
        uplink: legReport(p.uplink),
        downlink: legReport(p.downlink),
        talkers: q.talkers.map(talkerReport),
        worstTalker: q.worst.talker,
        rFactor: rFactor(q.worst),
        mos: round(q.worst.eModel.MOS, 2),
      }
    }),
  }
}

// G.107 rates connections on 0..100 (§7.1), as for a call's stream.
const rFactor = (t: TalkerQuality): number => round(Math.max(0, t.eModel.R), 2)

const talkerReport = (t: TalkerQuality) => ({
  talker: t.talker,
  effectiveLossPercent: round(t.effectiveLossPercent, 3),
  burstRatio: round(t.burstRatio, 3),
  mouthToEarDelayMs: round(t.mouthToEarDelayMs, 3),
  rFactor: rFactor(t),
  mos: round(t.eModel.MOS, 2),
})

const legReport = (leg: ConferenceLeg): ConferenceLegReport => {
  const r = leg.receiver
  const q = legQuality(r)
  const expected = r.rtp.packetsExpected
  const h = r.oneWayDelayNs
  return {
    from: leg.from,
    to: leg.to,
    packetsSent: leg.sender.packetsSent,
    packetsReceived: r.rtp.packetsReceived,
    packetsLost: r.rtp.packetsLost,
    packetsLate: r.packetsLate,
    lossPercent: expected > 0 ? round((100 * r.rtp.packetsLost) / expected, 3) : 0,
    effectiveLossPercent: round(100 * q.effectiveLoss, 3),
    burstRatio: round(q.burstRatio, 3),
    jitterMs: round(r.rtp.jitterMs, 3),
    oneWayDelayMs: delaySummary(h),
    jitterBufferDelayMs: { mean: meanMs(r.jitterBufferDelayNs), p95: quantileMs(r.jitterBufferDelayNs, 0.95) },
  }
}
