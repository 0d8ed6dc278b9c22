import type { Report } from "./schema.ts"
import { textTable } from "./text-table.ts"

const num = (x: number | null, digits: number): string => (x === null ? "–" : x.toFixed(digits))

const rate = (bps: number): string => {
  const [scale, unit] = bps >= 1e9 ? [1e9, "Gbit/s"] : bps >= 1e6 ? [1e6, "Mbit/s"] : bps >= 1e3 ? [1e3, "kbit/s"] : [1, "bit/s"]
  return `${Number((bps / scale).toPrecision(4))} ${unit}`
}

/** The human-readable report that `voiplab run` prints by default. */
export const formatReportTable = (report: Report): string => {
  const streams = report.calls.flatMap((call) =>
    call.streams.map((s) => [
      `${call.id} ${s.from}→${s.to}`,
      `${call.codec}/${call.ptimeMs}ms`,
      String(s.packetsSent),
      String(s.packetsReceived),
      String(s.packetsLost),
      String(s.packetsLate),
      num(s.effectiveLossPercent, 2),
      num(s.jitterMs, 2),
      `${num(s.oneWayDelayMs.mean, 2)} / ${num(s.oneWayDelayMs.p95, 2)} / ${num(s.oneWayDelayMs.max, 2)}`,
      num(s.jitterBufferDelayMs.mean, 1),
      num(s.mouthToEarDelayMs, 1),
      num(s.rFactor, 1),
      num(s.mos, 2),
    ]),
  )
  const links = report.links.map((l) => [
    `${l.id} ${l.direction}`,
    rate(l.bandwidthBps),
    `${num(100 * l.utilization, 2)}%`,
    String(l.packetsSent),
    String(l.packetsDropped),
    String(l.packetsLost),
    `${num(l.queueDelayMs.mean, 3)} / ${num(l.queueDelayMs.p95, 3)} / ${num(l.queueDelayMs.max, 3)}`,
  ])
  const traffic = report.traffic.map((t) => [
    `${t.id} ${t.from}→${t.to}`,
    t.kind,
    String(t.packetsSent),
    String(t.packetsReceived),
    String(t.packetsDropped),
    rate(t.goodputBps),
    `${num(t.oneWayDelayMs.mean, 1)} / ${num(t.oneWayDelayMs.max, 1)}`,
  ])
  const trafficTable =
    traffic.length === 0 ? [] : ["", textTable(["traffic", "kind", "sent", "recv", "dropped", "goodput", "delay ms mean/max"], traffic)]
  const videoTable = formatVideo(report)
  const conferenceTables = (report.conferences ?? []).flatMap(formatConference)
  const signaling = report.calls.flatMap((call) => {
    const sip = call.signaling
    if (sip === undefined) return []
    const r = sip.retransmissions
    const resent = r.invite + r.responseToInviteCopy + r.finalResponse + r.ack + r.bye + r.byeResponse
    return [[call.id, sip.outcome, num(sip.postDialDelayMs, 1), num(sip.setupTimeMs, 1), String(sip.messagesSent), String(resent)]]
  })
  const signalingTable =
    signaling.length === 0 ? [] : ["", textTable(["call", "SIP outcome", "PDD ms", "setup ms", "messages", "resent"], signaling)]
  const loads = (report.loads ?? []).map((l) => [
    l.id,
    String(l.trunks),
    num(l.offeredErlangs, 2),
    String(l.callsOffered),
    String(l.callsBlocked),
    `${num(l.blockingPercent, 2)} / ${num(l.erlangBPercent, 2)}`,
    num(l.carriedErlangs, 2),
    `${num(l.mos.mean, 2)} / ${num(l.mos.p5, 2)} / ${num(l.mos.min, 2)}`,
  ])
  const loadTable =
    loads.length === 0
      ? []
      : ["", textTable(["load", "trunks", "offered E", "calls", "blocked", "blocking % / Erlang B", "carried E", "MOS mean/p5/min"], loads)]
  return [
    `${report.scenario} — seed ${report.seed}, ${report.simulatedSeconds} s simulated`,
    "",
    textTable(
      ["stream", "codec", "sent", "recv", "lost", "late", "eff.loss %", "jitter ms", "delay ms mean/p95/max", "JB ms", "M2E ms", "R", "MOS"],
      streams,
    ),
    "",
    textTable(["link", "bandwidth", "util", "sent", "dropped", "lost", "queue ms mean/p95/max"], links),
    ...trafficTable,
    ...videoTable,
    ...conferenceTables,
    ...signalingTable,
    ...loadTable,
    "",
    "lost = network loss (RFC 3550), late = discarded by the jitter buffer, eff.loss = both, as concealed at playout;",
    "dropped = refused by a full queue; link 'lost' = lost by the channel (loss model);",
    "M2E = mouth-to-ear delay; R and MOS from the ITU-T G.107 E-model (– for a stream that sent no voice).",
  ].join("\n")
}

/** The calls' video, one row per direction; empty when no call has video. */
const formatVideo = (report: Report): string[] => {
  const rows = report.calls.flatMap((call) =>
    (call.video?.streams ?? []).map((v) => [
      `${call.id} ${v.from}→${v.to}`,
      rate(v.sentBps),
      String(v.packetsSent),
      String(v.packetsLost),
      String(v.packetsLate),
      `${v.framesComplete} / ${v.framesLate} / ${v.framesIncomplete} / ${v.framesLost}`,
      num(v.frameLossPercent, 2),
      num(v.jitterMs, 2),
      `${num(v.oneWayDelayMs.mean, 2)} / ${num(v.oneWayDelayMs.p95, 2)}`,
      `${num(v.frameDelayMs.mean, 1)} / ${num(v.frameDelayMs.p95, 1)}`,
    ]),
  )
  if (rows.length === 0) return []
  const header = ["video", "sent", "packets", "lost", "late", "frames ok/late/incompl./lost", "frame loss %", "jitter ms", "delay ms mean/p95", "frame ms mean/p95"]
  return ["", textTable(header, rows), "video: not scored by the E-model (G.107 rates speech); frame ms = capture to last packet."]
}

/** One conference: what the bridge carries, then what each participant hears of each talker. */
const formatConference = (c: NonNullable<Report["conferences"]>[number]): string[] => {
  const t = c.bridgeTraffic
  const uplinkLoss = new Map(c.participants.map((p) => [p.id, p.uplink.effectiveLossPercent]))
  const rows = c.participants.flatMap((p) =>
    p.talkers.map((talker) => [
      `${p.id} ← ${talker.talker}${talker.talker === p.worstTalker ? " (worst)" : ""}`,
      num(uplinkLoss.get(talker.talker) ?? null, 2),
      num(p.downlink.effectiveLossPercent, 2),
      num(talker.effectiveLossPercent, 2),
      num(talker.mouthToEarDelayMs, 1),
      num(talker.rFactor, 1),
      num(talker.mos, 2),
    ]),
  )
  return [
    "",
    `conference ${c.id} on ${c.bridge}, ${c.codec}/${c.ptimeMs}ms, mixing ${c.mixingDelayMs} ms: ` +
      `bridge in ${t.packetsIn} packets (${rate(t.inBps)}), out ${t.packetsOut} packets (${rate(t.outBps)})`,
    textTable(["listener ← talker", "up loss %", "down loss %", "eff.loss %", "M2E ms", "R", "MOS"], rows),
    "up = the talker's leg to the bridge, down = the bridge's to the listener; a participant scores as its worst talker.",
  ]
}
