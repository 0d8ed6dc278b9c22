import type { RandomStream } from "../../../sim/random.ts"
import type { DelaySpec } from "../impairment-spec.ts"
import type { DelayModel } from "./delay-model.ts"
import { NetemDelay } from "./netem-delay.ts"

/** The delay model a DelaySpec describes, drawing from `rng` (owned by the model from now on). */
export function makeDelayModel(spec: DelaySpec, rng: RandomStream): DelayModel {
  return new NetemDelay(spec, rng)
}
