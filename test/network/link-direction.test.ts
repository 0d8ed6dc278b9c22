import { describe, expect, it } from "vitest"
import { exponential } from "../../sim/distributions.ts"
import { RandomSource } from "../../sim/random.ts"
import { Simulator, type EventHandler } from "../../sim/simulator.ts"
import { DelayModel } from "../../src/network/delay/delay-model.ts"
import { LinkDirection, serializationNs } from "../../src/network/link-direction.ts"
import { BernoulliLoss } from "../../src/network/loss/bernoulli.ts"
import { noLoss, type LossModel } from "../../src/network/loss/loss-model.ts"
import type { WirePacket } from "../../src/network/packet.ts"
import { DropTailQueue } from "../../src/network/queues/drop-tail.ts"

class Packet implements WirePacket {
  queuedAtNs = 0
  arrivedNs = -1
  readonly dscp = 0
  constructor(readonly sizeBytes: number) {}
}

const makeLink = (sim: Simulator, o: { bandwidthBps: number; limitBytes?: number; propagationNs?: number; loss?: LossModel }) => {
  const arrived: Packet[] = []
  const link = new LinkDirection<Packet>(
    sim,
    {
      linkId: "l",
      direction: "a->b",
      bandwidthBps: o.bandwidthBps,
      queue: new DropTailQueue(o.limitBytes ?? Infinity),
      delay: new DelayModel(o.propagationNs ?? 0, undefined, new RandomSource(1).stream("delay")),
      loss: o.loss ?? noLoss,
    },
    { receive: (p) => ((p.arrivedNs = sim.nowNs), arrived.push(p)) },
  )
  return { link, arrived }
}

describe("serialization", () => {
  it("a 200-byte packet on a 64 kbit/s link takes exactly 25 ms", () => {
    expect(serializationNs(200, 64_000)).toBe(25_000_000)
    const sim = new Simulator()
    const { link, arrived } = makeLink(sim, { bandwidthBps: 64_000 })
    link.receive(new Packet(200))
    sim.run()
    expect(arrived[0]!.arrivedNs).toBe(25_000_000)
  })

  it("adds propagation after the last bit and queues back-to-back packets FIFO", () => {
    const sim = new Simulator()
    const { link, arrived } = makeLink(sim, { bandwidthBps: 1_000_000, propagationNs: 5_000_000 })
    for (let i = 0; i < 3; i++) link.receive(new Packet(125)) // 1 ms each at 1 Mbit/s
    sim.run()
    expect(arrived.map((p) => p.arrivedNs)).toEqual([6_000_000, 7_000_000, 8_000_000])
    expect(link.queueDelayNs.mean).toBe(1_000_000) // waited 0, 1 and 2 ms
  })
})

describe("drop-tail queue", () => {
  it("refuses packets beyond the byte limit, not counting the one on the wire", () => {
    const sim = new Simulator()
    const { link, arrived } = makeLink(sim, { bandwidthBps: 1_000_000, limitBytes: 1000 })
    for (let i = 0; i < 10; i++) link.receive(new Packet(300)) // 1 on the wire, 3 fit in 1000 B, 6 dropped
    sim.run()
    expect(link.packetsDropped).toBe(6)
    expect(arrived).toHaveLength(4)
    expect(link.packetsOffered).toBe(link.packetsDropped + link.packetsDelivered)
  })
})

describe("channel loss", () => {
  it("Bernoulli loss rate within 4 standard errors of the configured rate", () => {
    const sim = new Simulator()
    const n = 20_000
    const rate = 0.05
    const { link } = makeLink(sim, {
      bandwidthBps: 1e9,
      loss: new BernoulliLoss(rate, new RandomSource(7).stream("loss")),
    })
    for (let i = 0; i < n; i++) link.receive(new Packet(100))
    sim.run()
    const se = Math.sqrt((rate * (1 - rate)) / n)
    expect(Math.abs(link.packetsLost / n - rate)).toBeLessThan(4 * se)
    expect(link.packetsLost + link.packetsDelivered).toBe(n)
  })
})

/** Poisson arrivals into the link; returns the mean queue wait in units of the mean service time. */
const poissonQueue = (rho: number, sizeBytes: () => number, seed: number): number => {
  const sim = new Simulator()
  const bandwidthBps = 8_000_000 // 1000-byte packet: 1 ms
  const meanServiceNs = 1_000_000
  const { link } = makeLink(sim, { bandwidthBps })
  const gaps = exponential(meanServiceNs / rho)
  const rng = new RandomSource(seed).stream("arrivals")
  const source: EventHandler = {
    handleEvent() {
      link.receive(new Packet(sizeBytes()))
      sim.scheduleIn(Math.round(gaps.sample(rng)), source)
    },
  }
  sim.scheduleAt(0, source)
  sim.runUntil(400_000 * meanServiceNs)
  return link.queueDelayNs.mean / meanServiceNs
}

describe("queueing theory", () => {
  // Pollaczek–Khinchine: M/D/1 mean wait Wq = ρ / (2μ(1 − ρ)); in service times: ρ / (2(1 − ρ)).
  it("M/D/1: fixed-size packets at ρ = 0.5 and 0.8 wait as Pollaczek–Khinchine predicts", () => {
    for (const rho of [0.5, 0.8]) {
      const expected = rho / (2 * (1 - rho))
      expect(Math.abs(poissonQueue(rho, () => 1000, 11) / expected - 1)).toBeLessThan(0.08)
    }
  })

  // M/M/1 mean wait Wq = ρ / (μ − λ); in service times: ρ / (1 − ρ).
  it("M/M/1: exponential packet sizes at ρ = 0.7 wait ρ/(1 − ρ) service times", () => {
    const sizes = exponential(1000)
    const rng = new RandomSource(3).stream("sizes")
    const measured = poissonQueue(0.7, () => sizes.sample(rng), 13)
    expect(Math.abs(measured / (0.7 / 0.3) - 1)).toBeLessThan(0.08)
  })
})
