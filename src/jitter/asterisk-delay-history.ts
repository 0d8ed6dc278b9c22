import type { TimeNs } from "../../sim/time.ts"

/**
 * The delay history of Asterisk's adaptive jitter buffer (main/jitterbuf.c: history_put,
 * history_calc_maxbuf, history_get): the last `size` delays in a ring, and from them the
 * `dropPercent` % highest and lowest dropped: `minNs` is the lowest delay left and `jitterNs` the
 * spread up to the highest left.
 *
 * To avoid sorting the whole history, it keeps the `size·maxDropPercent/100` highest and lowest
 * delays in two small sorted buffers, rebuilt (O(size · buffer)) only when a new delay, or the one
 * it pushes out of the ring, could change them, as jitterbuf.c does.
 */
export class AsteriskDelayHistory {
  private readonly history: Float64Array
  private readonly highest: Float64Array // descending
  private readonly lowest: Float64Array // ascending
  private readonly last: number // index of the last entry of `highest` and `lowest`
  private count = 0 // delays put since the last reset (jitterbuf.c's hist_ptr)
  private valid = false
  /** The lowest delay once the lowest dropPercent % are dropped (jitterbuf.c's info.min). */
  minNs = 0
  /** The highest delay left minus `minNs` (info.jitter). */
  jitterNs = 0

  constructor(
    private readonly size: number,
    private readonly dropPercent: number,
    maxDropPercent: number,
  ) {
    const extremes = Math.floor((size * maxDropPercent) / 100) // JB_HISTORY_MAXBUF_SZ
    this.history = new Float64Array(size)
    this.highest = new Float64Array(extremes)
    this.lowest = new Float64Array(extremes)
    this.last = extremes - 1
  }

  reset(): void {
    this.count = 0
    this.valid = false
  }

  /** Records one delay (history_put after its resync check). */
  put(delayNs: TimeNs): void {
    const at = this.count % this.size
    const kicked = this.history[at]!
    this.history[at] = delayNs
    this.count++
    if (!this.valid) return
    const last = this.last
    // The extremes stay right unless the new delay or the one it replaced is among them (or the ring is still filling).
    if (
      this.count < this.size ||
      delayNs < this.lowest[last]! ||
      delayNs > this.highest[last]! ||
      kicked <= this.lowest[last]! ||
      kicked >= this.highest[last]!
    ) {
      this.valid = false
    }
  }

  /** Updates `minNs` and `jitterNs` (history_get). */
  get(): void {
    if (!this.valid) this.rebuild()
    const count = Math.min(this.count, this.size)
    const index = Math.min(Math.floor((count * this.dropPercent) / 100), this.last)
    this.minNs = this.lowest[index]!
    this.jitterNs = this.highest[index]! - this.minNs
  }

  /** history_calc_maxbuf: insertion sort of the history into the two buffers. */
  private rebuild(): void {
    if (this.count === 0) return
    const highest = this.highest
    const lowest = this.lowest
    const last = this.last
    highest.fill(-Infinity)
    lowest.fill(Infinity)
    for (let i = Math.max(0, this.count - this.size); i < this.count; i++) {
      const d = this.history[i % this.size]!
      if (d > highest[last]!) {
        let j = 0
        while (!(d > highest[j]!)) j++
        highest.copyWithin(j + 1, j, last)
        highest[j] = d
      }
      if (d < lowest[last]!) {
        let j = 0
        while (!(d < lowest[j]!)) j++
        lowest.copyWithin(j + 1, j, last)
        lowest[j] = d
      }
    }
    this.valid = true
  }
}
