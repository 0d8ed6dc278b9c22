import { describe, expect, it } from "vitest"
import { NetEqArrivalHistory } from "../../src/jitter/neteq-arrival-history.ts"

describe("NetEq packet arrival history", () => {
  // (rtp, arrival) in ms; transit = arrival − rtp: 10, 10, 40, 50. Delays are beyond the least transit (10).
  it("measures each packet's delay beyond the fastest in the window", () => {
    const h = new NetEqArrivalHistory(2000)
    h.insert(0, 10)
    h.insert(20, 30)
    h.insert(40, 80)
    h.insert(1000, 1050)
    expect([h.delayNs(40, 80), h.delayNs(1000, 1050), h.delayNs(20, 30)]).toEqual([30, 40, 0])
    // rtp 2030 pushes out rtp 0 and 20 (0 + 2000 and 20 + 2000 < 2030), the fastest: now 40 is least.
    h.insert(2030, 2070)
    expect(h.size).toBe(3)
    expect([h.delayNs(2030, 2070), h.delayNs(1000, 1050)]).toEqual([0, 10])
  })

  it("tells a reordered packet: one whose timestamp is not the newest", () => {
    const h = new NetEqArrivalHistory(2000)
    h.insert(40, 50)
    expect(h.isNewest(40)).toBe(true)
    h.insert(20, 55)
    expect(h.isNewest(20)).toBe(false)
  })

  it("never reports a negative delay", () => {
    const h = new NetEqArrivalHistory(2000)
    h.insert(0, 50)
    expect(h.delayNs(20, 60)).toBe(0) // faster than any in the window
  })
})
