import type { LogHistogram } from "../../sim/stats.ts"
import { nsToSeconds, type TimeNs } from "../../sim/time.ts"
import type { SipCallReport } from "../media/sip/index.ts"
import type { CallReport, LinkClassReport, LinkReport, LoadReport, Report, SignalingReport, StreamReport, TrafficReport } from "../report/schema.ts"
import { PRIORITY_CLASSES } from "../network/dscp.ts"
import { nsToMsRounded, round } from "../report/round.ts"
import type { LinkDirection, LinkPacket } from "../network/link-direction.ts"
import type { Model, StreamModel, TrafficModel } from "./build-model.ts"
import { delaySummary, maxMs, meanMs, quantileMs } from "./delay-summary.ts"
import { conferencesSection, videoSection } from "./media-report.ts"
import { erlangB } from "../planning/erlang.ts"
import type { LoadModel } from "./expand-loads.ts"
import { streamQuality } from "./stream-quality.ts"

/** Turns the model's counters and meters into the report, rounding only here. */
export const buildReport = (name: string, seed: number, model: Model, elapsedNs: TimeNs): Report => {
  const streamsByCall = new Map<string, StreamModel[]>()
  for (const stream of model.streams) {
    const streams = streamsByCall.get(stream.callId)
    if (streams === undefined) streamsByCall.set(stream.callId, [stream])
    else streams.push(stream)
  }
  // A load's calls are summarized under `loads`: there may be thousands.
  const loadCalls = new Set(model.loads.flatMap((l) => [...l.callIds]))
  const calls = [...streamsByCall].filter(([id]) => !loadCalls.has(id)).map(([id, streams]): CallReport => {
    const sip = streams[0]!.signaling
    return {
      id,
      codec: streams[0]!.codec.name,
      ptimeMs: streams[0]!.call.ptimeNs / 1e6,
      streams: streams.map(streamReport),
      ...videoSection(model.videos, id),
      ...(sip === undefined ? {} : { signaling: signalingReport(sip.report()) }),
    }
  })
  return {
    scenario: name,
    seed,
    simulatedSeconds: nsToSeconds(elapsedNs),
    calls,
    links: model.links.map((link) => linkReport(link, elapsedNs)),
    traffic: model.traffic.map((t) => trafficReport(t, elapsedNs)),
    ...conferencesSection(model.conferences),
    ...(model.loads.length > 0 ? { loads: model.loads.map((l) => loadReport(l, streamsByCall)) } : {}),
  }
}

const loadReport = (l: LoadModel, streamsByCall: ReadonlyMap<string, readonly StreamModel[]>): LoadReport => {
  const { load, plan } = l
  const mos: number[] = []
  let setupFailures = 0
  for (const id of l.callIds) {
    const streams = streamsByCall.get(id) ?? []
    const outcome = streams[0]?.signaling?.report().outcome
    if (outcome !== undefined && outcome !== "established" && outcome !== "calling" && outcome !== "idle") setupFailures++
    for (const stream of streams) {
      const e = streamQuality(stream).eModel
      if (e !== undefined) mos.push(e.MOS)
    }
  }
  mos.sort((a, b) => a - b)
  const offeredErlangs = (load.callsPerHour * load.holdingNs) / 3.6e12
  return {
    id: load.id,
    trunks: load.trunks,
    offeredErlangs: round(offeredErlangs, 3),
    callsOffered: plan.offered,
    callsBlocked: plan.blocked,
    blockingPercent: plan.offered > 0 ? round((100 * plan.blocked) / plan.offered, 3) : 0,
    erlangBPercent: round(100 * erlangB(offeredErlangs, load.trunks), 3),
    carriedErlangs: round(plan.carriedErlangs, 3),
    mos: {
      streams: mos.length,
      mean: mos.length > 0 ? round(mos.reduce((a, b) => a + b, 0) / mos.length, 2) : null,
      p5: mos.length > 0 ? round(mos[Math.floor(0.05 * (mos.length - 1))]!, 2) : null,
      min: mos.length > 0 ? round(mos[0]!, 2) : null,
    },
    setupFailures,
  }
}

const trafficReport = (t: TrafficModel, elapsedNs: TimeNs): TrafficReport => {
  const { source } = t
  const meter = source.meter
  return {
    id: t.id,
    kind: source.kind,
    from: t.from,
    to: t.to,
    packetsSent: source.packetsSent,
    packetsReceived: meter.packetsReceived,
    packetsDropped: source.packetsDropped,
    goodputBps: elapsedNs > 0 ? Math.round((meter.bytesReceived * 8e9) / elapsedNs) : 0,
    oneWayDelayMs: {
      mean: meter.oneWayDelayNs.count > 0 ? nsToMsRounded(meter.oneWayDelayNs.mean) : null,
      max: meter.oneWayDelayNs.count > 0 ? nsToMsRounded(meter.oneWayDelayNs.max) : null,
    },
  }
}

const msOrNull = (ns: TimeNs | undefined): number | null => (ns === undefined ? null : nsToMsRounded(ns))

const signalingReport = (sip: SipCallReport): SignalingReport => ({
  protocol: "sip",
  outcome: sip.outcome,
  finalStatusCode: sip.finalStatusCode ?? null,
  postDialDelayMs: msOrNull(sip.postDialDelayNs),
  setupTimeMs: msOrNull(sip.setupTimeNs),
  failedAfterMs: msOrNull(sip.failedNs === undefined || sip.inviteSentNs === undefined ? undefined : sip.failedNs - sip.inviteSentNs),
  retransmissions: { ...sip.retransmissions },
  messagesSent: sip.messagesSent.caller + sip.messagesSent.callee,
  bytesSent: sip.bytesSent.caller + sip.bytesSent.callee,
})

const streamReport = (stream: StreamModel): StreamReport => {
  const r = stream.receiver
  const q = streamQuality(stream)
  const expected = r.rtp.packetsExpected
  const sender = stream.sender
  return {
    from: stream.from,
    to: stream.to,
    packetBytes: stream.packetBytes,
    packetsSent: sender.packetsSent,
    voicePacketsSent: sender.voicePacketsSent,
    sidPacketsSent: sender.sidPacketsSent,
    voiceActivity: sender.ticks > 0 ? round(sender.voicePacketsSent / sender.ticks, 4) : null,
    packetsReceived: r.rtp.packetsReceived,
    packetsLost: r.rtp.packetsLost,
    packetsLate: r.packetsLate,
    lossPercent: expected > 0 ? round((100 * r.rtp.packetsLost) / expected, 3) : 0,
    effectiveLossPercent: round(q.effectiveLossPercent, 3),
    burstRatio: round(q.burstRatio, 3),
    jitterMs: round(r.rtp.jitterMs, 3),
    oneWayDelayMs: delaySummary(r.oneWayDelayNs),
    jitterBufferDelayMs: {
      mean: meanMs(r.jitterBufferDelayNs),
      p95: quantileMs(r.jitterBufferDelayNs, 0.95),
    },
    mouthToEarDelayMs: round(q.mouthToEarDelayMs, 3),
    // G.107 rates connections on 0..100 (§7.1); a formula result below 0 means "unusable" all the same.
    rFactor: q.eModel === undefined ? null : round(Math.max(0, q.eModel.R), 2),
    mos: q.eModel === undefined ? null : round(q.eModel.MOS, 2),
  }
}

const linkReport = (d: LinkDirection<LinkPacket>, elapsedNs: TimeNs): LinkReport => {
  return {
    id: d.linkId,
    direction: d.direction,
    bandwidthBps: d.bandwidthBps,
    framing: d.framing.name,
    crtp: d.framing.crtp,
    utilization: elapsedNs > 0 ? round(Math.min(1, d.busyNsUntil(elapsedNs) / elapsedNs), 4) : 0,
    carriedBps: elapsedNs > 0 ? Math.round((d.bytesCarried * 8e9) / elapsedNs) : 0,
    packetsSent: d.packetsSent,
    packetsDelivered: d.packetsDelivered,
    packetsDropped: d.packetsDropped,
    packetsLost: d.packetsLost,
    packetsCorrupted: d.packetsCorrupted,
    packetsDuplicated: d.packetsDuplicated,
    packetsDroppedDown: d.packetsDroppedDown,
    packetsInFlight: d.packetsInFlight,
    queueDelayMs: queueDelay(d.queueDelayNs),
    classes: d.classes.map(
      (c, i): LinkClassReport => ({
        class: PRIORITY_CLASSES[i]!,
        packetsSent: c.packetsSent,
        packetsDropped: c.packetsDropped,
        queueDelayMs: queueDelay(c.queueDelayNs),
      }),
    ),
  }
}

const queueDelay = (h: LogHistogram) => ({ mean: meanMs(h), p95: quantileMs(h, 0.95), max: maxMs(h) })



