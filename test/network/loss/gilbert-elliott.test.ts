import { describe, expect, it } from "vitest"
import { RandomSource } from "../../../sim/random.ts"
import { GilbertElliottLoss, type GilbertElliottParams } from "../../../src/network/loss/gilbert-elliott.ts"
import { runLoss } from "./loss-run.ts"
import { asymptoticVariance, burstStartRate } from "./markov-theory.ts"

const N = 400_000
const model = (params: GilbertElliottParams, seed: number) => new GilbertElliottLoss(params, new RandomSource(seed).stream("ge"))

/** Two-state chain (Good = 0, Bad = 1): π_B = p/(p + r) (Gilbert 1960). */
const chain = ({ p, r, lossInBad, lossInGood }: GilbertElliottParams) => {
  const piBad = p / (p + r)
  return {
    P: [[1 - p, p], [r, 1 - r]],
    pi: [1 - piBad, piBad],
    g: [lossInGood, lossInBad],
  }
}

describe("Gilbert–Elliott loss (netem loss_gilb_ell)", () => {
  it("Gilbert (1−k = 0, 1−h = 1): loss rate p/(p+r) and geometric bursts of mean 1/r", () => {
    const params = { p: 0.05, r: 0.3, lossInBad: 1, lossInGood: 0 }
    const run = runLoss(model(params, 11), N)
    const { P, pi, g } = chain(params)
    // Loss rate p/(p+r) = 1/7; its sample mean has variance σ²∞/n with σ²∞ = π(1−π)(1+λ)/(1−λ), λ = 1−p−r.
    const lambda = 1 - params.p - params.r
    const sigma2 = (1 / 7) * (6 / 7) * ((1 + lambda) / (1 - lambda))
    expect(asymptoticVariance(P, pi, g)).toBeCloseTo(sigma2, 10) // the helper agrees with the 2-state closed form
    expect(Math.abs(run.lossRate - 1 / 7)).toBeLessThan(5 * Math.sqrt(sigma2 / N))
    // Bursts are the sojourns in Bad: i.i.d. geometric, mean 1/r, sd √(1−r)/r.
    const burstSd = Math.sqrt(1 - params.r) / params.r
    expect(Math.abs(run.meanBurst - 1 / params.r)).toBeLessThan(5 * (burstSd / Math.sqrt(run.bursts)))
  })

  it("general Gilbert–Elliott: stationary loss rate π_B·(1−h) + π_G·(1−k) and the chain's mean burst", () => {
    const params = { p: 0.05, r: 0.3, lossInBad: 0.8, lossInGood: 0.02 }
    const run = runLoss(model(params, 12), N)
    const { P, pi, g } = chain(params)
    const piBad = params.p / (params.p + params.r)
    const expectedRate = piBad * params.lossInBad + (1 - piBad) * params.lossInGood // = 0.1314…
    expect(Math.abs(run.lossRate - expectedRate)).toBeLessThan(5 * Math.sqrt(asymptoticVariance(P, pi, g) / N))
    // Mean burst = P(lost) / P(previous kept, this one lost). A burst continues with probability at
    // most c = max over states of Σ P(s,s')·g(s'), so lengths are dominated by a geometric law of sd √c/(1−c).
    const expectedBurst = expectedRate / burstStartRate(P, pi, g)
    const c = Math.max(...P.map((row) => row[0]! * g[0]! + row[1]! * g[1]!))
    expect(Math.abs(run.meanBurst - expectedBurst)).toBeLessThan(5 * (Math.sqrt(c) / (1 - c) / Math.sqrt(run.bursts)))
  })

  it("netem's defaults for `gemodel p` (r = 1−p, 1−h = 1, 1−k = 0) are Bernoulli(p) losses", () => {
    const p = 0.2 // every packet is in Bad with probability p whatever the previous state
    const run = runLoss(model({ p, r: 1 - p, lossInBad: 1, lossInGood: 0 }, 13), N)
    expect(Math.abs(run.lossRate - p)).toBeLessThan(5 * Math.sqrt((p * (1 - p)) / N))
    const burstSd = Math.sqrt(p) / (1 - p) // geometric bursts, mean 1/(1−p)
    expect(Math.abs(run.meanBurst - 1 / (1 - p))).toBeLessThan(5 * (burstSd / Math.sqrt(run.bursts)))
  })

  it("starts in Good and judges a packet by the state it arrived in (before the move)", () => {
    // p = r = 1: the chain alternates Good, Bad, Good, …; only packets arriving in Bad are lost.
    const run = runLoss(model({ p: 1, r: 1, lossInBad: 1, lossInGood: 0 }, 14), 6, true)
    expect(run.pattern).toEqual([false, true, false, true, false, true])
  })

  it("rejects probabilities outside [0, 1]", () => {
    expect(() => model({ p: 1.5, r: 0.3, lossInBad: 1, lossInGood: 0 }, 1)).toThrow(RangeError)
    expect(() => model({ p: 0.1, r: 0.3, lossInBad: -0.1, lossInGood: 0 }, 1)).toThrow(RangeError)
  })
})
