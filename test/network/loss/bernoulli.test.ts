import { describe, expect, it } from "vitest"
import { RandomSource } from "../../../sim/random.ts"
import { BernoulliLoss } from "../../../src/network/loss/bernoulli.ts"
import { runLoss } from "./loss-run.ts"

const N = 200_000
const stream = (seed: number) => new RandomSource(seed).stream("loss")

describe("Bernoulli loss (netem loss random)", () => {
  it("independent losses: rate p and geometric bursts P(k) = (1−p)·p^(k−1), k = 1..4", () => {
    const p = 0.3
    const run = runLoss(new BernoulliLoss(p, stream(31)), N)
    expect(Math.abs(run.lossRate - p)).toBeLessThan(5 * Math.sqrt((p * (1 - p)) / N))
    // Given the number of bursts B, burst lengths are i.i.d., so each count is Binomial(B, P(k)).
    for (let k = 1; k <= 4; k++) {
      const pk = (1 - p) * p ** (k - 1)
      const count = run.burstsOfLength[k] ?? 0
      expect(Math.abs(count - run.bursts * pk)).toBeLessThan(5 * Math.sqrt(run.bursts * pk * (1 - pk)))
    }
    const burstSd = Math.sqrt(p) / (1 - p)
    expect(Math.abs(run.meanBurst - 1 / (1 - p))).toBeLessThan(5 * (burstSd / Math.sqrt(run.bursts)))
  })

  it("without correlation it draws exactly one uniform per packet: lost iff u < rate", () => {
    const reference = stream(32)
    const model = new BernoulliLoss(0.4, stream(32))
    for (let i = 0; i < 1000; i++) expect(model.isLost()).toBe(reference.nextFloat() < 0.4)
  })

  it("correlation clusters losses; at p = 50 % the rate stays 1/2 by symmetry", () => {
    // netem's next = (1−ρ)u + ρ·last is symmetric about 1/2, so P(next < 1/2) = 1/2 exactly.
    const run = runLoss(new BernoulliLoss(0.5, stream(33), 0.5), N)
    // The indicators are positively correlated (lag-k correlation ≤ ρ^k), so the variance of the
    // rate is at most (1/4)(1+ρ)/(1−ρ)/n = 0.75/n.
    expect(Math.abs(run.lossRate - 0.5)).toBeLessThan(5 * Math.sqrt(0.75 / N))
    // Independent losses would give bursts of mean 1/(1−p) = 2 (sd √2 / 0.5 per burst); clustering lengthens them.
    expect(run.meanBurst).toBeGreaterThan(2 + 5 * (Math.sqrt(0.5) / 0.5 / Math.sqrt(run.bursts)))
  })

  it("documents netem's bias: `loss 1% 25%` loses far fewer than 1 % of packets", () => {
    // next = Σ (1−ρ)ρ^k·u_(n−k) with all terms ≥ 0, so next < p needs (1−ρ)·u_n < p and ρ(1−ρ)·u_(n−1) < p:
    // P(loss) ≤ (p/(1−ρ))·(p/(ρ(1−ρ))) = (0.01/0.75)·(0.01/0.1875) ≈ 7.1e-4.
    const p = 0.01
    const rho = 0.25
    const bound = (p / (1 - rho)) * (p / (rho * (1 - rho)))
    const run = runLoss(new BernoulliLoss(p, stream(34), rho), N)
    expect(run.lossRate).toBeLessThan(bound + 5 * Math.sqrt(bound / N))
  })

  it("rejects rates and correlations outside [0, 1]", () => {
    expect(() => new BernoulliLoss(1.01, stream(1))).toThrow(RangeError)
    expect(() => new BernoulliLoss(0.1, stream(1), -0.5)).toThrow(RangeError)
  })
})
