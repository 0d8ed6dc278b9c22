import { describe, expect, it } from "vitest"
import { simulate } from "../../src/engine/simulate.ts"
import { P59_CONVERSATION } from "../../src/media/voice-activity/conversation.ts"
import { conversationStatistics } from "../../src/media/voice-activity/conversation-statistics.ts"
import { eModel } from "../../src/quality/emodel.ts"
import { formatReportJson } from "../../src/report/format-json.ts"
import { scenarioFrom, twoPhones } from "./scenario-text.ts"

const ACTIVITY = conversationStatistics(P59_CONVERSATION).activityFactor // 0.3867

describe("a call with VAD", () => {
  // Two hours: 360,000 ticks per side.
  const long = simulate(twoPhones({ bandwidth: "1Mbit/s", duration: "2h", call: "vad: true" }))
  const plain = simulate(twoPhones({ bandwidth: "1Mbit/s", duration: "2h" }))

  it("sends voice in the share of ticks the P.59 conversation gives each side", () => {
    // Over T seconds the share of talking ticks has a standard deviation of about 0.0072·√(7200/T):
    // the alternating-renewal CLT with the model's mean talkspurt (1.03 s) and pause (1.64 s) and
    // their coefficients of variation (≈ 1) gives 0.0066, and 100 sampled conversations 0.0072.
    // 0.03 is four of them.
    for (const s of long.calls[0]!.streams) {
      expect(s.voiceActivity).not.toBeNull()
      expect(Math.abs(s.voiceActivity! - ACTIVITY)).toBeLessThan(0.03)
      expect(Math.abs(s.voicePacketsSent - s.voiceActivity! * 360_000)).toBeLessThanOrEqual(18) // 4-digit rounding
    }
  })

  it("sends one SID per pause, so packets and bytes fall by the activity", () => {
    const [vad, all] = [long.calls[0]!.streams[0]!, plain.calls[0]!.streams[0]!]
    expect(all.packetsSent).toBe(360_000)
    expect(all.voiceActivity).toBe(1)
    expect([all.voicePacketsSent, all.sidPacketsSent]).toEqual([360_000, 0])
    expect(vad.packetsSent).toBe(vad.voicePacketsSent + vad.sidPacketsSent)
    // About one pause per talkspurt–pause cycle of 1.03 + 1.64 s (a pause shorter than a tick merges its talkspurts).
    const cycles = 7200 / 2.67
    expect(vad.sidPacketsSent).toBeGreaterThan(0.85 * cycles)
    expect(vad.sidPacketsSent).toBeLessThan(1.1 * cycles)
    // On the wire: 200-byte voice packets and 41-byte RFC 3389 packets (1 + 12 + 8 + 20 bytes) instead of every 200-byte packet.
    const [vadLink, allLink] = [long.links[0]!, plain.links[0]!]
    expect(vadLink.packetsSent).toBe(vad.packetsSent)
    const bytesRatio = (200 * vad.voicePacketsSent + 41 * vad.sidPacketsSent) / (200 * all.packetsSent)
    expect(vadLink.utilization / allLink.utilization).toBeCloseTo(bytesRatio, 2)
  })

  it("loses nothing and conceals nothing on a clean link, and scores as without VAD", () => {
    for (const [i, s] of long.calls[0]!.streams.entries()) {
      expect([s.packetsLost, s.packetsLate, s.lossPercent, s.effectiveLossPercent, s.burstRatio]).toEqual([0, 0, 0, 0, 1])
      expect(s.packetsReceived).toBe(s.packetsSent)
      expect(s.mos).toBe(plain.calls[0]!.streams[i]!.mos)
    }
  })

  it("with loss, conceals the lost voice frames and the E-model sees them", () => {
    const lossy = (vad: boolean) =>
      simulate(twoPhones({ duration: "10min", link: "loss: 5%", call: `vad: ${vad}` })).calls[0]!.streams[0]!
    const [vad, all] = [lossy(true), lossy(false)]
    // Ppl is the share of voice frames concealed: each is lost with probability 5 %, as every packet is.
    const n = vad.voicePacketsSent
    expect(Math.abs(vad.effectiveLossPercent / 100 - 0.05)).toBeLessThan(4 * Math.sqrt((0.05 * 0.95) / n))
    expect(Math.abs(vad.lossPercent / 100 - 0.05)).toBeLessThan(4 * Math.sqrt((0.05 * 0.95) / vad.packetsSent))
    const ta = vad.mouthToEarDelayMs
    const expected = eModel({ Ta: ta, T: ta, Tr: 2 * ta, Ie: 0, Bpl: 25.1, Ppl: vad.effectiveLossPercent, BurstR: vad.burstRatio })
    expect(vad.rFactor).toBeCloseTo(expected.R, 1)
    expect(vad.mos!).toBeLessThan(4)
    expect(Math.abs(vad.mos! - all.mos!)).toBeLessThan(0.15) // the same network loss, over fewer frames
  })

  it("vad: false is the call without VAD, to the byte", () => {
    expect(formatReportJson(simulate(twoPhones({ call: "vad: false" })))).toBe(formatReportJson(simulate(twoPhones())))
  })

  it("is deterministic, and the same with an event per packet", () => {
    const scenario = scenarioFrom(`
name: G.729B with VAD over a jittery, lossy link
seed: 4
duration: 20s
nodes: [{ id: a, kind: phone }, { id: b, kind: phone }]
links: [{ id: ab, between: [a, b], bandwidth: 1Mbit/s, delay: 10ms, jitter: 3ms, loss: 2% }]
calls: [{ from: a, to: b, codec: G.729B, ptime: 20ms, vad: true, jitterBuffer: 30ms }]
`)
    const first = formatReportJson(simulate(scenario))
    expect(formatReportJson(simulate(scenario))).toBe(first)
    expect(formatReportJson(simulate(scenario, { eventPerPacket: true }))).toBe(first)
    expect(formatReportJson(simulate(scenario, { seed: 2 }))).not.toBe(first)
  })
})
