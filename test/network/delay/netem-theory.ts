/**
 * Closed forms for netem's standardized delay variations t (delay = D + J·t), independent of the
 * code under test. Tables (iproute2 netem/*.c) store t as int16/8192, so t ≤ C = 32767/8192.
 */
export const C = 32767 / 8192

/**
 * pareto.c: t = (4/3)(U^(−1/3) − 3/2) capped at C, U uniform on (0, 1]. The cap binds for
 * U < u_c = (3/2 + 3C/4)^(−3). With ∫ (4/3)(u^(−1/3) − 3/2) du = 2u^(2/3) − 2u and
 * ∫ (16/9)(u^(−1/3) − 3/2)² du = (16/9)(3u^(1/3) − (9/2)u^(2/3) + (9/4)u):
 *   E[t]  = C·u_c + 2u_c − 2u_c^(2/3)
 *   E[t²] = C²·u_c + (16/9)[(3 − 9/2 + 9/4) − (3u_c^(1/3) − (9/2)u_c^(2/3) + (9/4)u_c)]
 */
export function paretoMoments(): { mean: number; sd: number } {
  const uc = (1.5 + 0.75 * C) ** -3
  const mean = C * uc + 2 * uc - 2 * uc ** (2 / 3)
  const second = C * C * uc + (16 / 9) * (0.75 - (3 * uc ** (1 / 3) - 4.5 * uc ** (2 / 3) + 2.25 * uc))
  return { mean, sd: Math.sqrt(second - mean * mean) }
}

/** erfc(x), Numerical Recipes' `erfcc` (Chebyshev fit, fractional error < 1.2e-7 everywhere). */
export function erfc(x: number): number {
  const z = Math.abs(x)
  const t = 1 / (1 + 0.5 * z)
  const poly =
    -z * z - 1.26551223 +
    t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 +
    t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))))
  const r = t * Math.exp(poly)
  return x >= 0 ? r : 2 - r
}

/** Φ(z), the standard normal CDF. */
export const normalCdf = (z: number): number => 0.5 * erfc(-z / Math.SQRT2)

/**
 * paretonormal.c: t = (normal[i] + 3·pareto[i])/4 at the same table index, i.e. with one uniform v:
 * t(v) = Φ⁻¹(v)/4 + (3/4)·(4/3)((1 − v)^(−1/3) − 3/2). Substituting v = Φ(z), the moments are
 * ∫ t(Φ(z))^k φ(z) dz, integrated here by Simpson's rule on [−9, 9] (normal part clamped to
 * the table range [−4, C], pareto part capped at C).
 */
export function paretoNormalMoments(): { mean: number; sd: number } {
  const t = (z: number): number => {
    const normal = Math.min(Math.max(z, -4), C)
    const pareto = Math.min((4 / 3) * (normalCdf(-z) ** (-1 / 3) - 1.5), C)
    return 0.25 * normal + 0.75 * pareto
  }
  const phi = (z: number): number => Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI)
  const steps = 36_000
  const h = 18 / steps
  let m1 = 0
  let m2 = 0
  for (let i = 0; i <= steps; i++) {
    const z = -9 + i * h
    const w = (i === 0 || i === steps ? 1 : i % 2 === 1 ? 4 : 2) * (h / 3) * phi(z)
    const ti = t(z)
    m1 += w * ti
    m2 += w * ti * ti
  }
  return { mean: m1, sd: Math.sqrt(m2 - m1 * m1) }
}
