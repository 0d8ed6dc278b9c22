import { describe, expect, it } from "vitest"
import { Simulator } from "../../sim/simulator.ts"
import { DSCP } from "../../src/network/dscp.ts"
import { AimdBulkSource } from "../../src/traffic/aimd-bulk.ts"
import { CbrSource } from "../../src/traffic/cbr.ts"
import { makeTrafficSource, scheduleTrafficSource } from "../../src/traffic/make-traffic-source.ts"
import { OnOffSource } from "../../src/traffic/on-off.ts"
import { fixedSize } from "../../src/traffic/packet-size.ts"
import { PoissonSource } from "../../src/traffic/poisson.ts"
import type { TrafficConfig } from "../../src/traffic/traffic-config.ts"
import { directDeps, makePath, Recorder } from "./helpers.ts"

const MS = 1e6
const S = 1e9

describe("makeTrafficSource", () => {
  it("builds the kind the config names, with defaults for what it leaves out", () => {
    const sim = new Simulator()
    const deps = directDeps(sim, new Recorder(false))
    const packetSize = { kind: "fixed", sizeBytes: 1000 } as const
    expect(makeTrafficSource({ kind: "poisson", dscp: 0, packetSize, rateBps: 1e6 }, deps)).toBeInstanceOf(PoissonSource)
    expect(makeTrafficSource({ kind: "cbr", dscp: 0, packetSize, rateBps: 1e6 }, deps)).toBeInstanceOf(CbrSource)
    const onOff = makeTrafficSource({ kind: "on-off", dscp: 0, packetSize, peakRateBps: 1e6, onMeanNs: 100 * MS, offMeanNs: 300 * MS }, deps)
    expect(onOff).toBeInstanceOf(OnOffSource)
    const o = onOff as OnOffSource
    expect(o.onPeriodNs.mean).toBeCloseTo(100 * MS, 3) // Pareto, default α = 1.5: xm = 100 ms / 3
    expect(o.onPeriodNs.variance).toBe(Infinity)
    expect(o.offPeriodNs.variance).toBeCloseTo((300 * MS) ** 2, -6) // exponential by default
    expect(o.meanRateBps).toBeCloseTo(250_000, 6)
    const bulk = makeTrafficSource({ kind: "bulk", dscp: DSCP.af11, packetSize, ackDelayNs: 10 * MS }, deps)
    expect(bulk).toBeInstanceOf(AimdBulkSource)
    expect((bulk as AimdBulkSource).cwndPackets).toBe(2)
    expect((bulk as AimdBulkSource).rto.rtoNs).toBe(1 * S)
  })

  it("rejects a zero rate, an on-off shape ≤ 1 and a negative ACK delay", () => {
    const deps = directDeps(new Simulator(), new Recorder(false))
    const packetSize = { kind: "fixed", sizeBytes: 100 } as const
    expect(() => makeTrafficSource({ kind: "cbr", dscp: 0, packetSize, rateBps: 0 }, deps)).toThrow(RangeError)
    expect(() =>
      makeTrafficSource({ kind: "on-off", dscp: 0, packetSize, peakRateBps: 1e6, onMeanNs: 1e6, offMeanNs: 1e6, paretoShape: 1 }, deps),
    ).toThrow(RangeError)
    expect(() => makeTrafficSource({ kind: "bulk", dscp: 0, packetSize, ackDelayNs: -1 }, deps)).toThrow(RangeError)
  })

  it("scheduleTrafficSource applies start, rate steps and stop: CBR 100 kbit/s of 125 B = 100 packets/s", () => {
    const sim = new Simulator()
    const rec = new Recorder()
    const config: TrafficConfig = {
      kind: "cbr",
      dscp: DSCP.cs1,
      packetSize: { kind: "fixed", sizeBytes: 125 },
      rateBps: 100_000,
      startNs: 1 * S,
      stopNs: 4 * S,
      rateSchedule: [
        { atNs: 2 * S, scale: 2 },
        { atNs: 3 * S, scale: 0.5 },
      ],
    }
    const source = makeTrafficSource(config, directDeps(sim, rec))
    scheduleTrafficSource(source, config)
    sim.runUntil(10 * S)
    const inSecond = (s: number) => rec.timesNs.filter((t) => t >= s * S && t < (s + 1) * S).length
    expect([inSecond(0), inSecond(1), inSecond(2), inSecond(3), inSecond(4)]).toEqual([0, 100, 200, 50, 0])
    expect(source.packetsSent).toBe(350)
  })
})

describe("open-loop flows through a link", () => {
  it("the meter sees serialization + propagation as one-way delay; sent = received + dropped", () => {
    // 2 Mbit/s CBR of 1000 B into a 1 Mbit/s link with a 10-packet queue: half the packets are dropped.
    const { sim, link, deps } = makePath({ bandwidthBps: 1e6, propagationNs: 10 * MS, limitBytes: 10_000, lossRate: 0, seed: 2 })
    const source = new CbrSource(deps, { dscp: 0, sizes: fixedSize(1000), rateBps: 2e6 })
    source.start(0)
    source.stop(10 * S)
    sim.runUntil(20 * S)
    expect(source.packetsSent).toBe(2500)
    expect(source.packetsDropped).toBe(link.packetsDropped)
    expect(source.packetsSent).toBe(source.meter.packetsReceived + source.packetsDropped)
    expect(Math.abs(source.meter.packetsReceived - 1250)).toBeLessThanOrEqual(11) // the link's rate, plus the queue
    expect(source.meter.oneWayDelayNs.min).toBe(8 * MS + 10 * MS) // an idle link: serialization + propagation
    // In steady state the queue is full: 10 packets waiting, 8 ms each.
    expect(source.meter.oneWayDelayNs.max).toBeLessThanOrEqual(18 * MS + 10 * 8 * MS + 8 * MS)
  })
})
