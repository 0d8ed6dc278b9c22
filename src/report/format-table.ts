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
  const signaling = report.calls.flatMap((call) => {
    const sip = call.signaling
    if (sip === undefined) return []
    const r = sip.retransmissions
    const resent = r.invite + r.responseToInviteCopy + r.finalResponse + r.ack + r.bye + r.byeResponse
    return [[call.id, sip.outcome, num(sip.postDialDelayMs, 1), num(sip.setupTimeMs, 1), String(sip.messagesSent), String(resent)]]
  })
  const signalingTable =
    signaling.length === 0 ? [] : ["", textTable(["call", "SIP outcome", "PDD ms", "setup ms", "messages", "resent"], signaling)]
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
    ...signalingTable,
    "",
    "lost = network loss (RFC 3550), late = discarded by the jitter buffer, eff.loss = both, as concealed at playout;",
    "dropped = refused by a full queue; link 'lost' = lost by the channel (loss model);",
    "M2E = mouth-to-ear delay; R and MOS from the ITU-T G.107 E-model (– for a stream that sent no voice).",
  ].join("\n")
}
