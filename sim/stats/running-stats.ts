/**
 * Streaming count, mean, variance, min and max in O(1) memory:
 * Welford's update (Welford 1962), and the pairwise combination of
 * Chan, Golub & LeVeque (1979) for `merge`.
 */
export class RunningStats {
  private n = 0
  private runningMean = 0
  /** Sum of squared deviations from the running mean. */
  private m2 = 0
  private total = 0
  private lowest = NaN
  private highest = NaN

  add(x: number): void {
    const n = ++this.n
    const delta = x - this.runningMean
    this.runningMean += delta / n
    this.m2 += delta * (x - this.runningMean)
    this.total += x
    if (n === 1) {
      this.lowest = x
      this.highest = x
    } else {
      if (x < this.lowest) this.lowest = x
      if (x > this.highest) this.highest = x
    }
  }

  /** Adds every observation of `other` as if each had been added here. */
  merge(other: RunningStats): void {
    if (other.n === 0) return
    if (this.n === 0) {
      this.n = other.n
      this.runningMean = other.runningMean
      this.m2 = other.m2
      this.total = other.total
      this.lowest = other.lowest
      this.highest = other.highest
      return
    }
    const n = this.n + other.n
    const delta = other.runningMean - this.runningMean
    this.runningMean += (delta * other.n) / n
    this.m2 += other.m2 + (delta * delta * this.n * other.n) / n
    this.n = n
    this.total += other.total
    if (other.lowest < this.lowest) this.lowest = other.lowest
    if (other.highest > this.highest) this.highest = other.highest
  }

  get count(): number {
    return this.n
  }

  /** NaN when empty. */
  get mean(): number {
    return this.n === 0 ? NaN : this.runningMean
  }

  /** Sample variance (divisor n - 1); 0 when fewer than two observations. */
  get variance(): number {
    return this.n < 2 ? 0 : this.m2 / (this.n - 1)
  }

  /** Population variance (divisor n); 0 when empty. */
  get populationVariance(): number {
    return this.n === 0 ? 0 : this.m2 / this.n
  }

  get stddev(): number {
    return Math.sqrt(this.variance)
  }

  get sum(): number {
    return this.total
  }

  /** NaN when empty. */
  get min(): number {
    return this.lowest
  }

  /** NaN when empty. */
  get max(): number {
    return this.highest
  }
}
