import { describe, expect, it } from "vitest"
import { RandomSource } from "../../../sim/random.ts"
import { Markov4Loss, type Markov4Params } from "../../../src/network/loss/markov4.ts"
import { runLoss } from "./loss-run.ts"
import { asymptoticVariance, burstStartRate } from "./markov-theory.ts"

const N = 400_000
const model = (params: Markov4Params, seed: number) => new Markov4Loss(params, new RandomSource(seed).stream("gi"))

/**
 * The GI chain in Salsano's numbering, states 1..4 at indices 0..3 (1 received in a gap,
 * 2 received in a burst, 3 lost in a burst, 4 isolated loss); a packet is lost in 3 and 4.
 * Solving πP = π: π4 = p14·π1; state 3's balance gives π3·(p31 + p32) = p13·π1 + p23·π2 and
 * state 2's gives p23·π2 = p32·π3, so π3 = (p13/p31)·π1 and π2 = (p13·p32)/(p31·p23)·π1:
 *   π1 = 1 / (1 + p13·p32/(p31·p23) + p13/p31 + p14),  P(loss) = π3 + π4.
 * Runs of losses are either a single isolated loss (4 → 1) or a sojourn in 3, so
 *   mean burst = (π3 + π4) / (π4 + π3·(p31 + p32)).
 */
const theory = ({ p13, p31, p32, p23, p14 }: Markov4Params) => {
  const pi1 = 1 / (1 + (p13 * p32) / (p31 * p23) + p13 / p31 + p14)
  const pi = [pi1, ((p13 * p32) / (p31 * p23)) * pi1, (p13 / p31) * pi1, p14 * pi1]
  const lossRate = pi[2]! + pi[3]!
  const P = [
    [1 - p13 - p14, 0, p13, p14],
    [0, 1 - p23, p23, 0],
    [p31, p32, 1 - p31 - p32, 0],
    [1, 0, 0, 0],
  ]
  return { pi, P, g: [0, 0, 1, 1], lossRate, meanBurst: lossRate / (pi[3]! + pi[2]! * (p31 + p32)) }
}

describe("4-state Markov loss (netem loss_4state, GI model)", () => {
  it("matches the chain's stationary loss rate and mean burst length", () => {
    const params = { p13: 0.05, p31: 0.4, p32: 0.1, p23: 0.3, p14: 0.02 }
    const { pi, P, g, lossRate, meanBurst } = theory(params) // 0.12219…, 1.7576…
    expect(burstStartRate(P, pi, g)).toBeCloseTo(pi[3]! + pi[2]! * (params.p31 + params.p32), 12) // both derivations agree
    const run = runLoss(model(params, 21), N)
    expect(Math.abs(run.lossRate - lossRate)).toBeLessThan(5 * Math.sqrt(asymptoticVariance(P, pi, g) / N))
    // A burst is one isolated loss or a geometric sojourn in 3 (continuing with c = 1 − p31 − p32): sd ≤ √c/(1−c).
    const c = 1 - params.p31 - params.p32
    expect(Math.abs(run.meanBurst - meanBurst)).toBeLessThan(5 * (Math.sqrt(c) / (1 - c) / Math.sqrt(run.bursts)))
  })

  it("the example `loss state 1% 30% 1% 20% 0.1%` loses 3.31 % in bursts of 3.03 on average", () => {
    const params = { p13: 0.01, p31: 0.3, p32: 0.01, p23: 0.2, p14: 0.001 }
    const { pi, P, g, lossRate, meanBurst } = theory(params)
    // By hand, with π1 cancelled: π3/π1 = 1/30, π2/π1 = (0.01·0.01)/(0.3·0.2) = 1/600, π4/π1 = 0.001.
    expect(lossRate).toBeCloseTo((1 / 30 + 0.001) / (1 + 1 / 600 + 1 / 30 + 0.001), 12)
    expect(meanBurst).toBeCloseTo((1 / 30 + 0.001) / (0.001 + (1 / 30) * 0.31), 12)
    const run = runLoss(model(params, 22), N)
    expect(Math.abs(run.lossRate - lossRate)).toBeLessThan(5 * Math.sqrt(asymptoticVariance(P, pi, g) / N))
    const c = 1 - params.p31 - params.p32
    expect(Math.abs(run.meanBurst - meanBurst)).toBeLessThan(5 * (Math.sqrt(c) / (1 - c) / Math.sqrt(run.bursts)))
  })

  it("netem's defaults for `state p13` (p31 = 1−p13, p32 = 0, p23 = 1, p14 = 0) are Bernoulli(p13) losses", () => {
    const p = 0.1
    const run = runLoss(model({ p13: p, p31: 1 - p, p32: 0, p23: 1, p14: 0 }, 23), N)
    expect(Math.abs(run.lossRate - p)).toBeLessThan(5 * Math.sqrt((p * (1 - p)) / N))
    const burstSd = Math.sqrt(p) / (1 - p)
    expect(Math.abs(run.meanBurst - 1 / (1 - p))).toBeLessThan(5 * (burstSd / Math.sqrt(run.bursts)))
  })

  it("starts in state 1 and loses the packet that moves the chain into 3 or 4", () => {
    // p14 = 1: 1 → 4 (lost) → 1 (kept) → 4 (lost) …
    expect(runLoss(model({ p13: 0, p31: 1, p32: 0, p23: 1, p14: 1 }, 24), 6, true).pattern).toEqual([true, false, true, false, true, false])
    // p13 = 1, p32 = 1, p23 = 1: 1 → 3 (lost) → 2 (kept) → 3 (lost) …
    expect(runLoss(model({ p13: 1, p31: 0, p32: 1, p23: 1, p14: 0 }, 25), 5, true).pattern).toEqual([true, false, true, false, true])
  })

  it("rejects transition probabilities that leave a state with more than 1", () => {
    expect(() => model({ p13: 0.7, p31: 0.3, p32: 0, p23: 1, p14: 0.4 }, 1)).toThrow(/p13 \+ p14/)
    expect(() => model({ p13: 0.1, p31: 0.6, p32: 0.5, p23: 1, p14: 0 }, 1)).toThrow(/p31 \+ p32/)
    expect(() => model({ p13: 0.1, p31: 0.6, p32: 0, p23: 2, p14: 0 }, 1)).toThrow(RangeError)
  })
})
