import { describe, expect, it } from "vitest"
import { Simulator, type EventHandler } from "../../sim/simulator.ts"
import type { RoutedPacket } from "../../src/network/packet.ts"
import { makeTestLink, TestPacket } from "./test-link.ts"

const MS = 1_000_000
const at = (sim: Simulator, timeNs: number, action: () => void) => {
  const handler: EventHandler = { handleEvent: action }
  sim.scheduleAt(timeNs, handler)
}

describe("a link going down and up", () => {
  // 1250-byte packets take 10 ms at 1 Mbit/s; propagation 15 ms. Five packets enter at t = 0:
  // #1 is on the wire 0–10 ms and propagating 10–25 ms, #2 on the wire 10–20 ms, #3–#5 queued.
  it("loses what is queued, on the wire and propagating, refuses packets while down, then carries on", () => {
    const sim = new Simulator()
    const dropped: RoutedPacket[] = []
    const owner = { packetDropped: (p: RoutedPacket) => dropped.push(p) }
    const { link, arrived } = makeTestLink(sim, { bandwidthBps: 1_000_000, propagationNs: 15 * MS })
    for (let i = 0; i < 5; i++) link.receive(new TestPacket(1250, 0, owner))
    at(sim, 12 * MS, () => link.goDown())
    at(sim, 30 * MS, () => link.receive(new TestPacket(1250, 0, owner))) // while down
    at(sim, 40 * MS, () => link.goUp())
    at(sim, 50 * MS, () => link.receive(new TestPacket(1250, 0, owner)))
    sim.run()

    expect(link.packetsDroppedDown).toBe(6) // #1 propagating, #2 on the wire, #3–#5 queued, and the one at 30 ms
    expect(dropped).toHaveLength(6)
    expect(arrived.map((p) => p.arrivedNs)).toEqual([75 * MS]) // sent at 50 ms: 10 ms serialization + 15 ms
    expect(link.packetsSent).toBe(link.packetsDelivered + link.packetsDroppedDown + link.packetsInFlight)
    expect(link.packetsInFlight).toBe(0)
  })
})

describe("duplication and corruption", () => {
  it("duplicates and corrupts at the configured rates and keeps the books balanced", () => {
    const sim = new Simulator()
    const n = 20_000
    const { link, arrived } = makeTestLink(sim, { bandwidthBps: 1e9, duplicateRate: 0.05, corruptRate: 0.02 })
    for (let i = 0; i < n; i++) link.receive(new TestPacket(100))
    sim.run()
    const within = (count: number, p: number, trials: number) =>
      expect(Math.abs(count - p * trials)).toBeLessThan(4 * Math.sqrt(trials * p * (1 - p)))
    within(link.packetsDuplicated, 0.05, n)
    within(link.packetsCorrupted, 0.02, n + link.packetsDuplicated)
    expect(arrived).toHaveLength(n + link.packetsDuplicated - link.packetsCorrupted)
    expect(link.packetsSent + link.packetsDuplicated).toBe(link.packetsDelivered + link.packetsCorrupted)
  })
})
