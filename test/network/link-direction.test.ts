import { describe, expect, it } from "vitest"
import { exponential } from "../../sim/distributions.ts"
import { RandomSource } from "../../sim/random.ts"
import { Simulator, type EventHandler } from "../../sim/simulator.ts"
import { serializationNs } from "../../src/network/link-direction.ts"
import { BernoulliLoss } from "../../src/network/loss/bernoulli.ts"
import { makeTestLink, TestPacket } from "./test-link.ts"

describe("serialization", () => {
  it("a 200-byte packet on a 64 kbit/s link takes exactly 25 ms", () => {
    expect(serializationNs(200, 64_000)).toBe(25_000_000)
    const sim = new Simulator()
    const { link, arrived } = makeTestLink(sim, { bandwidthBps: 64_000 })
    link.receive(new TestPacket(200))
    sim.run()
    expect(arrived[0]!.arrivedNs).toBe(25_000_000)
  })

  it("adds propagation after the last bit and queues back-to-back packets FIFO", () => {
    const sim = new Simulator()
    const { link, arrived } = makeTestLink(sim, { bandwidthBps: 1_000_000, propagationNs: 5_000_000 })
    for (let i = 0; i < 3; i++) link.receive(new TestPacket(125)) // 1 ms each at 1 Mbit/s
    sim.run()
    expect(arrived.map((p) => p.arrivedNs)).toEqual([6_000_000, 7_000_000, 8_000_000])
    expect(link.queueDelayNs.mean).toBe(1_000_000) // waited 0, 1 and 2 ms
  })
})

describe("drop-tail queue", () => {
  it("refuses packets beyond the byte limit, not counting the one on the wire", () => {
    const sim = new Simulator()
    const { link, arrived } = makeTestLink(sim, { bandwidthBps: 1_000_000, limitBytes: 1000 })
    for (let i = 0; i < 10; i++) link.receive(new TestPacket(300)) // 1 on the wire, 3 fit in 1000 B, 6 dropped
    sim.run()
    expect(link.packetsDropped).toBe(6)
    expect(arrived).toHaveLength(4)
    expect(link.packetsSent).toBe(link.packetsDropped + link.packetsDelivered)
  })
})

describe("channel loss", () => {
  it("Bernoulli loss rate within 4 standard errors of the configured rate", () => {
    const sim = new Simulator()
    const n = 20_000
    const rate = 0.05
    const { link } = makeTestLink(sim, {
      bandwidthBps: 1e9,
      loss: new BernoulliLoss(rate, new RandomSource(7).stream("loss")),
    })
    for (let i = 0; i < n; i++) link.receive(new TestPacket(100))
    sim.run()
    const se = Math.sqrt((rate * (1 - rate)) / n)
    expect(Math.abs(link.packetsLost / n - rate)).toBeLessThan(4 * se)
    expect(link.packetsLost + link.packetsDelivered).toBe(n)
  })
})

/**
 * Poisson arrivals into the link, run as 40 consecutive batches. Returns the mean queue wait and
 * the standard error of that mean from the batch means (batches long against the queue's
 * relaxation time are nearly independent), both in units of the mean service time.
 */
const poissonQueue = (rho: number, sizeBytes: () => number, seed: number) => {
  const sim = new Simulator()
  const meanServiceNs = 1_000_000 // 1000-byte packets at 8 Mbit/s
  const { link } = makeTestLink(sim, { bandwidthBps: 8_000_000 })
  const gaps = exponential(meanServiceNs / rho)
  const rng = new RandomSource(seed).stream("arrivals")
  const source: EventHandler = {
    handleEvent() {
      link.receive(new TestPacket(sizeBytes()))
      sim.scheduleIn(Math.round(gaps.sample(rng)), source)
    },
  }
  sim.scheduleAt(0, source)
  sim.runUntil(50_000 * meanServiceNs) // warm-up, discarded
  const batchMeans: number[] = []
  for (let b = 0; b < 40; b++) {
    const { sum, count } = link.queueDelayNs
    sim.runUntil(sim.nowNs + 50_000 * meanServiceNs)
    batchMeans.push((link.queueDelayNs.sum - sum) / (link.queueDelayNs.count - count) / meanServiceNs)
  }
  const mean = batchMeans.reduce((a, b) => a + b, 0) / batchMeans.length
  const variance = batchMeans.reduce((a, b) => a + (b - mean) ** 2, 0) / (batchMeans.length - 1)
  return { mean, standardError: Math.sqrt(variance / batchMeans.length) }
}

describe("queueing theory", () => {
  // Pollaczek–Khinchine: M/D/1 mean wait Wq = ρ / (2μ(1 − ρ)); in service times: ρ / (2(1 − ρ)).
  it.each([0.3, 0.6, 0.9])("M/D/1 at load %s: fixed-size packets wait as Pollaczek–Khinchine predicts", (rho) => {
    const { mean, standardError } = poissonQueue(rho, () => 1000, 11)
    expect(Math.abs(mean - rho / (2 * (1 - rho)))).toBeLessThan(4 * standardError)
    expect(standardError / mean).toBeLessThan(0.05) // the run is long enough to mean something
  })

  // M/M/1 mean wait Wq = ρ / (μ − λ); in service times: ρ / (1 − ρ).
  it.each([0.3, 0.6, 0.9])("M/M/1 at load %s: exponential packet sizes wait ρ/(1 − ρ) service times", (rho) => {
    const sizes = exponential(1000)
    const rng = new RandomSource(3).stream("sizes")
    const { mean, standardError } = poissonQueue(rho, () => sizes.sample(rng), 13)
    expect(Math.abs(mean - rho / (1 - rho))).toBeLessThan(4 * standardError)
    expect(standardError / mean).toBeLessThan(0.05)
  })
})
