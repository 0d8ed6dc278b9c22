import { exponential } from "../../sim/distributions.ts"
import type { RandomStream } from "../../sim/random.ts"
import type { EventId } from "../../sim/simulator.ts"
import { FIRST_OWN_EVENT, gapNsAt, NO_EVENT, OpenLoopSource } from "./open-loop-source.ts"
import type { PacketSizeModel } from "./packet-size.ts"
import type { TrafficSourceDeps } from "./traffic-source.ts"

const SEND = FIRST_OWN_EVENT
const UNIT_EXPONENTIAL = exponential(1)

export interface PoissonSettings {
  readonly dscp: number
  readonly sizes: PacketSizeModel
  /** Mean bit rate; packets arrive at rateBps / (8 · mean packet size) per second. */
  readonly rateBps: number
}

/**
 * Packets at the epochs of a Poisson process: independent exponential gaps. A rate change redraws
 * the pending gap from the change on, which is exact because the process is memoryless.
 */
export class PoissonSource extends OpenLoopSource {
  readonly kind = "poisson"
  private readonly meanBytes: number
  private readonly gapRng: RandomStream
  /** Ideal (unrounded) time of the next packet: rounding each time, not each gap, cannot drift. */
  private nextIdealNs = 0
  private pending: EventId = NO_EVENT

  constructor(deps: TrafficSourceDeps, settings: PoissonSettings) {
    super(deps, { dscp: settings.dscp, sizes: settings.sizes, nominalRateBps: settings.rateBps })
    this.meanBytes = settings.sizes.meanBytes
    this.gapRng = deps.rng.split("gaps")
  }

  get meanRateBps(): number {
    return this.nominalRateBps * this.rateScale
  }

  protected onStart(): void {
    this.scheduleFrom(this.sim.nowNs)
  }

  protected onStop(): void {
    this.sim.cancel(this.pending)
    this.pending = NO_EVENT
  }

  protected onScale(): void {
    this.sim.cancel(this.pending)
    this.scheduleFrom(this.sim.nowNs)
  }

  protected onOwnEvent(kind: number): void {
    if (kind !== SEND) return
    this.emitter.emit()
    this.scheduleFrom(this.nextIdealNs)
  }

  private scheduleFrom(fromNs: number): void {
    const meanGapNs = gapNsAt(this.meanBytes, this.meanRateBps)
    if (meanGapNs === Infinity) {
      this.pending = NO_EVENT
      return
    }
    this.nextIdealNs = fromNs + meanGapNs * UNIT_EXPONENTIAL.sample(this.gapRng)
    this.pending = this.sim.scheduleAt(Math.max(this.sim.nowNs, Math.round(this.nextIdealNs)), this, SEND)
  }
}
