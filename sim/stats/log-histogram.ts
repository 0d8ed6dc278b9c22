import { exp, log } from "../math/portable-math.ts"

export interface LogHistogramOptions {
  /** Relative accuracy α of quantiles, in (0, 1). Default 0.01. */
  relativeAccuracy?: number
  /** Smallest value tracked with relative accuracy; smaller ones (and 0) share one bucket. Default 1e-9. */
  minValue?: number
  /** Largest value tracked with relative accuracy; larger ones share one bucket. Default 1e15. */
  maxValue?: number
}

/**
 * Fixed-memory histogram with logarithmic buckets, after DDSketch
 * (Masson, Rim & Lee, VLDB 2019): bucket i holds (γ^(i-1), γ^i] with
 * γ = (1+α)/(1-α), and reports 2γ^i/(γ+1), within α of every value in it.
 *
 * Quantile rank convention: quantile(q) estimates the element of 0-based
 * rank floor(q·(n-1)) of the sorted observations (q=0 is the min, q=1 the
 * max). For values in [minValue, maxValue] the estimate is within a
 * relative error α of that element; estimates are clamped to [min, max],
 * which are exact. Uses portable log/exp, so buckets agree in every engine.
 */
export class LogHistogram {
  readonly relativeAccuracy: number
  readonly minValue: number
  readonly maxValue: number
  private readonly gamma: number
  private readonly logGamma: number
  private readonly minIndex: number
  /** counts[0]: below minValue; counts[k]: bucket minIndex + k - 1; last: above maxValue. */
  private readonly counts: Float64Array
  /** upperBounds[k]: the largest value of bucket k, γ^(minIndex + k - 1), from the portable exp. */
  private readonly upperBounds: Float64Array
  private n = 0
  private lowest = NaN
  private highest = NaN
  private total = 0

  constructor(options: LogHistogramOptions = {}) {
    const alpha = options.relativeAccuracy ?? 0.01
    const minValue = options.minValue ?? 1e-9
    const maxValue = options.maxValue ?? 1e15
    if (!(alpha > 0 && alpha < 1)) throw new RangeError(`relativeAccuracy must be in (0, 1), got ${alpha}`)
    if (!(minValue > 0) || !(maxValue >= minValue) || !Number.isFinite(maxValue)) {
      throw new RangeError(`need 0 < minValue ≤ maxValue < ∞, got ${minValue}, ${maxValue}`)
    }
    this.relativeAccuracy = alpha
    this.minValue = minValue
    this.maxValue = maxValue
    this.gamma = (1 + alpha) / (1 - alpha)
    this.logGamma = log(this.gamma)
    this.minIndex = Math.ceil(log(minValue) / this.logGamma)
    const maxIndex = Math.ceil(log(maxValue) / this.logGamma)
    this.counts = new Float64Array(maxIndex - this.minIndex + 3)
    this.upperBounds = upperBoundsFor(this.minIndex, this.counts.length, this.logGamma)
  }

  /** Adds a non-negative observation. */
  add(x: number): void {
    if (!(x >= 0)) throw new RangeError(`LogHistogram takes non-negative values, got ${x}`)
    const counts = this.counts
    let k: number
    if (x < this.minValue) k = 0
    else if (x > this.maxValue) k = counts.length - 1
    else {
      // The engine's Math.log is fast but may differ in the last bit between engines; the
      // bucket is then settled against the portable bounds, so it is the same everywhere.
      k = Math.ceil(Math.log(x) / this.logGamma) - this.minIndex + 1
      const top = counts.length - 2
      if (k < 1) k = 1
      else if (k > top) k = top
      const upper = this.upperBounds
      while (k > 1 && x <= upper[k - 1]!) k--
      while (k < top && x > upper[k]!) k++
    }
    counts[k]!++
    if (this.n++ === 0) {
      this.lowest = x
      this.highest = x
    } else {
      if (x < this.lowest) this.lowest = x
      if (x > this.highest) this.highest = x
    }
    this.total += x
  }

  get count(): number {
    return this.n
  }

  /** Exact; NaN when empty. */
  get min(): number {
    return this.lowest
  }

  /** Exact; NaN when empty. */
  get max(): number {
    return this.highest
  }

  get sum(): number {
    return this.total
  }

  /** NaN when empty. */
  get mean(): number {
    return this.n === 0 ? NaN : this.total / this.n
  }

  /** Estimate of the element of rank floor(q·(n-1)); NaN when empty. */
  quantile(q: number): number {
    if (!(q >= 0 && q <= 1)) throw new RangeError(`q must be in [0, 1], got ${q}`)
    if (this.n === 0) return NaN
    const rank = Math.floor(q * (this.n - 1))
    const counts = this.counts
    const last = counts.length - 1
    let seen = 0
    let k = 0
    for (; k < last; k++) {
      seen += counts[k]!
      if (seen > rank) break
    }
    let estimate: number
    if (k === 0) estimate = this.lowest
    else if (k === last) estimate = this.highest
    else estimate = (2 * exp((this.minIndex + k - 1) * this.logGamma)) / (this.gamma + 1)
    return Math.min(Math.max(estimate, this.lowest), this.highest)
  }

  /** Adds every observation of `other`; both must have the same options. */
  merge(other: LogHistogram): void {
    if (
      other.relativeAccuracy !== this.relativeAccuracy ||
      other.minValue !== this.minValue ||
      other.maxValue !== this.maxValue
    ) {
      throw new RangeError("cannot merge LogHistograms with different options")
    }
    if (other.n === 0) return
    const counts = this.counts
    for (let k = 0; k < counts.length; k++) counts[k]! += other.counts[k]!
    if (this.n === 0 || other.lowest < this.lowest) this.lowest = other.lowest
    if (this.n === 0 || other.highest > this.highest) this.highest = other.highest
    this.n += other.n
    this.total += other.total
  }
}

const boundsCache = new Map<string, Float64Array>()

/** Bucket upper bounds, shared by every histogram with the same layout (they never change). */
function upperBoundsFor(minIndex: number, length: number, logGamma: number): Float64Array {
  const key = `${minIndex}/${length}/${logGamma}`
  let bounds = boundsCache.get(key)
  if (bounds === undefined) {
    bounds = new Float64Array(length)
    for (let k = 1; k < length - 1; k++) bounds[k] = exp((minIndex + k - 1) * logGamma)
    boundsCache.set(key, bounds)
  }
  return bounds
}
