/**
 * The decoded, unit-normalized impairments of one channel direction: what both the scenario's
 * object form and a netem option string (`parseNetem`) decode to. Times are integer ns; rates,
 * probabilities and correlations are fractions in [0, 1]. Semantics follow Linux netem
 * (`net/sched/sch_netem.c`) and its iproute2 front end (`tc/q_netem.c`, tc-netem(8)).
 */

/** Shape of the delay variation; netem's `distribution` (uniform is netem's default, no table). */
export type DelayDistribution = "uniform" | "normal" | "pareto" | "paretonormal"

/**
 * netem `delay TIME [JITTER [CORRELATION]] [distribution NAME]`: each packet is delayed by
 * `delayNs + jitterNs · t`, t drawn from the standardized `distribution` (uniform: t ∈ [−1, 1)),
 * the uniform variate behind t correlated with the previous one by `correlation`.
 */
export interface DelaySpec {
  readonly delayNs: number
  readonly jitterNs: number
  /** 0..1 */
  readonly correlation: number
  readonly distribution: DelayDistribution
}

export type LossSpec =
  | { readonly model: "none" }
  /** netem `loss random P [CORR]`: independent losses; `correlation` is netem's (biased) get_crandom. */
  | { readonly model: "bernoulli"; readonly rate: number; readonly correlation: number }
  /**
   * netem `loss gemodel p [r [1-h [1-k]]]` (defaults r = 1 − p, 1−h = 1, 1−k = 0): Good→Bad with
   * p, Bad→Good with r; a packet is lost with `lossInBad` (1−h) in Bad, `lossInGood` (1−k) in Good.
   */
  | {
      readonly model: "gilbert-elliott"
      readonly p: number
      readonly r: number
      /** 1 − h */
      readonly lossInBad: number
      /** 1 − k */
      readonly lossInGood: number
    }
  /**
   * netem `loss state p13 [p31 [p32 [p23 [p14]]]]` (defaults p31 = 1 − p13, p32 = 0, p23 = 1,
   * p14 = 0), the 4-state GI model of Salsano, Ludovici & Ordine (the reference of sch_netem.c):
   * 1 = received in a gap, 2 = received in a burst, 3 = lost in a burst, 4 = isolated loss in a
   * gap; pij is the per-packet probability of i → j.
   */
  | {
      readonly model: "markov4"
      readonly p13: number
      readonly p31: number
      readonly p32: number
      readonly p23: number
      readonly p14: number
    }

export interface ImpairmentSpec {
  readonly delay: DelaySpec
  readonly loss: LossSpec
  /** netem `duplicate P [CORR]`: the packet is sent twice. */
  readonly duplicate: { readonly rate: number; readonly correlation: number }
  /** netem `corrupt P [CORR]`: one random bit of the packet is flipped. */
  readonly corrupt: { readonly rate: number; readonly correlation: number }
  /**
   * netem `reorder P [CORR] [gap N]`: once `gapPackets − 1` packets have been delayed since the
   * last reordered one, each packet is sent at once, without the delay, with probability `rate`.
   * Active only when `rate` > 0; `gapPackets` ≥ 1 (netem's default is 1).
   */
  readonly reorder: { readonly rate: number; readonly correlation: number; readonly gapPackets: number }
}

export const NO_IMPAIRMENT: ImpairmentSpec = {
  delay: { delayNs: 0, jitterNs: 0, correlation: 0, distribution: "uniform" },
  loss: { model: "none" },
  duplicate: { rate: 0, correlation: 0 },
  corrupt: { rate: 0, correlation: 0 },
  reorder: { rate: 0, correlation: 0, gapPackets: 1 },
}
