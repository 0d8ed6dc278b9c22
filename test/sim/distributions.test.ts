import { describe, expect, it } from "vitest"
import type { Distribution } from "../../sim/index.ts"
import { RandomSource, bernoulli, constant, exponential, lognormal, normal, pareto, uniform } from "../../sim/index.ts"

const N = 100_000

/** Standard normal CDF via erf (Abramowitz & Stegun 7.1.26, |error| < 1.5e-7). */
function phi(z: number): number {
  const x = Math.abs(z) / Math.SQRT2
  const t = 1 / (1 + 0.3275911 * x)
  const poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))))
  const erf = 1 - poly * Math.exp(-x * x)
  return z >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf)
}

interface Case {
  name: string
  dist: Distribution
  mean: number
  variance: number
  /** Fourth central moment, for the standard error of the sample variance (Infinity: skip that check). */
  fourthMoment: number
  cdf?: (x: number) => number
}

const paretoRaw = (xm: number, alpha: number, k: number): number => (alpha * xm ** k) / (alpha - k)
const paretoFourth = (xm: number, alpha: number): number => {
  const m1 = paretoRaw(xm, alpha, 1)
  return paretoRaw(xm, alpha, 4) - 4 * m1 * paretoRaw(xm, alpha, 3) + 6 * m1 * m1 * paretoRaw(xm, alpha, 2) - 3 * m1 ** 4
}
const lnVar = (mu: number, s: number): number => (Math.exp(s * s) - 1) * Math.exp(2 * mu + s * s)

const cases: Case[] = [
  { name: "uniform(2, 10)", dist: uniform(2, 10), mean: 6, variance: 64 / 12, fourthMoment: 8 ** 4 / 80, cdf: (x) => (x - 2) / 8 },
  { name: "exponential(3)", dist: exponential(3), mean: 3, variance: 9, fourthMoment: 9 * 3 ** 4, cdf: (x) => 1 - Math.exp(-x / 3) },
  { name: "normal(-4, 2.5)", dist: normal(-4, 2.5), mean: -4, variance: 6.25, fourthMoment: 3 * 2.5 ** 4, cdf: (x) => phi((x + 4) / 2.5) },
  {
    name: "lognormal(0.3, 0.5)",
    dist: lognormal(0.3, 0.5),
    mean: Math.exp(0.3 + 0.125),
    variance: lnVar(0.3, 0.5),
    fourthMoment: lnVar(0.3, 0.5) ** 2 * (Math.exp(4 * 0.25) + 2 * Math.exp(3 * 0.25) + 3 * Math.exp(2 * 0.25) - 3),
    cdf: (x) => phi((Math.log(x) - 0.3) / 0.5),
  },
  {
    name: "pareto(2, 5)",
    dist: pareto(2, 5),
    mean: 2.5,
    variance: (4 * 5) / (16 * 3),
    fourthMoment: paretoFourth(2, 5),
    cdf: (x) => 1 - (2 / x) ** 5,
  },
  { name: "pareto(1, 3) (infinite 4th moment)", dist: pareto(1, 3), mean: 1.5, variance: 3 / (4 * 1), fourthMoment: Infinity, cdf: (x) => 1 - x ** -3 },
  { name: "bernoulli(0.3)", dist: bernoulli(0.3), mean: 0.3, variance: 0.21, fourthMoment: 0.21 * (1 - 0.9 + 0.27) },
  { name: "bernoulli(0.05)", dist: bernoulli(0.05), mean: 0.05, variance: 0.0475, fourthMoment: 0.0475 * (1 - 0.15 + 0.0075) },
]

describe("distributions", () => {
  for (const c of cases) {
    describe(c.name, () => {
      const rng = new RandomSource(2718).stream(c.name)
      const xs = Float64Array.from({ length: N }, () => c.dist.sample(rng))

      it("reports the analytic mean and variance", () => {
        expect(c.dist.mean).toBeCloseTo(c.mean, 12)
        expect(c.dist.variance).toBeCloseTo(c.variance, 12)
      })

      it("sample mean is within 5 standard errors of the mean", () => {
        const mean = xs.reduce((a, b) => a + b, 0) / N
        expect(Math.abs(mean - c.mean)).toBeLessThan(5 * Math.sqrt(c.variance / N))
      })

      if (Number.isFinite(c.fourthMoment)) it("sample variance is within 5 standard errors of the variance", () => {
        const mean = xs.reduce((a, b) => a + b, 0) / N
        const variance = xs.reduce((a, x) => a + (x - mean) ** 2, 0) / (N - 1)
        // Var(s²) ≈ (μ4 − σ⁴) / n.
        const standardError = Math.sqrt((c.fourthMoment - c.variance ** 2) / N)
        expect(Math.abs(variance - c.variance)).toBeLessThan(5 * standardError)
      })

      const cdf = c.cdf
      if (cdf !== undefined) it("passes a Kolmogorov–Smirnov test against the CDF", () => {
        const sorted = Float64Array.from(xs).sort()
        let d = 0
        for (let i = 0; i < N; i++) {
          const f = cdf(sorted[i]!)
          d = Math.max(d, (i + 1) / N - f, f - i / N)
        }
        // P(√n·D > 2.7) ≈ 1.4e-6 (Kolmogorov distribution tail 2e^(-2·2.7²)).
        expect(d * Math.sqrt(N)).toBeLessThan(2.7)
      })
    })
  }

  it("support: exponential > 0, pareto ≥ scale, uniform in [min, max), bernoulli ∈ {0, 1}", () => {
    const rng = new RandomSource(1).stream("support")
    const [exp1, par, uni, ber] = [exponential(1), pareto(3, 1.2), uniform(-1, 1), bernoulli(0.5)]
    let violations = 0
    for (let i = 0; i < 20_000; i++) {
      if (!(exp1.sample(rng) > 0)) violations++
      if (!(par.sample(rng) >= 3)) violations++
      const u = uni.sample(rng)
      if (!(u >= -1 && u < 1)) violations++
      const b = ber.sample(rng)
      if (b !== 0 && b !== 1) violations++
    }
    expect(violations).toBe(0)
    expect(bernoulli(0).sample(rng)).toBe(0)
    expect(bernoulli(1).sample(rng)).toBe(1)
    expect(uniform(4, 4).sample(rng)).toBe(4)
    expect(normal(7, 0).sample(rng)).toBe(7)
    expect(constant(2.5).sample(rng)).toBe(2.5)
  })

  it("inversion samplers apply their formula to successive nextFloat draws", () => {
    // Same seed and name in a second source: the same uniforms, consumed here by hand.
    const rng = new RandomSource(8).stream("inv")
    const u = new RandomSource(8).stream("inv")
    const close = (got: number, want: number): void => {
      expect(Math.abs(got - want)).toBeLessThanOrEqual(1e-15 * Math.abs(want))
    }
    const [e, p, un, b] = [exponential(3), pareto(2, 2.5), uniform(-5, 7), bernoulli(0.37)]
    for (let i = 0; i < 2000; i++) {
      close(e.sample(rng), -3 * Math.log(1 - u.nextFloat()))
      close(p.sample(rng), 2 * (1 - u.nextFloat()) ** (-1 / 2.5))
      close(un.sample(rng), -5 + 12 * u.nextFloat())
      expect(b.sample(rng)).toBe(u.nextFloat() < 0.37 ? 1 : 0)
    }
  })

  it("pareto reports an infinite mean for alpha ≤ 1 and an infinite variance for alpha ≤ 2", () => {
    expect(pareto(1, 1).mean).toBe(Infinity)
    expect(pareto(1, 0.5).variance).toBe(Infinity)
    expect(pareto(2, 1.5).mean).toBeCloseTo(6, 12)
    expect(pareto(2, 1.5).variance).toBe(Infinity)
    expect(pareto(2, 2).variance).toBe(Infinity)
  })

  it("samplers keep no state: interleaving two streams changes neither", () => {
    const dist = normal(0, 1)
    const separate = (name: string): number[] => {
      const rng = new RandomSource(4).stream(name)
      return Array.from({ length: 101 }, () => dist.sample(rng))
    }
    const a = new RandomSource(4).stream("a")
    const b = new RandomSource(4).stream("b")
    const interleavedA: number[] = []
    const interleavedB: number[] = []
    for (let i = 0; i < 101; i++) {
      interleavedA.push(dist.sample(a))
      interleavedB.push(dist.sample(b))
    }
    expect(interleavedA).toEqual(separate("a"))
    expect(interleavedB).toEqual(separate("b"))
  })

  it("invalid parameters throw RangeError", () => {
    const bad: (() => unknown)[] = [
      () => uniform(2, 1),
      () => uniform(NaN, 1),
      () => uniform(0, Infinity),
      () => exponential(0),
      () => exponential(-1),
      () => exponential(NaN),
      () => normal(0, -1),
      () => normal(Infinity, 1),
      () => lognormal(0, -0.1),
      () => lognormal(NaN, 1),
      () => pareto(0, 1),
      () => pareto(1, 0),
      () => pareto(-1, 2),
      () => bernoulli(-0.01),
      () => bernoulli(1.01),
      () => bernoulli(NaN),
      () => constant(NaN),
    ]
    for (const make of bad) expect(make).toThrow(RangeError)
  })
})
