import type { RandomStream } from "../../../sim/random.ts"
import { requireFraction } from "../netem/correlated-uniform.ts"
import type { LossModel } from "./loss-model.ts"

export interface GilbertElliottParams {
  /** P(Good → Bad) per packet. */
  readonly p: number
  /** P(Bad → Good) per packet. */
  readonly r: number
  /** Loss probability in Bad, 1 − h. */
  readonly lossInBad: number
  /** Loss probability in Good, 1 − k. */
  readonly lossInGood: number
}

/**
 * Gilbert (1960) – Elliott (1963) two-state loss channel, as netem's `loss_gilb_ell`
 * (net/sched/sch_netem.c) runs it: the chain starts in Good; per packet, one draw moves it
 * (Good → Bad with p, Bad → Good with r), a second draw loses the packet with the loss
 * probability of the state it arrived in (the state before that move).
 * Stationary loss rate π_B·(1 − h) + π_G·(1 − k), π_B = p/(p + r); with 1 − h = 1 and
 * 1 − k = 0 (Gilbert) bursts are geometric with mean 1/r.
 */
export class GilbertElliottLoss implements LossModel {
  private bad = false

  constructor(
    private readonly params: GilbertElliottParams,
    private readonly rng: RandomStream,
  ) {
    requireFraction("p", params.p)
    requireFraction("r", params.r)
    requireFraction("lossInBad (1-h)", params.lossInBad)
    requireFraction("lossInGood (1-k)", params.lossInGood)
  }

  isLost(): boolean {
    const { p, r, lossInBad, lossInGood } = this.params
    if (this.bad) {
      if (this.rng.chance(r)) this.bad = false
      return this.rng.chance(lossInBad)
    }
    if (this.rng.chance(p)) this.bad = true
    return this.rng.chance(lossInGood)
  }
}
