import { describe, expect, it } from "vitest"
import type { EventHandler } from "../../sim/simulator.ts"
import { RunningStats } from "../../sim/stats.ts"
import { AimdBulkSource } from "../../src/traffic/aimd-bulk.ts"
import { fixedSize } from "../../src/traffic/packet-size.ts"
import { RFC6298_RTO } from "../../src/traffic/rto-estimator.ts"
import { makePath, type PathOptions } from "./helpers.ts"

const S = 1e9
const MS = 1e6
const MSS = 1500

const bulkOver = (path: PathOptions, ackDelayNs: number) => {
  const p = makePath(path)
  const source = new AimdBulkSource(p.deps, {
    dscp: 0,
    sizes: fixedSize(MSS),
    ackDelayNs,
    initialCwndPackets: 2,
    maxCwndPackets: Infinity,
    rto: RFC6298_RTO,
  })
  source.start(0)
  return { ...p, source }
}

describe("AIMD bulk transfer", () => {
  it("slow start doubles cwnd every RTT: 2, 4, …, 64 half an RTT into rounds 0…5", () => {
    const { sim, source } = bulkOver({ bandwidthBps: 1e9, propagationNs: 50 * MS, limitBytes: Infinity, lossRate: 0, seed: 1 }, 50 * MS)
    for (let k = 0; k <= 5; k++) {
      sim.runUntil((k * 100 + 50) * MS)
      expect(source.cwndPackets).toBe(2 ** (k + 1))
    }
    expect(source.packetsInFlight).toBe(64)
  })

  describe("one flow through a 2 Mbit/s bottleneck with a bandwidth-delay-product queue", () => {
    // Base RTT = 20 ms propagation + 6 ms serialization + 20 ms ACK return = 46 ms: BDP = 7.67 packets.
    const bandwidthBps = 2e6
    const baseRttNs = 46 * MS
    const bdpPackets = (bandwidthBps * baseRttNs) / S / 8 / MSS
    const queuePackets = 8
    const durationS = 60
    const { sim, link, source } = bulkOver(
      { bandwidthBps, propagationNs: 20 * MS, limitBytes: queuePackets * MSS, lossRate: 0, seed: 1 },
      20 * MS,
    )
    const cwndAfterStartup = new RunningStats()
    const probe: EventHandler = {
      handleEvent() {
        if (sim.nowNs >= 5 * S) cwndAfterStartup.add(source.cwndPackets)
        sim.scheduleIn(10 * MS, probe)
      },
    }
    sim.scheduleAt(0, probe)
    sim.runUntil(durationS * S)

    it("keeps the link more than 85 % busy and delivers ≈ the link rate", () => {
      const utilization = link.busyNs / (durationS * S)
      expect(utilization).toBeGreaterThan(0.85)
      expect((source.meter.bytesReceived * 8) / durationS / bandwidthBps).toBeGreaterThan(0.85)
    })

    it("every queue drop reaches the source, and recovery needs no timeout", () => {
      expect(link.packetsDropped).toBeGreaterThan(0)
      expect(source.packetsDropped).toBe(link.packetsDropped)
      expect(source.timeouts).toBe(0)
      expect(source.packetsSent).toBe(source.meter.packetsReceived + source.packetsDropped + link.packetsInFlight)
    })

    it("cwnd is a sawtooth: peaks at BDP + queue (±15 %), halves, and the halvings recur every W/2 + 1 RTTs (±20 %)", () => {
      const wMax = bdpPackets + queuePackets // the pipe plus the full queue
      // Skip the slow-start overshoot (the first peak) when averaging the peaks.
      expect(source.cwndPeakPackets.count).toBeGreaterThan(20)
      const steadyPeakMean = (source.cwndPeakPackets.sum - source.cwndPeakPackets.max) / (source.cwndPeakPackets.count - 1)
      expect(Math.abs(steadyPeakMean / wMax - 1)).toBeLessThan(0.15)
      // Between peaks cwnd falls to about half of them and never far below.
      expect(cwndAfterStartup.min).toBeGreaterThan(0.4 * wMax)
      expect(cwndAfterStartup.max).toBeLessThan(1.2 * wMax)
      // A cycle: W/2 RTTs of additive increase plus one RTT of fast recovery.
      const rttS = source.rttNs.mean / S
      const expectedCycles = durationS / ((wMax / 2 + 1) * rttS)
      expect(Math.abs(source.lossEvents / expectedCycles - 1)).toBeLessThan(0.2)
    })
  })

  // Mathis, Semke, Mahdavi & Ott (1997), "The macroscopic behavior of the TCP congestion avoidance
  // algorithm": rate = (MSS/RTT) · C/√p with C = √(3/2) for an ACK per packet (C = √(3/4) with
  // delayed ACKs, one per two packets). Random loss p on an otherwise idle 1 Gbit/s path, RTT 100 ms.
  for (const p of [0.005, 0.01, 0.02]) {
    it(`follows the Mathis square-root law within ±35 % at p = ${p * 100} %`, () => {
      const durationS = 600
      const { sim, source } = bulkOver({ bandwidthBps: 1e9, propagationNs: 50 * MS, limitBytes: Infinity, lossRate: p, seed: 3 }, 50 * MS)
      sim.runUntil(durationS * S)
      const rttS = source.rttNs.mean / S
      const predictedBps = ((MSS * 8) / rttS) * Math.sqrt(1.5 / p)
      const measuredBps = (source.meter.bytesReceived * 8) / durationS
      expect(source.lossEvents).toBeGreaterThan(300) // enough sawtooth cycles to average
      expect(Math.abs(measuredBps / predictedBps - 1)).toBeLessThan(0.35)
    })
  }

  it("a link outage loses whole windows: RTO timeouts at last ACK + 1 s, then + 2 s (backoff), cwnd 1, then recovery", () => {
    const { sim, link, source } = bulkOver({ bandwidthBps: 2e6, propagationNs: 20 * MS, limitBytes: 12_000, lossRate: 0, seed: 1 }, 20 * MS)
    const timeoutsAtNs: number[] = []
    let lastAckNs = 0
    let acked = 0
    const outage: EventHandler = { handleEvent: (up) => (up === 1 ? link.goUp() : link.goDown()) }
    const watch: EventHandler = {
      handleEvent() {
        if (source.packetsAcked !== acked) {
          acked = source.packetsAcked
          lastAckNs = sim.nowNs
        }
        if (source.timeouts > timeoutsAtNs.length) {
          timeoutsAtNs.push(sim.nowNs)
          expect(source.cwndPackets).toBe(1)
        }
        sim.scheduleIn(MS, watch)
      },
    }
    sim.scheduleAt(0, watch)
    sim.scheduleAt(5 * S, outage, 0)
    sim.runUntil(5.5 * S)
    const lastAckBeforeOutageNs = lastAckNs
    sim.scheduleAt(8 * S, outage, 1)
    sim.runUntil(20 * S)
    expect(timeoutsAtNs).toHaveLength(2)
    expect(Math.abs(timeoutsAtNs[0]! - (lastAckBeforeOutageNs + 1 * S))).toBeLessThanOrEqual(MS)
    expect(Math.abs(timeoutsAtNs[1]! - timeoutsAtNs[0]! - 2 * S)).toBeLessThanOrEqual(MS)
    expect(source.cwndPackets).toBeGreaterThan(4) // growing again after the link came back
    expect(lastAckNs).toBeGreaterThan(19 * S)
  })
})
