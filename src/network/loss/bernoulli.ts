import type { RandomStream } from "../../../sim/random.ts"
import type { LossModel } from "./loss-model.ts"

/** Independent losses with a fixed probability (netem `loss random`). */
export class BernoulliLoss implements LossModel {
  constructor(
    private readonly rate: number,
    private readonly rng: RandomStream,
  ) {}

  isLost(): boolean {
    return this.rng.nextFloat() < this.rate
  }
}
