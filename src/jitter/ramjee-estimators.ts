import type { TimeNs } from "../../sim/time.ts"

/**
 * The delay estimators of Ramjee, Kurose, Towsley & Schulzrinne, "Adaptive playout mechanisms for
 * packetized audio applications in wide-area networks", IEEE INFOCOM 1994. Each sees n_i, the
 * delay of packet i (arrival time − sender timestamp; the clocks need not agree, only differences
 * matter), in arrival order, and keeps d̂ (the delay estimate) and v̂ (its variation).
 */
export interface RamjeeEstimator {
  /** Takes packet i's delay n_i. */
  update(delayNs: TimeNs): void
  /** d̂_i, in the same (arbitrary) reference as the delays. */
  readonly delayNs: number
  /** v̂_i. */
  readonly variationNs: number
}

/**
 * Algorithm 1 of the paper: d̂_i = α·d̂_{i−1} + (1−α)·n_i, v̂_i = α·v̂_{i−1} + (1−α)·|d̂_i − n_i|.
 * The paper gives no starting values; the recursion starts at d̂_1 = n_1, v̂_1 = 0.
 */
export class RamjeeAlgorithm1 implements RamjeeEstimator {
  delayNs = 0
  variationNs = 0
  private started = false

  constructor(private readonly alpha: number) {}

  update(n: TimeNs): void {
    if (!this.started) {
      this.started = true
      this.delayNs = n
      return
    }
    const a = this.alpha
    this.delayNs = a * this.delayNs + (1 - a) * n
    this.variationNs = a * this.variationNs + (1 - a) * Math.abs(this.delayNs - n)
  }
}

export interface SpikeConfig {
  /** Weight of the past in normal mode (Algorithm 4's pseudo-code: 0.875 for both d̂ and v̂). */
  readonly alpha: number
  /** A spike starts when |n_i − n_{i−1}| > 2·|v̂| + this (the pseudo-code's 800, in timestamp units). */
  readonly spikeThresholdNs: TimeNs
  /** A spike ends when var ≤ this (the pseudo-code's 63, in timestamp units). */
  readonly spikeEndNs: TimeNs
}

/**
 * Algorithm 4 of the paper (spike detection), following its pseudo-code:
 *
 *   if NORMAL:  if |n_i − n_{i−1}| > 2|v̂| + 800: var = 0; mode = SPIKE
 *   else:       var = var/2 + |2n_i − n_{i−1} − n_{i−2}| / 8
 *               if var ≤ 63: mode = NORMAL; shift n; return      (no estimate update)
 *   NORMAL: d̂_i = 0.125·n_i + 0.875·d̂_{i−1}     SPIKE: d̂_i = d̂_{i−1} + n_i − n_{i−1}
 *   v̂_i = 0.125·|n_i − d̂_i| + 0.875·v̂_{i−1};  shift n
 *
 * In a spike d̂ follows the delays' slope, so it jumps with the spike and comes down with it;
 * var tracks the slope's change, so the spike ends when the delays stop falling.
 * Starts at d̂_1 = n_1, v̂_1 = 0, n_0 = n_{−1} = n_1.
 */
export class RamjeeAlgorithm4 implements RamjeeEstimator {
  delayNs = 0
  variationNs = 0
  spike = false
  private slopeVar = 0 // the pseudo-code's `var`
  private previous = 0 // n_{i−1}
  private beforePrevious = 0 // n_{i−2}
  private started = false

  constructor(private readonly config: SpikeConfig) {}

  update(n: TimeNs): void {
    if (!this.started) {
      this.started = true
      this.delayNs = n
      this.previous = n
      this.beforePrevious = n
      return
    }
    const c = this.config
    if (!this.spike) {
      if (Math.abs(n - this.previous) > 2 * Math.abs(this.variationNs) + c.spikeThresholdNs) {
        this.slopeVar = 0
        this.spike = true
      }
    } else {
      this.slopeVar = this.slopeVar / 2 + Math.abs(2 * n - this.previous - this.beforePrevious) / 8
      if (this.slopeVar <= c.spikeEndNs) {
        this.spike = false
        this.shift(n)
        return
      }
    }
    const a = c.alpha
    this.delayNs = this.spike ? this.delayNs + n - this.previous : (1 - a) * n + a * this.delayNs
    this.variationNs = (1 - a) * Math.abs(n - this.delayNs) + a * this.variationNs
    this.shift(n)
  }

  private shift(n: TimeNs): void {
    this.beforePrevious = this.previous
    this.previous = n
  }
}
