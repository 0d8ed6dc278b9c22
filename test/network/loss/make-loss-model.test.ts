import { describe, expect, it } from "vitest"
import { RandomSource } from "../../../sim/random.ts"
import { BernoulliLoss } from "../../../src/network/loss/bernoulli.ts"
import { GilbertElliottLoss } from "../../../src/network/loss/gilbert-elliott.ts"
import { noLoss } from "../../../src/network/loss/loss-model.ts"
import { makeLossModel } from "../../../src/network/loss/make-loss-model.ts"
import { Markov4Loss } from "../../../src/network/loss/markov4.ts"

const stream = () => new RandomSource(5).stream("loss")

describe("makeLossModel", () => {
  it("builds the model each spec names", () => {
    expect(makeLossModel({ model: "none" }, stream())).toBe(noLoss)
    expect(makeLossModel({ model: "bernoulli", rate: 0.01, correlation: 0 }, stream())).toBeInstanceOf(BernoulliLoss)
    expect(makeLossModel({ model: "gilbert-elliott", p: 0.01, r: 0.3, lossInBad: 1, lossInGood: 0 }, stream())).toBeInstanceOf(
      GilbertElliottLoss,
    )
    expect(makeLossModel({ model: "markov4", p13: 0.01, p31: 0.3, p32: 0, p23: 1, p14: 0 }, stream())).toBeInstanceOf(Markov4Loss)
  })

  it("a zero Bernoulli rate loses nothing and draws nothing, as netem skips the draw", () => {
    const rng = stream()
    const model = makeLossModel({ model: "bernoulli", rate: 0, correlation: 0.5 }, rng)
    for (let i = 0; i < 100; i++) expect(model.isLost()).toBe(false)
    expect(rng.nextFloat()).toBe(stream().nextFloat())
  })
})
