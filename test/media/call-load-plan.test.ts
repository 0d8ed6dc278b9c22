import { describe, expect, it } from "vitest"
import { exponential } from "../../sim/distributions.ts"
import { RandomSource } from "../../sim/random.ts"
import { NS_PER_S } from "../../sim/time.ts"
import { planCallLoad } from "../../src/media/call-load-plan.ts"
import { erlangB } from "../../src/planning/erlang.ts"

const HOUR = 3600 * NS_PER_S

describe("planning a call load", () => {
  // 10 E offered to 15 trunks: Erlang B gives 3.65 % blocking. 200 h at 100 calls/h is 20,000
  // calls; the blocking estimate's standard error is then about 0.0013 at most (batch
  // correlation included), so 0.006 is more than four of them.
  const settings = { callsPerHour: 100, holdingNs: exponential(360 * NS_PER_S), channels: 15 }
  const plan = planCallLoad(settings, new RandomSource(21).stream("load"), 0, 200 * HOUR, 200 * HOUR)

  it("blocks as Erlang B predicts and carries A(1 − B)", () => {
    const blocking = plan.blocked / plan.offered
    expect(Math.abs(blocking - erlangB(10, 15))).toBeLessThan(0.006)
    expect(plan.offeredErlangs).toBeCloseTo(10, 10)
    expect(Math.abs(plan.carriedErlangs - 10 * (1 - erlangB(10, 15)))).toBeLessThan(0.25)
    expect(plan.calls.length).toBe(plan.offered - plan.blocked)
  })

  it("never has more calls up than channels, and each call keeps its channel to itself", () => {
    const busyUntil = new Float64Array(15)
    for (const call of plan.calls) {
      expect(call.startNs).toBeGreaterThanOrEqual(busyUntil[call.channel]!)
      busyUntil[call.channel] = call.startNs + call.holdingNs
    }
  })

  it("is the same for the same stream and differs for another", () => {
    const again = planCallLoad(settings, new RandomSource(21).stream("load"), 0, 2 * HOUR, 2 * HOUR)
    const other = planCallLoad(settings, new RandomSource(22).stream("load"), 0, 2 * HOUR, 2 * HOUR)
    expect(again.calls.slice(0, 50)).toEqual(plan.calls.slice(0, 50))
    expect(other.calls.slice(0, 5)).not.toEqual(plan.calls.slice(0, 5))
  })
})
