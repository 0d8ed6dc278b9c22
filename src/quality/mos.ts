/**
 * Mapping between the E-model rating R and the estimated conversational MOS (MOS-CQE):
 * ITU-T G.107 (06/2015) Annex B, and its numeric inverse.
 *
 * Note: taken literally, the Annex B polynomial dips slightly below 1 for 0 < R < 6.5153
 * (minimum ~0.989 at R ~ 3.2), so MOS is not monotonic in R below R ~ 3.2. mosFromR keeps
 * the standard's formula as written; callers wanting a floor of 1 should apply Math.max(1, mos).
 */

/** Largest R where the Annex B polynomial equals 1: root of R^2 - 160 R + 1000 = 0, i.e. 80 - sqrt(5400). */
export const R_AT_MOS_1 = 80 - Math.sqrt(5400)

// ITU-T G.107 (06/2015) Annex B: MOS = 1 for R < 0; 1 + 0.035 R + R (R - 60)(100 - R) 7e-6 for 0 <= R <= 100; 4.5 for R > 100
export function mosFromR(R: number): number {
  if (R < 0) return 1
  if (R > 100) return 4.5
  return 1 + 0.035 * R + R * (R - 60) * (100 - R) * 7e-6
}

const INVERSE_ITERATIONS = 80

/**
 * Inverse of mosFromR on the branch where it is increasing, R in [R_AT_MOS_1, 100], found by
 * bisection. MOS is clamped to [1, 4.5] first, so rFromMos(<= 1) = R_AT_MOS_1 (~6.5153) and
 * rFromMos(>= 4.5) = 100, the same end points as the closed form of G.107 Appendix I.
 * NaN gives NaN.
 */
export function rFromMos(mos: number): number {
  if (Number.isNaN(mos)) return Number.NaN
  if (mos <= 1) return R_AT_MOS_1
  if (mos >= 4.5) return 100
  let low = R_AT_MOS_1
  let high = 100
  for (let i = 0; i < INVERSE_ITERATIONS; i++) {
    const mid = (low + high) / 2
    if (mosFromR(mid) < mos) low = mid
    else high = mid
  }
  return (low + high) / 2
}
