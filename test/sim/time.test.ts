import { describe, expect, it } from "vitest"
import { NS_PER_MS, NS_PER_S, NS_PER_US, isValidTimeNs, msToNs, nsToMs, nsToSeconds, nsToUs, secondsToNs, usToNs } from "../../sim/index.ts"

describe("time conversions", () => {
  it("constants", () => {
    expect([NS_PER_US, NS_PER_MS, NS_PER_S]).toEqual([1e3, 1e6, 1e9])
  })

  it("to nanoseconds rounds to an integer", () => {
    expect(msToNs(20)).toBe(20_000_000)
    expect(msToNs(1.5)).toBe(1_500_000)
    expect(msToNs(0.1)).toBe(100_000) // 0.1 · 1e6 is 100000.00000000001 in binary
    expect(msToNs(0.0000004)).toBe(0)
    expect(msToNs(0.0000006)).toBe(1)
    expect(secondsToNs(1)).toBe(1_000_000_000)
    expect(secondsToNs(0.3)).toBe(300_000_000)
    expect(secondsToNs(86_400 * 100)).toBe(8.64e15)
    expect(usToNs(2.5)).toBe(2500)
    for (const f of [msToNs, secondsToNs, usToNs]) expect(Number.isInteger(f(Math.PI))).toBe(true)
  })

  it("from nanoseconds is exact division", () => {
    expect(nsToMs(1_500_000)).toBe(1.5)
    expect(nsToSeconds(2_500_000_000)).toBe(2.5)
    expect(nsToUs(1500)).toBe(1.5)
  })

  it("valid simulated times are non-negative safe integers", () => {
    expect(isValidTimeNs(0)).toBe(true)
    expect(isValidTimeNs(Number.MAX_SAFE_INTEGER)).toBe(true)
    for (const bad of [-1, 0.5, 2 ** 53, Infinity, NaN]) expect(isValidTimeNs(bad)).toBe(false)
  })
})
