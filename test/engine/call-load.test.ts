import { describe, expect, it } from "vitest"
import { simulate } from "../../src/engine/simulate.ts"
import { formatReportJson } from "../../src/report/format-json.ts"
import { scenarioFrom } from "./scenario-text.ts"

// 1,800 calls an hour holding 20 s on average: 10 Erlangs offered to 15 trunks, for which Erlang B
// gives 3.65 % blocking. Over the hour about 1,800 calls arrive; the blocking estimate's standard
// error is then about 0.45 % (plus the start from idle trunks, which lowers it a little), so
// ±2 points still tells 15 trunks from 13 (9.0 %) or 18 (0.7 %).
const load = (trunks: number, seed = 3) =>
  scenarioFrom(`
name: load
seed: ${seed}
duration: 1h
nodes: [{ id: pbx, kind: pbx }, { id: sbc, kind: sbc }]
links:
  - { id: trunk, between: [pbx, sbc], bandwidth: 10Mbit/s, delay: 5ms }
calls:
  - { id: fixed, from: pbx, to: sbc, codec: G.711u, ptime: 40ms, duration: 10s }
loads:
  - { id: office, callsPerHour: 1800, holding: 20s, trunks: ${trunks}, call: { from: pbx, to: sbc, codec: G.711u, ptime: 40ms } }
`)

describe("call loads", () => {
  const report = simulate(load(15))
  const office = report.loads![0]!

  it("block as Erlang B predicts for the offered traffic", () => {
    expect(office.offeredErlangs).toBe(10)
    expect(office.erlangBPercent).toBeCloseTo(3.65, 2)
    expect(office.callsOffered).toBeGreaterThan(1650)
    expect(office.callsOffered).toBeLessThan(1950)
    expect(Math.abs(office.blockingPercent - 3.65)).toBeLessThan(2)
    expect(Math.abs(office.carriedErlangs - 10 * (1 - 0.0365))).toBeLessThan(0.6)
  })

  it("summarize their calls instead of listing them, and score them", () => {
    expect(report.calls.map((c) => c.id)).toEqual(["fixed"])
    // Every admitted call sends both ways on a clean link: G.711 at 40 ms + 60 ms of buffer.
    expect(office.mos.streams).toBeGreaterThan(2 * 0.9 * (office.callsOffered - office.callsBlocked))
    expect(office.mos.min!).toBeGreaterThan(4.2)
    // The admitted calls' packets are on the link: 10 Erlangs of 40 ms G.711 (360 B IP, 25/s).
    const expectedBps = 10 * (1 - 0.0365) * 25 * 360 * 8
    const carried = report.links[0]!.utilization * report.links[0]!.bandwidthBps
    expect(Math.abs(carried - expectedBps) / expectedBps).toBeLessThan(0.1)
  })

  it("block more with fewer trunks, and are reproducible", () => {
    expect(simulate(load(12)).loads![0]!.blockingPercent).toBeGreaterThan(office.blockingPercent + 3)
    expect(formatReportJson(simulate(load(15)))).toBe(formatReportJson(report))
    expect(simulate(load(15, 4)).loads![0]!.callsOffered).not.toBe(office.callsOffered)
  })
})
