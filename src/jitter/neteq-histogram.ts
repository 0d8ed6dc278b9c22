/**
 * NetEq's delay histogram (modules/audio_coding/neteq/histogram.cc), in floating point rather
 * than Q30: bucket probabilities summing to 1. Each `add` multiplies them all by the forget factor
 * f and adds 1 − f to the bucket seen. f starts at 0 and, with a start weight w, grows as
 * 1 − w/(n + 1) after the n-th sample until it reaches its steady value, so the first samples
 * count as a running mean would. O(buckets) per call.
 */
export class NetEqHistogram {
  private readonly buckets: Float64Array
  private forget = 0
  private added = 0

  constructor(
    size: number,
    private readonly baseForget: number,
    /** Histogram's start_forget_weight; NaN: approach the base factor by quarters instead. */
    private readonly startForgetWeight: number,
  ) {
    this.buckets = new Float64Array(size)
    this.reset()
  }

  /** Histogram::Reset: an exponentially decaying start, buckets[i] = 0.5^(i+1). */
  reset(): void {
    let p = 1
    for (let i = 0; i < this.buckets.length; i++) this.buckets[i] = p /= 2
    this.forget = 0
    this.added = 0
  }

  /** Histogram::Add. */
  add(index: number): void {
    const b = this.buckets
    const f = this.forget
    for (let i = 0; i < b.length; i++) b[i]! *= f
    b[index]! += 1 - f
    this.added++
    if (Number.isNaN(this.startForgetWeight)) this.forget += (this.baseForget - f) / 4
    else if (f !== this.baseForget) this.forget = Math.max(0, Math.min(this.baseForget, 1 - this.startForgetWeight / (this.added + 1)))
  }

  /** Histogram::Quantile: the first bucket at which the probability left above it is at most 1 − `probability`. */
  quantile(probability: number): number {
    const b = this.buckets
    let index = 0
    let above = 1 - b[0]!
    while (above > 1 - probability && index < b.length - 1) above -= b[++index]!
    return index
  }

  /** The forget factor the next `add` uses. */
  get forgetFactor(): number {
    return this.forget
  }

  probability(index: number): number {
    return this.buckets[index]!
  }
}
