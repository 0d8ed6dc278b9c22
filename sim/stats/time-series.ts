import type { TimeNs } from "../time.ts"

/** Buckets beyond this index are refused, to keep a stray timestamp from allocating gigabytes. */
const MAX_BUCKETS = 1 << 24

/**
 * Streaming series of fixed-width time buckets: bucket i covers
 * [i·bucketNs, (i+1)·bucketNs) and keeps count, sum, min and max.
 * Memory is dense: one entry per bucket up to the latest one touched.
 */
export class TimeSeries {
  readonly bucketNs: TimeNs
  private counts = new Float64Array(16)
  private sums = new Float64Array(16)
  private mins = new Float64Array(16).fill(NaN)
  private maxs = new Float64Array(16).fill(NaN)
  private used = 0

  constructor(bucketNs: TimeNs) {
    if (!Number.isSafeInteger(bucketNs) || bucketNs <= 0) {
      throw new RangeError(`bucketNs must be a positive integer, got ${bucketNs}`)
    }
    this.bucketNs = bucketNs
  }

  add(timeNs: TimeNs, value: number): void {
    if (!(timeNs >= 0)) throw new RangeError(`timeNs must be ≥ 0, got ${timeNs}`)
    const i = Math.floor(timeNs / this.bucketNs)
    if (i >= this.counts.length) this.grow(i)
    if (i >= this.used) this.used = i + 1
    if (this.counts[i]!++ === 0) {
      this.mins[i] = value
      this.maxs[i] = value
    } else {
      if (value < this.mins[i]!) this.mins[i] = value
      if (value > this.maxs[i]!) this.maxs[i] = value
    }
    this.sums[i]! += value
  }

  /** Number of buckets up to and including the latest one touched. */
  get length(): number {
    return this.used
  }

  bucketStartNs(i: number): TimeNs {
    return i * this.bucketNs
  }

  countAt(i: number): number {
    return i < this.used ? this.counts[i]! : 0
  }

  sumAt(i: number): number {
    return i < this.used ? this.sums[i]! : 0
  }

  /** NaN for an empty bucket. */
  meanAt(i: number): number {
    const count = this.countAt(i)
    return count === 0 ? NaN : this.sums[i]! / count
  }

  /** NaN for an empty bucket. */
  minAt(i: number): number {
    return i < this.used ? this.mins[i]! : NaN
  }

  /** NaN for an empty bucket. */
  maxAt(i: number): number {
    return i < this.used ? this.maxs[i]! : NaN
  }

  private grow(index: number): void {
    if (index >= MAX_BUCKETS) throw new RangeError(`TimeSeries bucket ${index} exceeds ${MAX_BUCKETS}`)
    let capacity = this.counts.length
    while (capacity <= index) capacity *= 2
    const grown = (old: Float64Array, fill: number): Float64Array<ArrayBuffer> => {
      const next = new Float64Array(capacity).fill(fill)
      next.set(old)
      return next
    }
    this.counts = grown(this.counts, 0)
    this.sums = grown(this.sums, 0)
    this.mins = grown(this.mins, NaN)
    this.maxs = grown(this.maxs, NaN)
  }
}
