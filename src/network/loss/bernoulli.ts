import type { RandomStream } from "../../../sim/random.ts"
import { CorrelatedUniform, requireFraction } from "../netem/correlated-uniform.ts"
import type { LossModel } from "./loss-model.ts"

/**
 * netem `loss random P [CORR]`: each packet is lost when a uniform draw falls below `rate`
 * (sch_netem.c `loss_event`, CLG_RANDOM). With `correlation` ρ > 0 the draw comes from netem's
 * `get_crandom` (next = (1 − ρ)·u + ρ·last), a biased approximation: it clusters losses but also
 * changes the loss rate (far below `rate` when `rate` is small); see CorrelatedUniform.
 * With ρ = 0 losses are independent and bursts geometric: P(length = k) = (1 − p)·p^(k−1).
 */
export class BernoulliLoss implements LossModel {
  private readonly draw: CorrelatedUniform | undefined

  constructor(
    private readonly rate: number,
    private readonly rng: RandomStream,
    correlation = 0,
  ) {
    requireFraction("loss rate", rate)
    requireFraction("loss correlation", correlation)
    this.draw = correlation > 0 ? new CorrelatedUniform(correlation, rng) : undefined
  }

  isLost(): boolean {
    if (this.draw === undefined) return this.rng.chance(this.rate)
    return this.draw.next() < this.rate
  }
}
