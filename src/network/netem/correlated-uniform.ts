import type { RandomStream } from "../../../sim/random.ts"

/** The largest double below 1: rounding must not push a mix of values < 1 up to 1. */
const BELOW_ONE = 1 - 2 ** -53

/** Throws unless `value` is a probability (a finite number in [0, 1]). */
export function requireFraction(name: string, value: number): void {
  if (!(value >= 0 && value <= 1)) throw new RangeError(`${name} must be in [0, 1], got ${value}`)
}

/**
 * netem's correlated random number generator (`get_crandom` in net/sched/sch_netem.c):
 * next = (1 − ρ)·u + ρ·last, u uniform on [0, 1), `last` seeded with a uniform draw
 * (`init_crandom`). With ρ = 0 it returns the stream's uniforms unchanged.
 *
 * This is netem's known-biased approximation, not a correlated uniform: the output is an AR(1)
 * process with lag-1 autocorrelation ρ and mean 1/2, but its marginal is no longer uniform (its
 * variance shrinks to (1 − ρ)/(12(1 + ρ))), so `next() < p` happens with probability ≠ p for
 * p ≠ 1/2, e.g. far below p for a small loss rate. We reproduce it for netem compatibility.
 * One generator per correlated quantity and link direction, as netem keeps one state each.
 */
export class CorrelatedUniform {
  private last: number

  constructor(
    readonly correlation: number,
    private readonly rng: RandomStream,
  ) {
    requireFraction("correlation", correlation)
    this.last = correlation > 0 ? rng.nextFloat() : 0
  }

  /** The next value in [0, 1). */
  next(): number {
    const u = this.rng.nextFloat()
    if (this.correlation === 0) return u
    const mixed = (1 - this.correlation) * u + this.correlation * this.last
    const value = mixed < 1 ? mixed : BELOW_ONE
    this.last = value
    return value
  }
}
