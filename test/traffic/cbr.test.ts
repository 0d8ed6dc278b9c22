import { describe, expect, it } from "vitest"
import { Simulator } from "../../sim/simulator.ts"
import { CbrSource } from "../../src/traffic/cbr.ts"
import { fixedSize } from "../../src/traffic/packet-size.ts"
import { directDeps, Recorder } from "./helpers.ts"

const MS = 1e6

describe("CBR source", () => {
  it("64 kbit/s of 200-byte packets: one every 25 ms exactly, from the start time", () => {
    const sim = new Simulator()
    const rec = new Recorder()
    const src = new CbrSource(directDeps(sim, rec), { dscp: 46, sizes: fixedSize(200), rateBps: 64_000 })
    src.start(1000 * MS)
    sim.runUntil(2000 * MS - 1)
    expect(rec.timesNs).toEqual(Array.from({ length: 40 }, (_, k) => 1000 * MS + 25 * MS * k))
    expect(src.bytesSent).toBe(40 * 200)
  })

  it("a non-integer gap never drifts: packet k at round(k · 8000/3 µs), packet 3000 at exactly 8 s", () => {
    const sim = new Simulator()
    const rec = new Recorder()
    const src = new CbrSource(directDeps(sim, rec), { dscp: 0, sizes: fixedSize(1000), rateBps: 3e6 })
    src.start(0)
    sim.runUntil(8000 * MS)
    expect(rec.timesNs).toHaveLength(3001)
    rec.timesNs.forEach((t, k) => expect(t).toBe(Math.round((k * 8e12) / 3e6)))
    expect(rec.timesNs[3000]).toBe(8000 * MS)
  })

  it("a rate change keeps the fraction of the gap still to wait; stop ends it", () => {
    // 1000 B at 1 Mbit/s: 8 ms gaps. At 20 ms half a gap is left; at 2 Mbit/s that is 2 ms, then 4 ms gaps.
    const sim = new Simulator()
    const rec = new Recorder()
    const src = new CbrSource(directDeps(sim, rec), { dscp: 0, sizes: fixedSize(1000), rateBps: 1e6 })
    src.start(0)
    src.setRate(20 * MS, 2e6)
    src.stop(40 * MS)
    sim.runUntil(100 * MS)
    expect(rec.timesNs).toEqual([0, 8, 16, 22, 26, 30, 34, 38].map((t) => t * MS))
    expect(src.meanRateBps).toBe(2e6)
  })

  it("a pause (scale 0) holds the phase: 3 ms left at the pause are waited after the resume", () => {
    const sim = new Simulator()
    const rec = new Recorder()
    const src = new CbrSource(directDeps(sim, rec), { dscp: 0, sizes: fixedSize(1000), rateBps: 1e6 })
    src.start(0)
    src.setRateScale(5 * MS, 0)
    src.setRateScale(100 * MS, 1)
    sim.runUntil(120 * MS)
    expect(rec.timesNs).toEqual([0, 103, 111, 119].map((t) => t * MS))
  })
})
