import { describe, expect, it } from "vitest"
import { AsteriskDelayHistory } from "../../src/jitter/asterisk-delay-history.ts"

describe("Asterisk delay history", () => {
  // 100 delays, 3 % dropped at each end: index ⌊100·3/100⌋ = 3, the 4th lowest and 4th highest.
  it("drops the extreme percent at both ends", () => {
    const h = new AsteriskDelayHistory(100, 3, 4)
    for (let d = 0; d < 100; d++) h.put((d * 37) % 100) // 0–99 in a scrambled order
    h.get()
    expect([h.minNs, h.jitterNs]).toEqual([3, 96 - 3])
  })

  // The ring keeps the last 100: after 0–99 in order and ten 50s, 0–9 are gone; lowest left 10, 11, 12, 13.
  it("forgets the oldest delays", () => {
    const h = new AsteriskDelayHistory(100, 3, 4)
    for (let d = 0; d < 100; d++) h.put(d)
    h.get()
    for (let i = 0; i < 10; i++) h.put(50)
    h.get()
    expect([h.minNs, h.jitterNs]).toEqual([13, 96 - 13])
  })

  it("with few delays, takes the extremes themselves (index 0)", () => {
    const h = new AsteriskDelayHistory(500, 3, 4)
    h.put(7)
    h.get()
    expect([h.minNs, h.jitterNs]).toEqual([7, 0])
    h.put(30)
    h.get()
    expect([h.minNs, h.jitterNs]).toEqual([7, 23])
    h.reset()
    h.put(5)
    h.get()
    expect([h.minNs, h.jitterNs]).toEqual([5, 0])
  })

  // 500 delays: index 15. Fifteen outliers are dropped; a sixteenth counts.
  it("with the default 500 delays, ignores up to 15 outliers", () => {
    const h = new AsteriskDelayHistory(500, 3, 4)
    for (let i = 0; i < 485; i++) h.put(0)
    for (let i = 0; i < 15; i++) h.put(100)
    h.get()
    expect(h.jitterNs).toBe(0)
    h.put(100) // pushes out a 0
    h.get()
    expect(h.jitterNs).toBe(100)
  })
})
