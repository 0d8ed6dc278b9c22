import { exp, log } from "../math/portable-math.ts"

export interface LogHistogramOptions {
  /** Relative accuracy α of quantiles, in (0, 1). Default 0.01. */
  relativeAccuracy?: number
  /** Smallest value tracked with relative accuracy; smaller ones (and 0) share one bucket. Default 1e-9. */
  minValue?: number
  /** Largest value tracked with relative accuracy; larger ones share one bucket. Default 1e15. */
  maxValue?: number
}

// data[N], data[MIN], data[MAX], data[SUM]: count, exact min and max, sum; data[COUNTS + k]: bucket k.
const N = 0
const MIN = 1
const MAX = 2
const SUM = 3
const COUNTS = 4

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
 *
 * Memory layout, for runs that keep thousands of histograms: everything `add` changes (count,
 * min, max, sum and the buckets) is in one Float64Array, and everything it only reads is in a
 * layout object shared by all histograms with the same options. (Number fields of a JS object
 * are boxed, each in a heap cell of its own, so an `add` on plain fields touched many more
 * cache lines.)
 */
export class LogHistogram {
  private readonly layout: Layout
  /** Count, min, max and sum, then the buckets (see the constants above). */
  private readonly data: Float64Array

  constructor(options: LogHistogramOptions = {}) {
    const alpha = options.relativeAccuracy ?? 0.01
    const minValue = options.minValue ?? 1e-9
    const maxValue = options.maxValue ?? 1e15
    if (!(alpha > 0 && alpha < 1)) throw new RangeError(`relativeAccuracy must be in (0, 1), got ${alpha}`)
    if (!(minValue > 0) || !(maxValue >= minValue) || !Number.isFinite(maxValue)) {
      throw new RangeError(`need 0 < minValue ≤ maxValue < ∞, got ${minValue}, ${maxValue}`)
    }
    this.layout = layoutFor(alpha, minValue, maxValue)
    this.data = new Float64Array(COUNTS + this.layout.buckets)
    this.data[MIN] = Infinity // so that the first value replaces both (min and max read NaN while empty)
    this.data[MAX] = -Infinity
  }

  get relativeAccuracy(): number {
    return this.layout.relativeAccuracy
  }

  get minValue(): number {
    return this.layout.minValue
  }

  get maxValue(): number {
    return this.layout.maxValue
  }

  /** Adds a non-negative observation. */
  add(x: number): void {
    const layout = this.layout
    const data = this.data
    let k: number
    if (x >= layout.minValue) {
      if (x <= layout.maxValue) {
        // No logarithm: the top bits of the double (exponent and leading mantissa bits) name a
        // cell narrower than a bucket, a table gives the bucket of the cell's smallest value, and
        // one comparison with the portable bounds settles it. Pure bit and table work, so the
        // bucket is the same in every engine (and the same as ⌈log_γ x⌉ settled on those bounds).
        scratch[0] = x
        k = layout.cellBuckets[(scratchWords[HIGH_WORD]! >>> layout.cellShift) - layout.cellBase]!
        const top = layout.buckets - 2
        const upper = layout.upperBounds
        while (k < top && x > upper[k]!) k++
      } else {
        k = layout.buckets - 1
      }
    } else if (x >= 0) {
      k = 0
    } else {
      throw new RangeError(`LogHistogram takes non-negative values, got ${x}`)
    }
    data[COUNTS + k]!++
    data[N]!++
    if (x < data[MIN]!) data[MIN] = x
    if (x > data[MAX]!) data[MAX] = x
    data[SUM]! += x
  }

  get count(): number {
    return this.data[N]!
  }

  /** Exact; NaN when empty. */
  get min(): number {
    return this.count === 0 ? NaN : this.data[MIN]!
  }

  /** Exact; NaN when empty. */
  get max(): number {
    return this.count === 0 ? NaN : this.data[MAX]!
  }

  get sum(): number {
    return this.data[SUM]!
  }

  /** NaN when empty. */
  get mean(): number {
    return this.count === 0 ? NaN : this.sum / this.count
  }

  /** Estimate of the element of rank floor(q·(n-1)); NaN when empty. */
  quantile(q: number): number {
    if (!(q >= 0 && q <= 1)) throw new RangeError(`q must be in [0, 1], got ${q}`)
    const n = this.count
    if (n === 0) return NaN
    const rank = Math.floor(q * (n - 1))
    const { buckets, minIndex, logGamma, gamma } = this.layout
    const data = this.data
    const last = buckets - 1
    let seen = 0
    let k = 0
    for (; k < last; k++) {
      seen += data[COUNTS + k]!
      if (seen > rank) break
    }
    const lowest = this.min
    const highest = this.max
    let estimate: number
    if (k === 0) estimate = lowest
    else if (k === last) estimate = highest
    else estimate = (2 * exp((minIndex + k - 1) * logGamma)) / (gamma + 1)
    return Math.min(Math.max(estimate, lowest), highest)
  }

  /** Adds every observation of `other`; both must have the same options. */
  merge(other: LogHistogram): void {
    if (other.layout !== this.layout) throw new RangeError("cannot merge LogHistograms with different options")
    if (other.count === 0) return
    const data = this.data
    const from = other.data
    for (let k = COUNTS; k < data.length; k++) data[k]! += from[k]!
    if (from[MIN]! < data[MIN]!) data[MIN] = from[MIN]!
    if (from[MAX]! > data[MAX]!) data[MAX] = from[MAX]!
    data[N]! += from[N]!
    data[SUM]! += from[SUM]!
  }
}

/** Reads a double's high word: sign, 11 exponent bits and the 20 leading mantissa bits. */
const scratch = new Float64Array(1)
const scratchWords = new Uint32Array(scratch.buffer)
const HIGH_WORD = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1 ? 1 : 0 // little-endian: the second word
/** At most 2^8 cells per binade: enough for α ≥ 0.4 % to need at most one step, small tables below. */
const MAX_CELL_BITS = 8

/** What every histogram with the same options shares; `add` only reads it. */
interface Layout {
  readonly relativeAccuracy: number
  readonly minValue: number
  readonly maxValue: number
  readonly gamma: number
  readonly logGamma: number
  /** Index i of the bucket (γ^(i-1), γ^i] that holds minValue. */
  readonly minIndex: number
  /** Bucket 0: below minValue; bucket k: (γ^(minIndex+k-2), γ^(minIndex+k-1)]; the last: above maxValue. */
  readonly buckets: number
  /** upperBounds[k]: the largest value of bucket k, γ^(minIndex + k - 1), from the portable exp. */
  readonly upperBounds: Float64Array
  /** Bucket of the smallest value of each cell; cell c is the high words shifted to `cellBase + c`. */
  readonly cellBuckets: Int32Array
  readonly cellShift: number
  readonly cellBase: number
}

const layoutCache = new Map<string, Layout>()

/**
 * A cell is the set of doubles sharing exponent and `cellBits` leading mantissa bits, i.e. the
 * high word shifted right by 20 − cellBits; cells span minValue..maxValue.
 */
function layoutFor(relativeAccuracy: number, minValue: number, maxValue: number): Layout {
  const key = `${relativeAccuracy}/${minValue}/${maxValue}`
  let layout = layoutCache.get(key)
  if (layout !== undefined) return layout
  const gamma = (1 + relativeAccuracy) / (1 - relativeAccuracy)
  const logGamma = log(gamma)
  const minIndex = Math.ceil(log(minValue) / logGamma)
  const maxIndex = Math.ceil(log(maxValue) / logGamma)
  const buckets = maxIndex - minIndex + 3
  const upperBounds = new Float64Array(buckets)
  for (let k = 1; k < buckets - 1; k++) upperBounds[k] = exp((minIndex + k - 1) * logGamma)
  // Cells no wider (relatively) than a bucket hold at most one bound, so `add` steps at most once.
  let cellBits = 0
  while (cellBits < MAX_CELL_BITS && 2 ** -cellBits > gamma - 1) cellBits++
  const cellShift = 20 - cellBits
  const cellOf = (x: number): number => {
    scratch[0] = x
    return scratchWords[HIGH_WORD]! >>> cellShift
  }
  const cellBase = cellOf(minValue)
  const cells = cellOf(maxValue) - cellBase + 1
  const cellBuckets = new Int32Array(cells)
  const top = buckets - 2
  const start = new Float64Array(1)
  const startWords = new Uint32Array(start.buffer)
  let k = 1
  for (let c = 0; c < cells; c++) {
    // The smallest double of the cell: its high word with the low mantissa bits cleared.
    startWords[HIGH_WORD] = (cellBase + c) << cellShift
    startWords[1 - HIGH_WORD] = 0
    while (k < top && start[0]! > upperBounds[k]!) k++
    cellBuckets[c] = k
  }
  layout = { relativeAccuracy, minValue, maxValue, gamma, logGamma, minIndex, buckets, upperBounds, cellBuckets, cellShift, cellBase }
  layoutCache.set(key, layout)
  return layout
}
