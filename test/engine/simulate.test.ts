import { describe, expect, it } from "vitest"
import { DelayTrace } from "../../src/engine/delay-trace.ts"
import { simulate } from "../../src/engine/simulate.ts"
import { eModel } from "../../src/quality/emodel.ts"
import { formatReportJson } from "../../src/report/format-json.ts"
import { scenarioFrom, twoPhones } from "./scenario-text.ts"

const lossy = twoPhones({ link: "jitter: 8ms, loss: 2%", call: "jitterBuffer: { kind: fixed, delay: 20ms }" })

describe("determinism", () => {
  it("the same scenario and seed give byte-identical JSON; another seed changes it", () => {
    const first = formatReportJson(simulate(lossy))
    expect(formatReportJson(simulate(lossy))).toBe(first)
    const other = formatReportJson(simulate(lossy, { seed: 2 }))
    expect(other).not.toBe(first)
    expect(JSON.parse(other).seed).toBe(2)
  })
})

describe("conservation", () => {
  it("sent = received + lost on the link + dropped by the queue + in flight, per link and per stream", () => {
    // A slow link with a small queue so that the queue drops too.
    const report = simulate(twoPhones({ bandwidth: "70kbit/s", link: "loss: 3%, queue: { limit: 1KB }" }))
    let drops = 0
    for (const l of report.links) {
      expect(l.packetsSent + l.packetsDuplicated).toBe(
        l.packetsDelivered + l.packetsLost + l.packetsCorrupted + l.packetsDropped + l.packetsDroppedDown + l.packetsInFlight,
      )
      drops += l.packetsDropped
    }
    expect(drops).toBeGreaterThan(0)
    for (const [i, s] of report.calls[0]!.streams.entries()) {
      const l = report.links[i]! // one call on one link: stream i crosses link direction i
      expect(s.packetsSent).toBe(l.packetsSent)
      expect(s.packetsReceived).toBe(l.packetsDelivered)
    }
  })
})

describe("a clean LAN call", () => {
  it("loses nothing and scores what the E-model gives for its mouth-to-ear delay", () => {
    const report = simulate(twoPhones({ call: "jitterBuffer: { kind: fixed, delay: 40ms }" }))
    for (const s of report.calls[0]!.streams) {
      expect(s.packetsSent).toBe(500) // 10 s of 20 ms packets
      expect(s.packetsLost).toBe(0)
      expect(s.packetsLate).toBe(0)
      // Network: 200 B at 10 Mbit/s = 0.16 ms + 5 ms; jitter buffer exactly 40 ms; packetization 20 ms.
      expect(s.oneWayDelayMs.mean).toBe(5.16)
      expect(s.jitterBufferDelayMs.mean).toBe(40)
      expect(s.mouthToEarDelayMs).toBe(65.16)
      expect(s.jitterMs).toBe(0)
      const expected = eModel({ Ta: 65.16, T: 65.16, Tr: 130.32, Ie: 0, Bpl: 25.1, Ppl: 0 })
      expect(s.rFactor).toBeCloseTo(expected.R, 2)
      expect(s.mos).toBeGreaterThan(4.3)
    }
  })
})

describe("impairments", () => {
  it("network loss close to the configured rate, and quality falls as loss grows", () => {
    const mos = [0, 2, 10].map((pct) => {
      const s = simulate(twoPhones({ link: `loss: ${pct}%`, duration: "60s" })).calls[0]!.streams[0]!
      const n = s.packetsSent
      const p = pct / 100
      expect(Math.abs(s.lossPercent / 100 - p)).toBeLessThanOrEqual(4 * Math.sqrt((p * (1 - p)) / n) + 1e-9)
      return s.mos
    })
    expect(mos[0]!).toBeGreaterThan(mos[1]!)
    expect(mos[1]!).toBeGreaterThan(mos[2]!)
  })

  it("jitter larger than the jitter buffer makes packets late and counts them apart from loss", () => {
    const s = simulate(twoPhones({ link: "jitter: 15ms", call: "jitterBuffer: { kind: fixed, delay: 10ms }" })).calls[0]!
      .streams[0]!
    expect(s.packetsLost).toBe(0)
    expect(s.packetsLate).toBeGreaterThan(0)
    expect(s.effectiveLossPercent).toBeCloseTo((100 * s.packetsLate) / s.packetsSent, 0)
    expect(s.jitterMs).toBeGreaterThan(0)
  })
})

describe("independent random streams", () => {
  it("adding a call on another link leaves the first call's results unchanged", () => {
    const parse = (extra: string) => {
      const text = `
name: t
seed: 5
duration: 5s
nodes: [{ id: a, kind: phone }, { id: b, kind: phone }, { id: c, kind: phone }, { id: d, kind: phone }]
links:
  - { id: ab, between: [a, b], bandwidth: 1Mbit/s, delay: 20ms, jitter: 5ms, loss: 3% }
${extra ? "  - { id: cd, between: [c, d], bandwidth: 1Mbit/s, delay: 10ms, jitter: 9ms, loss: 5% }" : ""}
calls:
  - { id: first, from: a, to: b, codec: G.711u, ptime: 20ms }
${extra ? "  - { id: second, from: c, to: d, codec: G.711a, ptime: 30ms }" : ""}
`
      return simulate(scenarioFrom(text))
    }
    const alone = parse("")
    const withOther = parse("yes")
    expect(withOther.calls).toHaveLength(2)
    expect(withOther.calls[0]).toEqual(alone.calls[0])
    expect(withOther.links.slice(0, 2)).toEqual(alone.links)
  })
})

describe("fixed jitter buffer under uniform jitter", () => {
  // With delay d = c + U, U uniform in ±J, the buffer plays every packet at (first arrival's delay
  // d₀) + D after its send time, so a packet is late when U > U₀ + D: probability (J − U₀ − D)/2J.
  it("discards the fraction of packets that theory predicts from the first arrival's delay", () => {
    for (const seed of [1, 2, 3]) {
      const trace = new DelayTrace()
      const scenario = twoPhones({
        delay: "20ms",
        link: "jitter: 15ms",
        call: "jitterBuffer: { kind: fixed, delay: 10ms }",
        duration: "60s",
      })
      const s = simulate(scenario, { seed, observerFor: (i) => (i === 0 ? trace : undefined) }).calls[0]!.streams[0]!
      const u0 = trace.delayMs[0]! - 20 - 0.16 // minus propagation and serialization (200 B at 10 Mbit/s)
      const p = Math.max(0, 15 - u0 - 10) / 30
      const n = s.packetsReceived
      expect(Math.abs(s.packetsLate - n * p)).toBeLessThanOrEqual(4 * Math.sqrt(n * p * (1 - p)) + 1)
    }
  })
})
