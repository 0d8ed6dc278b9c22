/**
 * Closed-form facts about a finite Markov chain P (rows sum to 1) used to judge long loss runs.
 * X_n is a packet's loss indicator with P(X_n = 1 | S_n = s) = g[s]; for a deterministic
 * model g is 0/1, otherwise the draw is independent given the state (Gilbert–Elliott).
 */
export type Matrix = readonly (readonly number[])[]

const times = (P: Matrix, v: readonly number[]): number[] =>
  P.map((row) => row.reduce((sum, pij, j) => sum + pij * v[j]!, 0))

const dot = (a: readonly number[], b: readonly number[]): number => a.reduce((sum, ai, i) => sum + ai * b[i]!, 0)

/**
 * Asymptotic variance of the sample mean of X (n·Var(mean) → σ²∞): Var(g(S)) plus twice the sum
 * of lag-k autocovariances of g(S) (Kemeny & Snell), plus E[g(1 − g)] for the independent draw.
 */
export function asymptoticVariance(P: Matrix, pi: readonly number[], g: readonly number[]): number {
  const mean = dot(pi, g)
  const centred = g.map((gi) => gi - mean)
  let variance = dot(pi, centred.map((c) => c * c))
  let v = centred
  for (let k = 1; k < 100_000; k++) {
    v = times(P, v) // E[g̃(S_k) | S_0 = s]
    const lag = dot(pi, centred.map((c, s) => c * v[s]!))
    variance += 2 * lag
    if (Math.abs(lag) < 1e-18) break
  }
  return variance + dot(pi, g.map((gi) => gi * (1 - gi)))
}

/** P(X_(n−1) = 0, X_n = 1): the rate at which loss bursts start, per packet. */
export function burstStartRate(P: Matrix, pi: readonly number[], g: readonly number[]): number {
  return pi.reduce((sum, ps, s) => sum + ps * (1 - g[s]!) * dot(P[s]!, g), 0)
}
