import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { RunningStats } from "../../sim/index.ts"

function statsOf(xs: readonly number[]): RunningStats {
  const s = new RunningStats()
  for (const x of xs) s.add(x)
  return s
}

/** Exact sample variance of integers with BigInt: (nΣx² − (Σx)²) / (n(n−1)). */
function exactVariance(xs: readonly number[]): number {
  const n = BigInt(xs.length)
  let sum = 0n
  let sumSquares = 0n
  for (const x of xs) {
    sum += BigInt(x)
    sumSquares += BigInt(x) * BigInt(x)
  }
  const numerator = n * sumSquares - sum * sum
  const denominator = n * (n - 1n)
  // Split into integer and fractional parts to keep precision beyond 2^53.
  const whole = numerator / denominator
  return Number(whole) + Number(numerator - whole * denominator) / Number(denominator)
}

describe("RunningStats (Welford)", () => {
  it("empty and single-observation conventions", () => {
    const s = new RunningStats()
    expect(s.count).toBe(0)
    expect(s.mean).toBeNaN()
    expect(s.variance).toBe(0)
    expect(s.stddev).toBe(0)
    expect(s.min).toBeNaN()
    expect(s.max).toBeNaN()
    expect(s.sum).toBe(0)
    s.add(-3.5)
    expect([s.count, s.mean, s.variance, s.min, s.max, s.sum]).toEqual([1, -3.5, 0, -3.5, -3.5, -3.5])
  })

  it("matches the textbook example 2, 4, 4, 4, 5, 5, 7, 9", () => {
    const s = statsOf([2, 4, 4, 4, 5, 5, 7, 9])
    expect(s.mean).toBe(5)
    expect(s.populationVariance).toBe(4)
    expect(s.variance).toBeCloseTo(32 / 7, 14)
    expect(s.min).toBe(2)
    expect(s.max).toBe(9)
  })

  it("integers: mean and variance match exact BigInt arithmetic", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1_000_000, max: 1_000_000 }), { minLength: 2, maxLength: 300, size: "max" }), (xs) => {
        const s = statsOf(xs)
        const exactMean = Number(xs.reduce((a, x) => a + BigInt(x), 0n)) / xs.length
        expect(s.count).toBe(xs.length)
        expect(Math.abs(s.mean - exactMean)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(exactMean)))
        const v = exactVariance(xs)
        expect(Math.abs(s.variance - v)).toBeLessThanOrEqual(1e-9 * Math.max(1, v))
        expect(s.stddev).toBeCloseTo(Math.sqrt(s.variance), 12)
        expect(s.min).toBe(Math.min(...xs))
        expect(s.max).toBe(Math.max(...xs))
        expect(s.sum).toBe(xs.reduce((a, x) => a + x, 0))
      }),
    )
  })

  it("doubles with a large offset: matches the two-pass algorithm (no catastrophic cancellation)", () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e9, max: 1e9, noNaN: true }),
        fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: 2, maxLength: 300, size: "max" }),
        (offset, deltas) => {
          const xs = deltas.map((d) => offset + d)
          const s = statsOf(xs)
          const mean = xs.reduce((a, x) => a + x, 0) / xs.length
          const twoPass = xs.reduce((a, x) => a + (x - mean) ** 2, 0) / (xs.length - 1)
          // Each method may accumulate up to n rounding errors of ε·|x| in the mean. A mean error e
          // shifts each squared deviation (x − m)² by about 2·e·|x − m| + e², so the variance error
          // is of relative order nε plus those terms.
          const meanError = xs.length * Number.EPSILON * (Math.abs(offset) + 1)
          const spread = Math.max(...xs.map((x) => Math.abs(x - mean)))
          expect(Math.abs(s.mean - mean)).toBeLessThanOrEqual(2 * meanError)
          expect(Math.abs(s.variance - twoPass)).toBeLessThanOrEqual(
            1e-7 * twoPass + 4 * meanError * meanError + 4 * meanError * spread,
          )
          expect(s.min).toBe(Math.min(...xs))
          expect(s.max).toBe(Math.max(...xs))
        },
      ),
    )
  })

  it("merge equals adding every observation to one accumulator", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -1000, max: 1000 }), { maxLength: 200, size: "max" }),
        fc.array(fc.integer({ min: -1000, max: 1000 }), { maxLength: 200, size: "max" }),
        (a, b) => {
          const merged = statsOf(a)
          merged.merge(statsOf(b))
          const all = [...a, ...b]
          expect(merged.count).toBe(all.length)
          if (all.length === 0) {
            expect(merged.mean).toBeNaN()
            return
          }
          const exactMean = all.reduce((acc, x) => acc + x, 0) / all.length
          expect(Math.abs(merged.mean - exactMean)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(exactMean)))
          if (all.length > 1) {
            const v = exactVariance(all)
            expect(Math.abs(merged.variance - v)).toBeLessThanOrEqual(1e-9 * Math.max(1, v))
          }
          expect(merged.min).toBe(Math.min(...all))
          expect(merged.max).toBe(Math.max(...all))
          expect(merged.sum).toBe(all.reduce((acc, x) => acc + x, 0))
        },
      ),
    )
  })
})
