import { describe, expect, it } from "vitest"
import { RandomSource } from "../../sim/random.ts"
import { Simulator, type EventHandler } from "../../sim/simulator.ts"
import { TraceSerializer } from "../../src/network/serializers/trace.ts"
import { traceMeanRateBps, type CapacityTrace } from "../../src/network/trace/capacity-trace.ts"
import { makeTestLink, TestPacket } from "./test-link.ts"

const MS = 1_000_000

// Opportunities at 0, 10, 10 and 30 ms; the trace repeats every 30 ms (its last time), so
// cycle c offers c·30 + {0, 10, 10, 30}: 0, 10, 10, 30 | 30, 40, 40, 60 | 60, 70, 70, 90 | …
// Each opportunity carries 1504 bytes, and a packet costs its size + 4 (mahimahi's TUN header).
const HAND_TRACE: CapacityTrace = { opportunitiesMs: [0, 10, 10, 30] }

const traceLink = (trace = HAND_TRACE, startNs = 0) => {
  const sim = new Simulator()
  const { link, arrived } = makeTestLink(sim, { serializer: new TraceSerializer(trace, startNs) })
  return { sim, link, arrived }
}

const at = (sim: Simulator, timeNs: number, action: () => void) => {
  const handler: EventHandler = { handleEvent: action }
  sim.scheduleAt(timeNs, handler)
}

const departuresMs = (arrived: readonly TestPacket[]) => arrived.map((p) => p.arrivedNs / MS)

describe("a link direction driven by a mahimahi capacity trace", () => {
  it("MTU packets: one per opportunity, looping with the last time as the period", () => {
    const { sim, link, arrived } = traceLink()
    for (let i = 0; i < 9; i++) link.receive(new TestPacket(1500)) // 1504 B with the header: exactly one opportunity
    sim.run()
    // The opportunity at 0 cannot carry packets queued at 0 (mahimahi spends due opportunities
    // before it enqueues); then both at 10; 30 twice (end of cycle 0, start of cycle 1); 40 twice; …
    expect(departuresMs(arrived)).toEqual([10, 10, 30, 30, 40, 40, 60, 60, 70])
  })

  it("small packets share an opportunity and carry its spare bytes over to the next packet", () => {
    const { sim, link, arrived } = traceLink()
    for (let i = 0; i < 8; i++) link.receive(new TestPacket(700)) // 704 B each
    sim.run()
    // 10 ms (1st): #1, #2 (1408 B, 96 left); #3 takes those 96 and 608 of the
    // 10 ms (2nd), which then carries #4 too (192 left); #5 takes those 192 and 512 of the
    // 30 ms (cycle 0), which carries #6 (288 left); #7 takes those 288 and 416 of the
    // 30 ms (cycle 1), which carries #8.
    expect(departuresMs(arrived)).toEqual([10, 10, 10, 10, 30, 30, 30, 30])
  })

  it("a large packet takes bytes from several opportunities and leaves at the one with its last byte", () => {
    const { sim, link, arrived } = traceLink()
    link.receive(new TestPacket(4000)) // 4004 B = 1504 (10 ms) + 1504 (10 ms) + 996 (30 ms)
    link.receive(new TestPacket(500)) // 504 B fit in the 508 the 30 ms opportunity has left
    link.receive(new TestPacket(1500)) // the next opportunity: 30 ms of cycle 1
    sim.run()
    expect(departuresMs(arrived)).toEqual([30, 30, 30])
  })

  it("an idle link: a packet waits for the first opportunity after the time it was queued", () => {
    const { sim, link, arrived } = traceLink()
    for (const ms of [5, 10, 65, 1000]) at(sim, ms * MS, () => link.receive(new TestPacket(1500)))
    sim.run()
    // 5 → 10; 10 → not the second 10 (queued at that very time) but 30; 65 → 70;
    // 1000 → cycle 33 offers 990, 1000, 1000, 1020: 1020.
    expect(departuresMs(arrived)).toEqual([10, 30, 70, 1020])
  })

  it("starts the trace at its own start time", () => {
    const { sim, link, arrived } = traceLink({ opportunitiesMs: [5, 10] }, 100 * MS)
    at(sim, 100 * MS, () => link.receive(new TestPacket(1500)))
    at(sim, 112 * MS, () => link.receive(new TestPacket(1500)))
    sim.run()
    expect(departuresMs(arrived)).toEqual([105, 115])
  })

  it("a link going down frees the opportunities its lost packet had claimed", () => {
    const { sim, link, arrived } = traceLink({ opportunitiesMs: [10, 20, 30, 40] })
    link.receive(new TestPacket(4000)) // claims 10, 20 and 30
    at(sim, 15 * MS, () => link.goDown())
    at(sim, 16 * MS, () => link.goUp())
    at(sim, 17 * MS, () => link.receive(new TestPacket(1500)))
    sim.run()
    expect(departuresMs(arrived)).toEqual([20]) // not 40
    expect(link.packetsDroppedDown).toBe(1)
  })

  it("reports the trace's mean rate and the used share of the offered bytes", () => {
    const { sim, link } = traceLink()
    expect(link.bandwidthBps).toBe(1_600_000) // 4 · 1500 · 8 bits every 30 ms
    for (let i = 0; i < 8; i++) link.receive(new TestPacket(1500))
    sim.runUntil(60 * MS)
    // Opportunities up to 60 ms: 0, 10, 10, 30, 30, 40, 40, 60, 60 (9); 8 carried a packet.
    expect(link.busyNsUntil(60 * MS)).toBeCloseTo((8 / 9) * 60 * MS, 3)
  })

  it("a long saturated run delivers exactly the trace's mean capacity", () => {
    // A random trace: 400 opportunities, gaps of 0–9 ms (repeats included), the first at 0.
    const rng = new RandomSource(5).stream("trace")
    const opportunitiesMs = [0]
    for (let i = 1; i < 400; i++) opportunitiesMs.push(opportunitiesMs[i - 1]! + Math.floor(rng.nextFloat() * 10))
    const trace = { opportunitiesMs }
    const periodMs = opportunitiesMs.at(-1)!
    const { sim, link, arrived } = traceLink(trace)
    const cycles = 20
    for (let i = 0; i < cycles * opportunitiesMs.length + 50; i++) link.receive(new TestPacket(1500)) // never runs dry
    sim.runUntil(cycles * periodMs * MS)
    // In (0, k·period] lie k·n opportunities: the one(s) at 0 are missed, the same number at k·period taken.
    expect(arrived).toHaveLength(cycles * opportunitiesMs.length)
    const rateBps = (arrived.length * 1500 * 8) / (cycles * periodMs * 1e-3)
    expect(rateBps).toBeCloseTo(traceMeanRateBps(trace), 6)
    expect(link.busyNs / sim.nowNs).toBe(1)
  })
})
