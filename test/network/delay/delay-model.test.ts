import { describe, expect, it } from "vitest"
import { uniform } from "../../../sim/distributions.ts"
import { RandomSource } from "../../../sim/random.ts"
import { DelayModel } from "../../../src/network/delay/delay-model.ts"
import { VariationDelay } from "../../../src/network/delay/variation-delay.ts"

describe("DelayModel compatibility constructor", () => {
  it("`new DelayModel(propagation, undefined, rng)` is a fixed delay", () => {
    const model = new DelayModel(5_000_000, undefined, new RandomSource(1).stream("delay"))
    expect(model).toBeInstanceOf(VariationDelay)
    expect(model.sampleNs()).toBe(5_000_000)
  })

  it("adds an independent variation, rounded to the ns and clipped at 0", () => {
    // 1 ms + U[−3, 3) ms: P(clipped to 0) = 2/6.
    const model = new DelayModel(1_000_000, uniform(-3_000_000, 3_000_000), new RandomSource(2).stream("delay"))
    const xs = Array.from({ length: 60_000 }, () => model.sampleNs())
    expect(xs.every((x) => Number.isInteger(x) && x >= 0 && x < 4_000_000)).toBe(true)
    const zeros = xs.filter((x) => x === 0).length / xs.length
    expect(Math.abs(zeros - 1 / 3)).toBeLessThan(5 * Math.sqrt((1 / 3) * (2 / 3) / xs.length))
  })
})
