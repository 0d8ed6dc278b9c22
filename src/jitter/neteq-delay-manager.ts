import { NS_PER_MS, type TimeNs } from "../../sim/time.ts"
import { NetEqHistogram } from "./neteq-histogram.ts"

export interface NetEqDelayConfig {
  readonly quantile: number
  readonly forgetFactor: number
  readonly startForgetWeight: number
  readonly resampleIntervalMs: number
  readonly histogramBucketMs: number
  readonly histogramBuckets: number
  readonly startDelayMs: number
  readonly maxPacketsInBuffer: number
}

/**
 * NetEq's target delay (modules/audio_coding/neteq/delay_manager.cc and underrun_optimizer.cc):
 * the relative arrival delays, resampled to the largest in each 500 ms, go into a histogram of
 * 20 ms buckets; the target is the top of the bucket holding the 95 % quantile, (1 + q)·20 ms
 * (80 ms until the first sample), at most 3/4 of the buffer's capacity. Reordered packets do not
 * update it (DelayManager::Update with its reorder optimizer on, the default; the reorder
 * optimizer's own target is not ported).
 */
export class NetEqDelayManager {
  readonly histogram: NetEqHistogram
  private readonly bucketNs: TimeNs
  private readonly resampleIntervalNs: TimeNs
  private intervalStartNs = Number.NaN
  private maxInIntervalNs = 0
  private optimalNs = Number.NaN
  /** The target delay (DelayManager::TargetDelayMs). */
  targetNs: TimeNs

  constructor(
    private readonly config: NetEqDelayConfig,
    private readonly packetNs: TimeNs,
  ) {
    this.histogram = new NetEqHistogram(config.histogramBuckets, config.forgetFactor, config.startForgetWeight)
    this.bucketNs = config.histogramBucketMs * NS_PER_MS
    this.resampleIntervalNs = config.resampleIntervalMs * NS_PER_MS
    this.targetNs = config.startDelayMs * NS_PER_MS
  }

  /** DelayManager::Update: one packet's relative arrival delay, at `nowNs`. */
  update(relativeDelayNs: TimeNs, reordered: boolean, nowNs: TimeNs): void {
    if (!reordered) this.updateOptimal(relativeDelayNs, nowNs)
    const c = this.config
    let targetNs = Number.isNaN(this.optimalNs) ? c.startDelayMs * NS_PER_MS : this.optimalNs
    // Limit to 75 % of the packet buffer (DelayManager::Update).
    targetNs = Math.min(targetNs, (3 * c.maxPacketsInBuffer * this.packetNs) / 4)
    this.targetNs = targetNs
  }

  /** UnderrunOptimizer::Update. */
  private updateOptimal(relativeDelayNs: TimeNs, nowNs: TimeNs): void {
    let sampleNs = relativeDelayNs
    if (this.resampleIntervalNs > 0) {
      sampleNs = Number.NaN
      if (Number.isNaN(this.intervalStartNs)) this.intervalStartNs = nowNs
      if (nowNs - this.intervalStartNs > this.resampleIntervalNs) {
        sampleNs = this.maxInIntervalNs
        this.intervalStartNs = nowNs
        this.maxInIntervalNs = 0
      }
      this.maxInIntervalNs = Math.max(this.maxInIntervalNs, relativeDelayNs)
      if (Number.isNaN(sampleNs)) return
    }
    const index = Math.floor(sampleNs / this.bucketNs)
    if (index < this.config.histogramBuckets) this.histogram.add(index) // up to 2 s
    this.optimalNs = (1 + this.histogram.quantile(this.config.quantile)) * this.bucketNs
  }
}
