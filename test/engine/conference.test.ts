import { describe, expect, it } from "vitest"
import { findCodec, packetsPerSecond, payloadBytes } from "../../src/media/codecs.ts"
import { rtpPacketBytes } from "../../src/media/headers.ts"
import { simulate } from "../../src/engine/simulate.ts"
import { codecImpairment } from "../../src/engine/stream-quality.ts"
import { eModel } from "../../src/quality/emodel.ts"
import { formatReportJson } from "../../src/report/format-json.ts"
import { round } from "../../src/report/round.ts"
import type { ConferenceReport } from "../../src/report/schema.ts"
import { scenarioFrom } from "./scenario-text.ts"

const PEOPLE = ["ann", "ben", "cat", "dan"] as const
const DELAY_MS = { ann: 2, ben: 5, cat: 10, dan: 30 } as const

/**
 * Four phones, each on its own 100 Mbit/s access link to the bridge; `extra` adds fields to a
 * person's link. The run lasts a second longer than the conference, so every packet arrives.
 */
const conference = (extra: Partial<Record<(typeof PEOPLE)[number], string>> = {}, seed = 5) =>
  scenarioFrom(`
name: conference test
seed: ${seed}
duration: 61s
nodes:
  - { id: mcu, kind: bridge }
${PEOPLE.map((p) => `  - { id: ${p}, kind: phone }`).join("\n")}
links:
${PEOPLE.map((p) => `  - { id: ${p}-access, between: [${p}, mcu], bandwidth: 100Mbit/s, delay: ${DELAY_MS[p]}ms${extra[p] ? `, ${extra[p]}` : ""} }`).join("\n")}
calls: []
conferences:
  - { id: standup, bridge: mcu, participants: [${PEOPLE.join(", ")}], codec: G.711u, ptime: 20ms, duration: 60s }
`)

const codec = findCodec("G.711u")!
const PACKET_BYTES = rtpPacketBytes(payloadBytes(codec, 20e6)) // 160 B of G.711 + 40 B of headers
const SERIALIZATION_MS = (PACKET_BYTES * 8) / 100e6 * 1e3 // on a 100 Mbit/s access link

const clean = simulate(conference()).conferences![0]!
const talker = (c: ConferenceReport, listener: string, from: string) =>
  c.participants.find((p) => p.id === listener)!.talkers.find((t) => t.talker === from)!

describe("a 4-party conference on clean links", () => {
  it("scores each participant with the E-model at the summed delay of the worst talker", () => {
    const { ie, bpl } = codecImpairment(codec, true)
    for (const listener of PEOPLE) {
      const p = clean.participants.find((x) => x.id === listener)!
      expect(p.talkers.map((t) => t.talker)).toEqual(PEOPLE.filter((x) => x !== listener))
      for (const t of p.talkers) {
        const from = t.talker as (typeof PEOPLE)[number]
        // Talker's packetization + lookahead, uplink, bridge's 60 ms buffer, 20 ms mixing, the
        // bridge's lookahead, downlink, listener's 60 ms buffer. Delays are constant: each
        // buffer holds every packet exactly its depth.
        const ta =
          20 + codec.lookaheadNs / 1e6 + (SERIALIZATION_MS + DELAY_MS[from]) + 60 + 20 + codec.lookaheadNs / 1e6 + (SERIALIZATION_MS + DELAY_MS[listener]) + 60
        expect(t.mouthToEarDelayMs).toBeCloseTo(ta, 3)
        expect(t.effectiveLossPercent).toBe(0)
        const expected = eModel({ Ta: ta, T: ta, Tr: 2 * ta, Ie: ie, Bpl: bpl, Ppl: 0 })
        expect(t.rFactor).toBe(round(expected.R, 2))
        expect(t.mos).toBe(round(expected.MOS, 2))
      }
      // The participant's score is the farthest talker's: dan (30 ms), or cat for dan himself.
      const farthest = listener === "dan" ? "cat" : "dan"
      expect(p.worstTalker).toBe(farthest)
      expect(p.rFactor).toBe(talker(clean, listener, farthest).rFactor)
      expect(p.mos).toBe(talker(clean, listener, farthest).mos)
    }
    // Delay alone, ~170–200 ms mouth to ear, costs a little: G.107's Id.
    expect(talker(clean, "ann", "ben").mos).toBeGreaterThan(talker(clean, "cat", "dan").mos)
  })

  it("the legs lose nothing, and the bridge's buffer holds each packet exactly 60 ms", () => {
    for (const p of clean.participants) {
      for (const leg of [p.uplink, p.downlink]) {
        expect(leg.packetsSent).toBe(3000) // 60 s at 20 ms
        expect(leg.packetsReceived).toBe(3000)
        expect(leg.effectiveLossPercent).toBe(0)
        expect(leg.jitterBufferDelayMs.mean).toBe(60)
      }
      expect([p.uplink.from, p.uplink.to, p.downlink.from, p.downlink.to]).toEqual([p.id, "mcu", "mcu", p.id])
    }
  })

  it("the bridge carries N streams in and N out: N × one stream's rate each way", () => {
    const perStreamBps = PACKET_BYTES * 8 * packetsPerSecond(20e6) // 80 kbit/s
    expect(clean.bridgeTraffic).toEqual({ packetsIn: 4 * 3000, packetsOut: 4 * 3000, inBps: 4 * perStreamBps, outBps: 4 * perStreamBps })
    // Each access link carries one stream each way, for 60 of the run's 61 s.
    const report = simulate(conference())
    for (const l of report.links) expect(l.utilization).toBeCloseTo((perStreamBps / 100e6) * (60 / 61), 4)
  })
})

describe("loss on one participant's access link", () => {
  // 5 % on ann's link and 2 % on ben's, both ways.
  const lossy = simulate(conference({ ann: "loss: 5%", ben: "loss: 2%" })).conferences![0]!
  const leg = (id: string, which: "uplink" | "downlink") => lossy.participants.find((p) => p.id === id)![which]

  it("lowers what everyone hears of that talker, and only of that talker", () => {
    for (const listener of ["cat", "dan"]) {
      expect(talker(lossy, listener, "ann").effectiveLossPercent).toBe(leg("ann", "uplink").effectiveLossPercent)
      expect(talker(lossy, listener, "ann").mos).toBeLessThan(talker(clean, listener, "ann").mos - 0.3)
      expect(talker(lossy, listener, "ann").rFactor).toBeLessThan(talker(lossy, listener, "ben").rFactor)
      expect(lossy.participants.find((p) => p.id === listener)!.worstTalker).toBe("ann")
    }
    // A clean talker to a clean listener is untouched.
    expect(talker(lossy, "cat", "dan")).toEqual(talker(clean, "cat", "dan"))
    expect(Math.abs(leg("ann", "uplink").effectiveLossPercent - 5)).toBeLessThan(1.5) // 3000 frames: ±4σ ≈ ±1.6 %
  })

  it("combines the two legs a voice crosses as 1 − (1 − p_up)(1 − p_down)", () => {
    // ann hears ben through ben's lossy uplink and her own lossy downlink.
    const up = leg("ben", "uplink").effectiveLossPercent / 100
    const down = leg("ann", "downlink").effectiveLossPercent / 100
    expect(up).toBeGreaterThan(0)
    expect(down).toBeGreaterThan(0)
    expect(talker(lossy, "ann", "ben").effectiveLossPercent).toBeCloseTo(100 * (1 - (1 - up) * (1 - down)), 2)
    expect(talker(lossy, "ann", "ben").effectiveLossPercent).toBeGreaterThan(100 * Math.max(up, down))
  })
})

describe("conference determinism", () => {
  const s = conference({ ann: "jitter: 4ms, loss: 1%" })

  it("the same scenario and seed give byte-identical JSON; another seed changes it", () => {
    const first = formatReportJson(simulate(s))
    expect(formatReportJson(simulate(s))).toBe(first)
    expect(formatReportJson(simulate(s, { seed: 9 }))).not.toBe(first)
  })

  it("event per packet gives the same report", () => {
    expect(formatReportJson(simulate(s, { eventPerPacket: true }))).toBe(formatReportJson(simulate(s)))
  })
})
