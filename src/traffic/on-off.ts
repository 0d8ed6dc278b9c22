import { exponential, pareto, type Distribution } from "../../sim/distributions.ts"
import type { RandomStream } from "../../sim/random.ts"
import type { EventId } from "../../sim/simulator.ts"
import { FIRST_OWN_EVENT, gapNsAt, NO_EVENT, OpenLoopSource } from "./open-loop-source.ts"
import type { PacketSizeModel } from "./packet-size.ts"
import type { TrafficSourceDeps } from "./traffic-source.ts"

const SEND = FIRST_OWN_EVENT
const TOGGLE = FIRST_OWN_EVENT + 1

export interface OnOffSettings {
  readonly dscp: number
  readonly sizes: PacketSizeModel
  /** Rate while on, bit/s: packets every 8 · mean size / peak. */
  readonly peakRateBps: number
  /** Mean on period, ns; on periods are Pareto with this mean. */
  readonly onMeanNs: number
  /** Pareto shape α of on periods, > 1 (finite mean); 1 < α < 2 makes the aggregate self-similar. */
  readonly onShape: number
  readonly offMeanNs: number
  readonly offDistribution: "exponential" | "pareto"
  /** Pareto shape of off periods when offDistribution is "pareto", > 1. */
  readonly offShape: number
}

/** Pareto type I with the given mean: E[X] = xm·α/(α−1), so xm = mean·(α−1)/α. */
export const paretoWithMean = (meanNs: number, shape: number): Distribution => {
  if (!(shape > 1)) throw new RangeError(`a Pareto shape must be > 1 for a finite mean, got ${shape}`)
  if (!(meanNs > 0) || !Number.isFinite(meanNs)) throw new RangeError(`a mean period must be finite and > 0 ns, got ${meanNs}`)
  return pareto((meanNs * (shape - 1)) / shape, shape)
}

/**
 * On-off source: Pareto on periods, exponential or Pareto off periods, CBR at the peak rate while on.
 * Many such sources with 1 < α < 2 add up to self-similar traffic with H = (3 − α)/2
 * (Willinger, Taqqu, Sherman & Wilson 1997). The packet clock only runs while on and carries the
 * fraction of a gap left over from one on period to the next, so the long-run rate is exactly
 * peak · E[on]/(E[on] + E[off]) with no per-period rounding bias. The first period is on with
 * probability E[on]/(E[on] + E[off]) and starts at a random point of the packet clock.
 */
export class OnOffSource extends OpenLoopSource {
  readonly kind = "on-off"
  readonly onPeriodNs: Distribution
  readonly offPeriodNs: Distribution
  private readonly meanBytes: number
  private readonly periodRng: RandomStream
  private on = false
  private periodEndNs = 0
  /** Fraction of a gap still to pass, in on time, before the next packet. */
  private fraction = 0
  private nextIdealNs = 0
  private pendingSend: EventId = NO_EVENT
  private pendingToggle: EventId = NO_EVENT
  onPeriods = 0

  constructor(deps: TrafficSourceDeps, settings: OnOffSettings) {
    super(deps, { dscp: settings.dscp, sizes: settings.sizes, nominalRateBps: settings.peakRateBps })
    this.meanBytes = settings.sizes.meanBytes
    this.onPeriodNs = paretoWithMean(settings.onMeanNs, settings.onShape)
    this.offPeriodNs =
      settings.offDistribution === "pareto" ? paretoWithMean(settings.offMeanNs, settings.offShape) : exponential(settings.offMeanNs)
    this.periodRng = deps.rng.split("periods")
  }

  /** Fraction of time on: E[on]/(E[on] + E[off]). */
  get onFraction(): number {
    return this.onPeriodNs.mean / (this.onPeriodNs.mean + this.offPeriodNs.mean)
  }

  get meanRateBps(): number {
    return this.nominalRateBps * this.rateScale * this.onFraction
  }

  get isOn(): boolean {
    return this.running && this.on
  }

  private get gapNs(): number {
    return gapNsAt(this.meanBytes, this.nominalRateBps * this.rateScale)
  }

  protected onStart(): void {
    const startOn = this.periodRng.nextFloat() < this.onFraction
    this.fraction = this.periodRng.nextFloat()
    if (startOn) this.beginOn()
    else this.beginOff()
  }

  protected onStop(): void {
    this.sim.cancel(this.pendingSend)
    this.sim.cancel(this.pendingToggle)
    this.pendingSend = NO_EVENT
    this.pendingToggle = NO_EVENT
  }

  protected onScale(oldScale: number): void {
    if (!this.on) return // the fraction is kept in units of a gap, whatever the rate
    if (oldScale > 0) {
      this.fraction = this.fractionAt(gapNsAt(this.meanBytes, this.nominalRateBps * oldScale))
      this.sim.cancel(this.pendingSend)
      this.pendingSend = NO_EVENT
    }
    this.planSend()
  }

  protected onOwnEvent(kind: number): void {
    if (kind === SEND) {
      this.emitter.emit()
      this.nextIdealNs += this.gapNs
      this.scheduleSendInPeriod()
    } else if (kind === TOGGLE) {
      if (!this.on) return this.beginOn()
      if (this.rateScale > 0) this.fraction = this.fractionAt(this.gapNs)
      this.beginOff()
    }
  }

  private beginOn(): void {
    this.on = true
    this.onPeriods++
    this.periodEndNs = this.sim.nowNs + Math.round(this.onPeriodNs.sample(this.periodRng))
    this.pendingToggle = this.sim.scheduleAt(this.periodEndNs, this, TOGGLE)
    this.planSend()
  }

  private beginOff(): void {
    this.on = false
    this.pendingSend = NO_EVENT
    this.periodEndNs = this.sim.nowNs + Math.round(this.offPeriodNs.sample(this.periodRng))
    this.pendingToggle = this.sim.scheduleAt(this.periodEndNs, this, TOGGLE)
  }

  /** While on: the next packet after `fraction` of a gap at the current rate. */
  private planSend(): void {
    const gapNs = this.gapNs
    if (gapNs === Infinity) return
    this.nextIdealNs = this.sim.nowNs + this.fraction * gapNs
    this.scheduleSendInPeriod()
  }

  private scheduleSendInPeriod(): void {
    const atNs = Math.round(this.nextIdealNs)
    this.pendingSend = atNs < this.periodEndNs ? this.sim.scheduleAt(atNs, this, SEND) : NO_EVENT
  }

  private fractionAt(gapNs: number): number {
    return Math.min(1, Math.max(0, (this.nextIdealNs - this.sim.nowNs) / gapNs))
  }
}
