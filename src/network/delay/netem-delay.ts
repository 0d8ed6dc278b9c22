import type { RandomStream } from "../../../sim/random.ts"
import type { TimeNs } from "../../../sim/time.ts"
import type { DelaySpec } from "../impairment-spec.ts"
import { CorrelatedUniform, requireFraction } from "../netem/correlated-uniform.ts"
import type { DelayModel } from "./delay-model.ts"
import { NETEM_QUANTILES, type StandardQuantile } from "./netem-quantiles.ts"

/**
 * netem `delay D J ρ distribution NAME` (sch_netem.c `tabledist`): each packet is delayed by
 * D + J·t(u), t the distribution's standardized quantile (see netem-quantiles.ts) and u netem's
 * correlated uniform (`get_crandom`, state kept per model, i.e. per link direction); J = 0 gives
 * exactly D without drawing. The result is rounded to the ns and clipped at 0.
 *
 * Correlation follows netem's documented intent (tc-netem(8): "the next random element
 * depending ρ on the last one"): u_n = (1 − ρ)·v + ρ·u_(n−1). (The kernel then reduces u modulo
 * the table size or 2J, which throws most of that correlation away; we keep it.) As with
 * netem, ρ > 0 also narrows the spread: for the uniform shape the standard deviation becomes
 * (J/√3)·√((1 − ρ)/(1 + ρ)); the mean stays D for the symmetric shapes (uniform, normal) only.
 */
export class NetemDelay implements DelayModel {
  private readonly draw: CorrelatedUniform | undefined
  private readonly quantile: StandardQuantile
  private readonly delayNs: number
  private readonly jitterNs: number

  constructor(spec: DelaySpec, rng: RandomStream) {
    if (!(spec.delayNs >= 0 && Number.isFinite(spec.delayNs))) throw new RangeError(`delayNs must be finite and ≥ 0, got ${spec.delayNs}`)
    if (!(spec.jitterNs >= 0 && Number.isFinite(spec.jitterNs))) throw new RangeError(`jitterNs must be finite and ≥ 0, got ${spec.jitterNs}`)
    requireFraction("delay correlation", spec.correlation)
    this.draw = spec.jitterNs > 0 ? new CorrelatedUniform(spec.correlation, rng) : undefined
    this.quantile = NETEM_QUANTILES[spec.distribution]
    this.delayNs = spec.delayNs
    this.jitterNs = spec.jitterNs
  }

  get isConstant(): boolean {
    return this.draw === undefined
  }

  sampleNs(): TimeNs {
    if (this.draw === undefined) return Math.round(this.delayNs)
    const sampleNs = Math.round(this.delayNs + this.jitterNs * this.quantile(this.draw.next()))
    return sampleNs > 0 ? sampleNs : 0
  }
}
