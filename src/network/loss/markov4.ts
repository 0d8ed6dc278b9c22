import type { RandomStream } from "../../../sim/random.ts"
import { requireFraction } from "../netem/correlated-uniform.ts"
import type { LossModel } from "./loss-model.ts"

export interface Markov4Params {
  readonly p13: number
  readonly p31: number
  readonly p32: number
  readonly p23: number
  readonly p14: number
}

/** States of the GI model, named as in sch_netem.c. */
const TX_IN_GAP = 1 // received, within a gap period
const TX_IN_BURST = 2 // received, within a burst period
const LOST_IN_BURST = 3 // lost, within a burst period
const LOST_IN_GAP = 4 // isolated loss, within a gap period

/**
 * The 4-state Markov loss model (the GI model of S. Salsano, F. Ludovici, A. Ordine, "Definition
 * of a general and intuitive loss model for packet networks and its implementation in the Netem
 * module in the Linux kernel", cited by sch_netem.c), as netem's `loss_4state` runs it: the chain starts in state 1; per packet one draw moves it, and the packet is lost when
 * the state it moves into is 3 or 4. Transitions: 1→3 p13, 1→4 p14, 2→3 p23, 3→1 p31, 3→2 p32,
 * 4→1 always; the rest stay. Needs p13 + p14 ≤ 1 and p31 + p32 ≤ 1.
 */
export class Markov4Loss implements LossModel {
  private state = TX_IN_GAP

  constructor(
    private readonly params: Markov4Params,
    private readonly rng: RandomStream,
  ) {
    for (const name of ["p13", "p31", "p32", "p23", "p14"] as const) requireFraction(name, params[name])
    if (params.p13 + params.p14 > 1) throw new RangeError(`p13 + p14 must not exceed 1, got ${params.p13} + ${params.p14}`)
    if (params.p31 + params.p32 > 1) throw new RangeError(`p31 + p32 must not exceed 1, got ${params.p31} + ${params.p32}`)
  }

  isLost(): boolean {
    const { p13, p31, p32, p23, p14 } = this.params
    const u = this.rng.nextFloat()
    switch (this.state) {
      case TX_IN_GAP:
        if (u < p14) this.state = LOST_IN_GAP
        else if (u < p14 + p13) this.state = LOST_IN_BURST
        break
      case TX_IN_BURST:
        if (u < p23) this.state = LOST_IN_BURST
        break
      case LOST_IN_BURST:
        if (u < p32) this.state = TX_IN_BURST
        else if (u < p32 + p31) this.state = TX_IN_GAP
        break
      case LOST_IN_GAP:
        this.state = TX_IN_GAP
        break
    }
    return this.state === LOST_IN_BURST || this.state === LOST_IN_GAP
  }
}
