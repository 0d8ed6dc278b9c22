import type { EventId } from "../../sim/simulator.ts"
import { FIRST_OWN_EVENT, gapNsAt, NO_EVENT, OpenLoopSource } from "./open-loop-source.ts"
import type { PacketSizeModel } from "./packet-size.ts"
import type { TrafficSourceDeps } from "./traffic-source.ts"

const SEND = FIRST_OWN_EVENT

export interface CbrSettings {
  readonly dscp: number
  /** With variable sizes the gap stays fixed (from the mean size), so the bit rate is constant on average. */
  readonly sizes: PacketSizeModel
  readonly rateBps: number
}

/**
 * Constant bit rate: the first packet at start, then one every 8 · mean size / rate. Packet k of a
 * phase goes at round(phase + k · gap), so a non-integer gap never drifts. A rate change keeps the
 * fraction of the current gap still to wait and starts a new phase at the next packet.
 */
export class CbrSource extends OpenLoopSource {
  readonly kind = "cbr"
  private readonly meanBytes: number
  private phaseNs = 0
  private k = 0
  private pending: EventId = NO_EVENT
  /** Fraction of a gap left before the next packet, kept while the rate is 0. */
  private fractionLeft = 0

  constructor(deps: TrafficSourceDeps, settings: CbrSettings) {
    super(deps, { dscp: settings.dscp, sizes: settings.sizes, nominalRateBps: settings.rateBps })
    this.meanBytes = settings.sizes.meanBytes
  }

  get meanRateBps(): number {
    return this.nominalRateBps * this.rateScale
  }

  /** Current gap between packets, ns (Infinity at rate 0). */
  get gapNs(): number {
    return gapNsAt(this.meanBytes, this.meanRateBps)
  }

  protected onStart(): void {
    this.fractionLeft = 0
    this.startPhase()
  }

  protected onStop(): void {
    this.sim.cancel(this.pending)
    this.pending = NO_EVENT
  }

  protected onScale(oldScale: number): void {
    if (this.pending !== NO_EVENT) {
      const oldGapNs = gapNsAt(this.meanBytes, this.nominalRateBps * oldScale)
      const nextNs = this.phaseNs + this.k * oldGapNs
      this.fractionLeft = Math.min(1, Math.max(0, (nextNs - this.sim.nowNs) / oldGapNs))
      this.sim.cancel(this.pending)
      this.pending = NO_EVENT
    }
    this.startPhase()
  }

  protected onOwnEvent(kind: number): void {
    if (kind !== SEND) return
    this.emitter.emit()
    this.k++
    this.scheduleNext()
  }

  private startPhase(): void {
    const gapNs = this.gapNs
    if (gapNs === Infinity) return
    this.phaseNs = this.sim.nowNs + this.fractionLeft * gapNs
    this.k = 0
    this.scheduleNext()
  }

  private scheduleNext(): void {
    this.pending = this.sim.scheduleAt(Math.round(this.phaseNs + this.k * this.gapNs), this, SEND)
  }
}
