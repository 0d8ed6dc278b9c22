import { describe, expect, it } from "vitest"
import { RandomSource } from "../../../sim/random.ts"
import { CorrelatedUniform } from "../../../src/network/netem/correlated-uniform.ts"

const N = 200_000
const stream = (seed: number) => new RandomSource(seed).stream("crandom")

/** Sample mean, variance and lag-1 autocorrelation of `n` values. */
const moments = (next: () => number, n: number) => {
  const xs = Float64Array.from({ length: n }, next)
  const mean = xs.reduce((a, b) => a + b, 0) / n
  let s2 = 0
  let lag = 0
  for (let i = 0; i < n; i++) {
    const d = xs[i]! - mean
    s2 += d * d
    if (i > 0) lag += d * (xs[i - 1]! - mean)
  }
  return { mean, variance: s2 / n, lag1: lag / s2 }
}

describe("netem get_crandom: next = (1 − ρ)·u + ρ·last", () => {
  it("with ρ = 0 it is the stream's own uniforms", () => {
    const reference = stream(41)
    const draw = new CorrelatedUniform(0, stream(41))
    for (let i = 0; i < 100; i++) expect(draw.next()).toBe(reference.nextFloat())
  })

  it("is an AR(1): mean 1/2, variance (1−ρ)/(12(1+ρ)), lag-1 autocorrelation ρ", () => {
    const rho = 0.6
    const draw = new CorrelatedUniform(rho, stream(42))
    const m = moments(() => draw.next(), N)
    // Var(mean) = (1/12)(1−ρ)/(1+ρ)·(1+ρ)/(1−ρ)/n = 1/(12n); var(lag-1 estimate) ≈ (1−ρ²)/n;
    // relative var(variance estimate) ≤ 2(1+ρ²)/((1−ρ²)n) (Bartlett, Gaussian AR(1); uniform tails are lighter).
    expect(Math.abs(m.mean - 0.5)).toBeLessThan(5 * Math.sqrt(1 / (12 * N)))
    const relativeSd = Math.sqrt((2 * (1 + rho * rho)) / ((1 - rho * rho) * N))
    expect(Math.abs(m.variance / ((1 - rho) / (12 * (1 + rho))) - 1)).toBeLessThan(5 * relativeSd)
    expect(Math.abs(m.lag1 - rho)).toBeLessThan(5 * Math.sqrt((1 - rho * rho) / N))
  })

  it("with ρ = 1 repeats its first value forever, like netem's rho = ~0", () => {
    const draw = new CorrelatedUniform(1, stream(43))
    const first = draw.next()
    for (let i = 0; i < 10; i++) expect(draw.next()).toBe(first)
  })

  it("rejects a correlation outside [0, 1]", () => {
    expect(() => new CorrelatedUniform(1.5, stream(1))).toThrow(RangeError)
    expect(() => new CorrelatedUniform(Number.NaN, stream(1))).toThrow(RangeError)
  })
})
