import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { LogHistogram, RandomSource, exponential, lognormal, pareto, portableExp, portableLog, uniform } from "../../sim/index.ts"
import type { Distribution } from "../../sim/index.ts"

const QUANTILES = [0, 0.001, 0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99, 0.999, 1]

/** The documented rank convention: 0-based rank floor(q·(n−1)) of the sorted values. */
function exactQuantile(sorted: Float64Array, q: number): number {
  return sorted[Math.floor(q * (sorted.length - 1))]!
}

function expectWithinRelative(estimate: number, exact: number, alpha: number): void {
  // 1e-12 absorbs the rounding of γ^i itself.
  expect(Math.abs(estimate - exact)).toBeLessThanOrEqual(alpha * exact * (1 + 1e-12))
}

describe("LogHistogram (DDSketch-style)", () => {
  const sources: [string, Distribution][] = [
    ["uniform(0, 1000)", uniform(0, 1000)],
    ["exponential(20 ms in ns)", exponential(20e6)],
    ["lognormal(0, 3) spanning many decades", lognormal(0, 3)],
    ["pareto(1, 1.1) heavy tail", pareto(1, 1.1)],
  ]
  for (const alpha of [0.01, 0.001]) {
    for (const [name, dist] of sources) {
      it(`quantiles within α=${alpha} of the exact sorted quantile: ${name}`, () => {
        const rng = new RandomSource(31).stream(name)
        const h = new LogHistogram({ relativeAccuracy: alpha })
        const xs = new Float64Array(50_000)
        for (let i = 0; i < xs.length; i++) {
          xs[i] = dist.sample(rng)
          h.add(xs[i]!)
        }
        const sorted = Float64Array.from(xs).sort()
        expect(h.count).toBe(xs.length)
        expect(h.min).toBe(sorted[0])
        expect(h.max).toBe(sorted[sorted.length - 1])
        for (const q of QUANTILES) expectWithinRelative(h.quantile(q), exactQuantile(sorted, q), alpha)
      })
    }
  }

  it("property: any positive data within [minValue, maxValue] meets the accuracy bound", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 1e-6, max: 1e12, noNaN: true }), { minLength: 1, maxLength: 400, size: "max" }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (values, q) => {
          const h = new LogHistogram()
          for (const v of values) h.add(v)
          const sorted = Float64Array.from(values).sort()
          expectWithinRelative(h.quantile(q), exactQuantile(sorted, q), 0.01)
        },
      ),
    )
  })

  it("rank convention on a small sample", () => {
    const h = new LogHistogram({ relativeAccuracy: 1e-4 })
    for (const v of [5, 1, 4, 2, 3]) h.add(v)
    // n = 5: rank floor(q·4).
    expect(h.quantile(0)).toBe(1)
    expect(h.quantile(0.24)).toBeCloseTo(1, 3)
    expect(h.quantile(0.25)).toBeCloseTo(2, 3)
    expect(h.quantile(0.5)).toBeCloseTo(3, 3)
    expect(h.quantile(0.99)).toBeCloseTo(4, 3)
    expect(h.quantile(1)).toBe(5)
  })

  it("zeros and values outside [minValue, maxValue] are counted and reported as the exact min / max", () => {
    const h = new LogHistogram({ minValue: 1, maxValue: 1000 })
    for (const v of [0, 0, 0.5, 10, 100, 5000, 7000]) h.add(v)
    expect(h.count).toBe(7)
    expect(h.quantile(0)).toBe(0)
    expect(h.quantile(2 / 6)).toBe(0) // rank 2: 0.5 shares the below-range bucket, reported as min
    expectWithinRelative(h.quantile(3 / 6), 10, 0.01)
    expect(h.quantile(5 / 6)).toBe(7000) // above range: reported as max
    expect(h.sum).toBe(12110.5)
    expect(h.mean).toBeCloseTo(12110.5 / 7, 12)
  })

  it("merge equals adding everything to one histogram", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1e9, noNaN: true }), { maxLength: 300, size: "max" }),
        fc.array(fc.double({ min: 0, max: 1e9, noNaN: true }), { maxLength: 300, size: "max" }),
        (a, b) => {
          const ha = new LogHistogram()
          const hb = new LogHistogram()
          const all = new LogHistogram()
          for (const v of a) {
            ha.add(v)
            all.add(v)
          }
          for (const v of b) {
            hb.add(v)
            all.add(v)
          }
          ha.merge(hb)
          expect(ha.count).toBe(all.count)
          expect(ha.min).toBe(all.min)
          expect(ha.max).toBe(all.max)
          for (const q of QUANTILES) expect(ha.quantile(q)).toBe(all.quantile(q))
        },
      ),
    )
  })

  it("rejects bad input", () => {
    const h = new LogHistogram()
    expect(h.quantile(0.5)).toBeNaN()
    expect(h.min).toBeNaN()
    expect(() => h.add(-1)).toThrow(RangeError)
    expect(() => h.add(NaN)).toThrow(RangeError)
    expect(() => h.quantile(1.5)).toThrow(RangeError)
    expect(() => h.quantile(-0.1)).toThrow(RangeError)
    expect(() => h.merge(new LogHistogram({ relativeAccuracy: 0.02 }))).toThrow(RangeError)
    expect(() => new LogHistogram({ relativeAccuracy: 0 })).toThrow(RangeError)
    expect(() => new LogHistogram({ relativeAccuracy: 1 })).toThrow(RangeError)
    expect(() => new LogHistogram({ minValue: 0 })).toThrow(RangeError)
    expect(() => new LogHistogram({ minValue: 10, maxValue: 1 })).toThrow(RangeError)
  })
})

describe("LogHistogram buckets do not depend on the engine's Math.log", () => {
  it("a Math.log that is off in the last bits puts every value in the same bucket", () => {
    // Values on and right next to the bucket bounds γ^i (α = 1 %), where a wobble in log() matters.
    const gamma = 1.01 / 0.99
    const values = Array.from({ length: 3000 }, (_, i) => gamma ** (i - 1000)).flatMap((b) => [b * (1 - 2e-16), b, b * (1 + 2e-16)])
    const fill = () => {
      const h = new LogHistogram()
      for (const v of values) h.add(v)
      return Array.from({ length: 101 }, (_, i) => h.quantile(i / 100))
    }
    const reference = fill()
    const nativeLog = Math.log
    try {
      for (const wobble of [1 + 1e-15, 1 - 1e-15]) {
        Math.log = (x: number) => nativeLog(x) * wobble
        expect(fill()).toEqual(reference)
      }
    } finally {
      Math.log = nativeLog
    }
  })
})

describe("LogHistogram bucket lookup", () => {
  // Reference: bucket k ≥ 1 holds (γ^(i−1), γ^i] for i = minIndex + k − 1, with the portable bounds;
  // add() finds it from the double's bits and a table instead. Two values share a bucket iff
  // quantile estimates agree, so compare the internal counts with a brute-force placement.
  const reference = (alpha: number, minValue: number, maxValue: number, x: number, buckets: number): number => {
    const logGamma = portableLog((1 + alpha) / (1 - alpha))
    const minIndex = Math.ceil(portableLog(minValue) / logGamma)
    if (x < minValue) return 0
    if (x > maxValue) return buckets - 1
    let k = 1
    while (k < buckets - 2 && x > portableExp((minIndex + k - 1) * logGamma)) k++
    return k
  }
  for (const [alpha, minValue, maxValue] of [
    [0.01, 1e3, 1e12], // the delay histograms
    [0.01, 1e-9, 1e15], // the defaults
    [0.4, 1, 1e6], // coarse: cells of a whole binade
    [0.001, 1, 1e4], // fine: several steps past the table's guess
  ] as const) {
    it(`puts every value where the portable bounds say: α=${alpha}, [${minValue}, ${maxValue}]`, () => {
      const logGamma = portableLog((1 + alpha) / (1 - alpha))
      const rng = new RandomSource(3).stream(`lookup ${alpha}`)
      const values: number[] = []
      // Bucket bounds and their neighbours, powers of two and their neighbours, integers, random values.
      for (let i = Math.ceil(portableLog(minValue) / logGamma) - 2; values.length < 3000; i += 7) {
        const b = portableExp(i * logGamma)
        values.push(b, b * (1 - 2e-16), b * (1 + 2e-16), Math.round(b))
      }
      for (let e = -30; e < 50; e++) values.push(2 ** e, 2 ** e * (1 - 2e-16), 2 ** e * (1 + 2e-16))
      for (let i = 0; i < 3000; i++) values.push(minValue * (maxValue / minValue) ** rng.nextFloat(), Math.floor(rng.nextFloat() * 2 ** 31))
      const h = new LogHistogram({ relativeAccuracy: alpha, minValue, maxValue })
      const data = (h as unknown as { data: Float64Array }).data
      const buckets = data.length - 4
      const expected = new Float64Array(buckets)
      for (const x of values) {
        h.add(x)
        expected[reference(alpha, minValue, maxValue, x, buckets)]!++
      }
      expect(Array.from(data.subarray(4))).toEqual(Array.from(expected))
    })
  }
})
