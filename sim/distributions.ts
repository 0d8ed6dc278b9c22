import { exp, log } from "./math/portable-math.ts"
import type { RandomStream } from "./random.ts"

/**
 * A random variate sampler. Samplers keep no state between calls, so a
 * sampler shared by several streams never couples them.
 */
export interface Distribution {
  sample(rng: RandomStream): number
  readonly mean: number
  readonly variance: number
}

function requireFinite(name: string, value: number): void {
  if (!Number.isFinite(value)) throw new RangeError(`${name} must be finite, got ${value}`)
}

function requirePositive(name: string, value: number): void {
  if (!(value > 0) || !Number.isFinite(value)) throw new RangeError(`${name} must be finite and > 0, got ${value}`)
}

function requireNonNegative(name: string, value: number): void {
  if (!(value >= 0) || !Number.isFinite(value)) throw new RangeError(`${name} must be finite and ≥ 0, got ${value}`)
}

/** Standard normal by the polar method (Marsaglia & Bray 1964); the second variate is discarded to stay stateless. */
export function standardNormal(rng: RandomStream): number {
  for (;;) {
    const u = 2 * rng.nextFloat() - 1
    const v = 2 * rng.nextFloat() - 1
    const s = u * u + v * v
    if (s > 0 && s < 1) return u * Math.sqrt((-2 * log(s)) / s)
  }
}

export function constant(value: number): Distribution {
  requireFinite("value", value)
  return { mean: value, variance: 0, sample: () => value }
}

/** Uniform on [min, max). */
export function uniform(min: number, max: number): Distribution {
  requireFinite("min", min)
  requireFinite("max", max)
  if (min > max) throw new RangeError(`min (${min}) must not exceed max (${max})`)
  const width = max - min
  return {
    mean: (min + max) / 2,
    variance: (width * width) / 12,
    sample: (rng) => min + width * rng.nextFloat(),
  }
}

/** Exponential with the given mean, by inversion. */
export function exponential(mean: number): Distribution {
  requirePositive("mean", mean)
  return {
    mean,
    variance: mean * mean,
    sample: (rng) => -mean * log(1 - rng.nextFloat()), // 1 - u ∈ (0, 1]
  }
}

export function normal(mean: number, stddev: number): Distribution {
  requireFinite("mean", mean)
  requireNonNegative("stddev", stddev)
  return {
    mean,
    variance: stddev * stddev,
    sample: (rng) => mean + stddev * standardNormal(rng),
  }
}

/** exp(N(mu, sigma²)); `mu` and `sigma` are the parameters of the underlying normal. */
export function lognormal(mu: number, sigma: number): Distribution {
  requireFinite("mu", mu)
  requireNonNegative("sigma", sigma)
  const sigma2 = sigma * sigma
  return {
    mean: Math.exp(mu + sigma2 / 2),
    variance: Math.expm1(sigma2) * Math.exp(2 * mu + sigma2),
    sample: (rng) => exp(mu + sigma * standardNormal(rng)),
  }
}

/** Pareto type I with scale xm and shape alpha, by inversion; mean is Infinity when alpha ≤ 1, variance when alpha ≤ 2. */
export function pareto(scale: number, shape: number): Distribution {
  requirePositive("scale", scale)
  requirePositive("shape", shape)
  const mean = shape > 1 ? (shape * scale) / (shape - 1) : Infinity
  const variance = shape > 2 ? (scale * scale * shape) / ((shape - 1) * (shape - 1) * (shape - 2)) : Infinity
  return {
    mean,
    variance,
    sample: (rng) => scale * exp(-log(1 - rng.nextFloat()) / shape),
  }
}

/** 1 with probability p, else 0. */
export function bernoulli(p: number): Distribution {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`p must be in [0, 1], got ${p}`)
  return {
    mean: p,
    variance: p * (1 - p),
    sample: (rng) => (rng.nextFloat() < p ? 1 : 0),
  }
}
