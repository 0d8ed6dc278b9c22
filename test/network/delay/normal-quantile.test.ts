import { describe, expect, it } from "vitest"
import { normalQuantile } from "../../../src/network/delay/normal-quantile.ts"

// Standard normal quantiles √2·erfinv(2p − 1), evaluated to 30 digits (mpmath) and rounded to doubles.
const QUANTILES: readonly (readonly [number, number])[] = [
  [0.5, 0],
  [0.95, 1.6448536269514727], // central branch
  [0.975, 1.959963984540054],
  [0.001, -3.0902323061678135], // |q| > 0.425, r ≤ 5
  [0.999, 3.0902323061678135],
  [1e-10, -6.361340902404056],
  [1e-12, -7.034483825301132], // r > 5
]

describe("normalQuantile (Wichura AS 241)", () => {
  it.each(QUANTILES)("Φ⁻¹(%s) = %s", (p, x) => {
    expect(Math.abs(normalQuantile(p) - x)).toBeLessThanOrEqual(1e-15 * Math.max(1, Math.abs(x)) * 4)
  })

  it("is −∞ at 0 and +∞ at 1, and refuses p outside [0, 1]", () => {
    expect(normalQuantile(0)).toBe(-Infinity)
    expect(normalQuantile(1)).toBe(Infinity)
    expect(() => normalQuantile(1.1)).toThrow(RangeError)
    expect(() => normalQuantile(Number.NaN)).toThrow(RangeError)
  })
})
