import type { Distribution } from "../../../sim/distributions.ts"
import type { RandomStream } from "../../../sim/random.ts"
import type { TimeNs } from "../../../sim/time.ts"
import type { DelayModel } from "./delay-model.ts"

/**
 * A fixed propagation delay plus an independent random variation per packet, clipped at 0 and
 * rounded to the ns. Independent variations reorder packets when they exceed their spacing.
 */
export class VariationDelay implements DelayModel {
  constructor(
    private readonly propagationNs: TimeNs,
    private readonly variationNs: Distribution | undefined,
    private readonly rng: RandomStream,
  ) {}

  sampleNs(): TimeNs {
    if (this.variationNs === undefined) return this.propagationNs
    const delayNs = Math.round(this.propagationNs + this.variationNs.sample(this.rng))
    return delayNs > 0 ? delayNs : 0
  }
}
