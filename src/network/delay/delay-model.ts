import type { Distribution } from "../../../sim/distributions.ts"
import type { RandomStream } from "../../../sim/random.ts"
import type { TimeNs } from "../../../sim/time.ts"

/**
 * One-way channel delay: a fixed propagation delay plus an independent random variation per packet,
 * as netem's `delay D J` does. Independent variations reorder packets when J exceeds their spacing.
 */
export class DelayModel {
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
