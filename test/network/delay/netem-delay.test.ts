import { describe, expect, it } from "vitest"
import { RandomSource } from "../../../sim/random.ts"
import { makeDelayModel } from "../../../src/network/delay/make-delay-model.ts"
import type { DelayDistribution, DelaySpec } from "../../../src/network/impairment-spec.ts"
import { C, normalCdf, paretoMoments, paretoNormalMoments } from "./netem-theory.ts"

const N = 200_000
const MS = 1_000_000
const D = 100 * MS
const J = 20 * MS

const sample = (spec: DelaySpec, seed: number, n = N): Float64Array => {
  const model = makeDelayModel(spec, new RandomSource(seed).stream("delay"))
  return Float64Array.from({ length: n }, () => model.sampleNs())
}

const stats = (xs: Float64Array) => {
  const n = xs.length
  const mean = xs.reduce((a, b) => a + b, 0) / n
  let s2 = 0
  let lag = 0
  for (let i = 0; i < n; i++) {
    const d = xs[i]! - mean
    s2 += d * d
    if (i > 0) lag += d * (xs[i - 1]! - mean)
  }
  return { mean, sd: Math.sqrt(s2 / n), lag1: lag / s2 }
}

/**
 * Analytic mean and sd of t for each shape, with `kurtosisBound` ≥ E[(t−μ)⁴]/σ⁴ for the
 * tolerance on the sample sd: its relative standard error is ≈ √((κ − 1)/(4n)).
 */
const THEORY: Record<DelayDistribution, { mean: number; sd: number; kurtosisBound: number }> = {
  uniform: { mean: 0, sd: 1 / Math.sqrt(3), kurtosisBound: 1.8 }, // uniform on [−1, 1)
  normal: { mean: 0, sd: 1, kurtosisBound: 3 }, // the table's ±4 clamp changes the sd by ≈ 6e-5
  // Bounded: |t − μ| ≤ C + 1, so κ ≤ (C + 1)²/σ².
  pareto: { ...paretoMoments(), kurtosisBound: (C + 1) ** 2 / paretoMoments().sd ** 2 },
  paretonormal: { ...paretoNormalMoments(), kurtosisBound: (C + 1) ** 2 / paretoNormalMoments().sd ** 2 },
}

describe("netem delay: D + J·t with t from the distribution's table shape", () => {
  it("the test's closed forms: netem's pareto has mean −0.0329 and sd 0.8209; paretonormal −0.0247 and 0.8349", () => {
    expect(normalCdf(1)).toBeCloseTo(0.841344746068543, 6) // the erfc fit itself
    expect(normalCdf(-2)).toBeCloseTo(0.0227501319481792, 6)
    expect(THEORY.pareto.mean).toBeCloseTo(-0.0329232, 6)
    expect(THEORY.pareto.sd).toBeCloseTo(0.8208547, 6)
    // paretonormal's mean is 3/4 of pareto's (E[normal part] = 0): a check on the quadrature.
    expect(THEORY.paretonormal.mean).toBeCloseTo(0.75 * THEORY.pareto.mean, 5)
    expect(THEORY.paretonormal.sd).toBeCloseTo(0.834936, 4)
  })

  it.each(["uniform", "normal", "pareto", "paretonormal"] as const)("%s: mean D + J·E[t] and sd J·sd(t)", (distribution) => {
    const theory = THEORY[distribution]
    const s = stats(sample({ delayNs: D, jitterNs: J, correlation: 0, distribution }, 51))
    expect(Math.abs(s.mean - (D + J * theory.mean))).toBeLessThan((5 * J * theory.sd) / Math.sqrt(N))
    expect(Math.abs(s.sd / (J * theory.sd) - 1)).toBeLessThan(5 * Math.sqrt((theory.kurtosisBound - 1) / (4 * N)))
    expect(Math.abs(s.lag1)).toBeLessThan(5 / Math.sqrt(N)) // independent draws
  })

  it("uniform stays within [D − J, D + J]; the tables' shapes within [D − 4J, D + C·J]", () => {
    const uniform = sample({ delayNs: D, jitterNs: J, correlation: 0, distribution: "uniform" }, 52, 50_000)
    expect(Math.min(...uniform)).toBeGreaterThanOrEqual(D - J)
    expect(Math.max(...uniform)).toBeLessThanOrEqual(D + J)
    for (const distribution of ["normal", "pareto", "paretonormal"] as const) {
      const xs = sample({ delayNs: D, jitterNs: J, correlation: 0, distribution }, 53, 50_000)
      expect(Math.min(...xs)).toBeGreaterThanOrEqual(D - 4 * J)
      expect(Math.max(...xs)).toBeLessThanOrEqual(Math.round(D + C * J))
    }
    // Pareto's smallest value is (4/3)(1 − 3/2) = −2/3.
    const pareto = sample({ delayNs: D, jitterNs: J, correlation: 0, distribution: "pareto" }, 54, 50_000)
    expect(Math.min(...pareto)).toBeGreaterThanOrEqual(Math.round(D - (2 / 3) * J))
  })

  it("uniform with correlation ρ: lag-1 autocorrelation ρ, mean D, sd (J/√3)·√((1−ρ)/(1+ρ))", () => {
    const rho = 0.5
    const s = stats(sample({ delayNs: D, jitterNs: J, correlation: rho, distribution: "uniform" }, 55))
    // t is affine in netem's AR(1) uniform, so it inherits its autocorrelation ρ and variance (1−ρ)/(12(1+ρ))·4.
    const sd = (J / Math.sqrt(3)) * Math.sqrt((1 - rho) / (1 + rho))
    expect(Math.abs(s.lag1 - rho)).toBeLessThan(5 * Math.sqrt((1 - rho * rho) / N))
    expect(Math.abs(s.mean - D)).toBeLessThan((5 * J) / Math.sqrt(3 * N)) // Var(mean) = sd²(1+ρ)/(1−ρ)/n = J²/(3n)
    expect(Math.abs(s.sd / sd - 1)).toBeLessThan(5 * Math.sqrt((2 * (1 + rho * rho)) / ((1 - rho * rho) * N)))
  })

  it("normal with correlation: positive lag-1 autocorrelation, mean still D (the shape is symmetric)", () => {
    const rho = 0.5
    const s = stats(sample({ delayNs: D, jitterNs: J, correlation: rho, distribution: "normal" }, 56))
    expect(s.lag1).toBeGreaterThan(10 / Math.sqrt(N))
    expect(Math.abs(s.mean - D)).toBeLessThan(5 * J * Math.sqrt((1 + rho) / (1 - rho) / N))
  })

  it("never goes below 0: D = 1 ms, J = 5 ms uniform is max(0, U[−4, 6) ms), mean 1.8 ms, 40 % at 0", () => {
    const xs = sample({ delayNs: 1 * MS, jitterNs: 5 * MS, correlation: 0, distribution: "uniform" }, 57)
    expect(Math.min(...xs.subarray(0, 100_000))).toBe(0)
    const zeros = xs.filter((x) => x === 0).length / N
    expect(Math.abs(zeros - 0.4)).toBeLessThan(5 * Math.sqrt((0.4 * 0.6) / N)) // P(U < −D) = 4/10
    // E[max(0, X)] = ∫₀⁶ x dx/10 = 1.8 ms; E[max(0, X)²] = ∫₀⁶ x² dx/10 = 7.2 ms², sd = √(7.2 − 1.8²).
    const mean = xs.reduce((a, b) => a + b, 0) / N
    expect(Math.abs(mean - 1.8 * MS)).toBeLessThan((5 * Math.sqrt(7.2 - 1.8 * 1.8) * MS) / Math.sqrt(N))
  })

  it("whole nanoseconds; J = 0 gives exactly D and draws nothing", () => {
    const xs = sample({ delayNs: D, jitterNs: 12_345, correlation: 0.3, distribution: "paretonormal" }, 58, 1000)
    expect(xs.every((x) => Number.isInteger(x))).toBe(true)
    const rng = new RandomSource(59).stream("delay")
    const fixed = makeDelayModel({ delayNs: 7 * MS, jitterNs: 0, correlation: 0.5, distribution: "normal" }, rng)
    for (let i = 0; i < 10; i++) expect(fixed.sampleNs()).toBe(7 * MS)
    expect(rng.nextFloat()).toBe(new RandomSource(59).stream("delay").nextFloat())
  })

  it("refuses negative times and correlations outside [0, 1]", () => {
    const rng = new RandomSource(1).stream("delay")
    expect(() => makeDelayModel({ delayNs: -1, jitterNs: 0, correlation: 0, distribution: "uniform" }, rng)).toThrow(RangeError)
    expect(() => makeDelayModel({ delayNs: 0, jitterNs: -1, correlation: 0, distribution: "uniform" }, rng)).toThrow(RangeError)
    expect(() => makeDelayModel({ delayNs: 0, jitterNs: 1, correlation: 2, distribution: "uniform" }, rng)).toThrow(RangeError)
  })
})
