import { exp, log } from "../../../sim/math/portable-math.ts"
import type { DelayDistribution } from "../impairment-spec.ts"
import { normalQuantile } from "./normal-quantile.ts"

/**
 * Standardized delay variations t(u) for a uniform u in [0, 1): netem delays a packet by
 * D + J·t. Without a table netem's t is uniform on [−1, 1) (sch_netem.c `tabledist`); with one it
 * is `table[rnd % size] / NETEM_DIST_SCALE`, the tables being 4096-point discretizations of the
 * inverse CDFs below, stored as int16 scaled by NETEM_DIST_SCALE = 8192 (so t ∈ [−4, 32767/8192]).
 * We evaluate those inverse CDFs exactly instead of the discretized tables. Each t(u) is
 * non-decreasing in u, so a correlated u gives a positively correlated delay.
 */
export type StandardQuantile = (u: number) => number

const DIST_SCALE = 8192 // NETEM_DIST_SCALE, include/uapi/linux/pkt_sched.h
const T_MIN = -32768 / DIST_SCALE // int16 range of the tables
const T_MAX = 32767 / DIST_SCALE
const PARETO_SHAPE = 3 // iproute2 netem/pareto.c: a = 3

const clampToTable = (t: number): number => (t < T_MIN ? T_MIN : t > T_MAX ? T_MAX : t)

/** netem's default without a table: uniform on [−1, 1) (`rnd % (2σ) − σ`). */
const uniformT: StandardQuantile = (u) => 2 * u - 1

/** iproute2 netem/normal.c: Φ⁻¹, the standard normal inverse CDF, within the table range. */
const normalT: StandardQuantile = (u) => clampToTable(normalQuantile(u))

/**
 * iproute2 netem/pareto.c: (x − 1.5)·4/3 for x = v^(−1/a), v = 1 − u, a Pareto with shape a = 3
 * and scale 1 (mean 1.5, variance 3/4); capped at 32767/8192 like the table. Not standardized:
 * its mean is ≈ −0.033 and its standard deviation ≈ 0.82 (the cap cuts the tail).
 */
const paretoT: StandardQuantile = (u) => {
  const x = exp(-log(1 - u) / PARETO_SHAPE)
  const t = (x - 1.5) * (4 / 3)
  return t < T_MAX ? t : T_MAX
}

/**
 * iproute2 netem/paretonormal.c: ".25·normal + .75·pareto" taken quantile by quantile
 * (table[i] = (normal[i] + 3·pareto[i]) / 4 at the same i), i.e. the comonotone sum of the two
 * quantile functions above, not a mixture.
 */
const paretoNormalT: StandardQuantile = (u) => clampToTable(0.25 * normalT(u) + 0.75 * paretoT(u))

export const NETEM_QUANTILES: Readonly<Record<DelayDistribution, StandardQuantile>> = {
  uniform: uniformT,
  normal: normalT,
  pareto: paretoT,
  paretonormal: paretoNormalT,
}
