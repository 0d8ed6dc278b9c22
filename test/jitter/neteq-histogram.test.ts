import { describe, expect, it } from "vitest"
import { NetEqHistogram } from "../../src/jitter/neteq-histogram.ts"

describe("NetEq delay histogram", () => {
  // After a reset the buckets are 0.5, 0.25, 0.125, 0.0625, 0.03125, …: the probability above
  // bucket 3 is 0.0625 > 0.05, above bucket 4 it is 0.03125 ≤ 0.05: the 95 % quantile is bucket 4.
  it("starts from an exponential distribution", () => {
    const h = new NetEqHistogram(100, 0.983, 2)
    expect([h.probability(0), h.probability(4)]).toEqual([0.5, 0.03125])
    expect(h.quantile(0.95)).toBe(4)
  })

  // Forget factor f: 0 for the first two samples (1 − 2/(1+1) = 0), then 1 − 2/(n+1): 1/3, 1/2, 3/5, …
  // add(3): all mass on 3. add(1): all on 1. add(5) with f = 1/3: b1 = 1/3, b5 = 2/3.
  // add(1) with f = 1/2: b1 = 1/6 + 1/2 = 2/3, b5 = 1/3.
  it("forgets fast at first, then at the start weight's pace", () => {
    const h = new NetEqHistogram(100, 0.983, 2)
    h.add(3)
    expect([h.quantile(0.95), h.probability(3), h.forgetFactor]).toEqual([3, 1, 0])
    h.add(1)
    expect([h.quantile(0.95), h.forgetFactor]).toEqual([1, 1 - 2 / 3])
    h.add(5)
    expect(h.probability(1)).toBeCloseTo(1 / 3, 15)
    expect(h.probability(5)).toBeCloseTo(2 / 3, 15)
    expect(h.quantile(0.95)).toBe(5)
    expect(h.quantile(0.3)).toBe(1) // probability above bucket 1 is 2/3 ≤ 0.7
    h.add(1)
    expect(h.probability(1)).toBeCloseTo(2 / 3, 15)
    expect(h.forgetFactor).toBeCloseTo(3 / 5, 15)
  })

  // 1 − 2/(n+1) reaches 0.983 at n = 117 (1 − 2/118 = 0.98305): from then on, f = 0.983.
  it("settles at its base forget factor", () => {
    const h = new NetEqHistogram(100, 0.983, 2)
    for (let n = 0; n < 116; n++) h.add(0)
    expect(h.forgetFactor).toBeCloseTo(1 - 2 / 117, 15)
    h.add(0)
    expect(h.forgetFactor).toBe(0.983)
  })
})
