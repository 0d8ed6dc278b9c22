import type { RandomStream } from "../../../sim/random.ts"
import type { LossSpec } from "../impairment-spec.ts"
import { BernoulliLoss } from "./bernoulli.ts"
import { GilbertElliottLoss } from "./gilbert-elliott.ts"
import { noLoss, type LossModel } from "./loss-model.ts"
import { Markov4Loss } from "./markov4.ts"

/**
 * The loss model a LossSpec describes, drawing from `rng` (owned by the model from now on).
 * A zero Bernoulli rate draws nothing, as netem skips the draw when `loss` is 0.
 */
export function makeLossModel(spec: LossSpec, rng: RandomStream): LossModel {
  switch (spec.model) {
    case "none":
      return noLoss
    case "bernoulli":
      return spec.rate > 0 ? new BernoulliLoss(spec.rate, rng, spec.correlation) : noLoss
    case "gilbert-elliott":
      return new GilbertElliottLoss(spec, rng)
    case "markov4":
      return new Markov4Loss(spec, rng)
  }
}
