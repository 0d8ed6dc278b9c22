import { describe, expect, it } from "vitest"
import { LossBurstiness } from "../../src/quality/loss-burstiness.ts"

/** Numerical Recipes 32-bit LCG (a = 1664525, c = 1013904223, m = 2^32): fixed, seeded, local to this test. */
function lcg(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (Math.imul(1664525, state) + 1013904223) >>> 0
    return state / 4294967296
  }
}

/**
 * Feeds a 2-state Gilbert chain: p = P(lost | previous received), r = P(received | previous lost).
 * G.107 (06/2015) §7.5: BurstR = 1 / (p + r); stationary loss probability p / (p + r).
 */
function gilbert(estimator: LossBurstiness, p: number, r: number, packets: number, seed: number): void {
  const random = lcg(seed)
  let lost = false
  for (let i = 0; i < packets; i++) {
    lost = lost ? random() >= r : random() < p
    estimator.record(lost)
  }
}

describe("LossBurstiness", () => {
  it("returns 1 and loss 0 when nothing is lost", () => {
    const b = new LossBurstiness()
    expect(b.burstR).toBe(1)
    expect(b.lossRate).toBe(0)
    for (let i = 0; i < 100; i++) b.record(false)
    expect(b.burstR).toBe(1)
    expect(b.lossRate).toBe(0)
  })

  it("works a short sequence by hand", () => {
    // R R R L L L R R R R: from R: R->R 5 times, R->L once => p = 1/6;
    // from L: L->L twice, L->R once => r = 1/3; BurstR = 1 / (1/6 + 1/3) = 2; loss 3/10.
    const b = new LossBurstiness()
    for (const lost of [false, false, false, true, true, true, false, false, false, false]) b.record(lost)
    expect(b.burstR).toBeCloseTo(2, 12)
    expect(b.lossRate).toBeCloseTo(0.3, 12)
    expect(b.lossPercent).toBeCloseTo(30, 12)
  })

  it("handles losses only at the start (no R->L transition): L L R R R => p = 0, r = 1/2, BurstR 2", () => {
    const b = new LossBurstiness()
    for (const lost of [true, true, false, false, false]) b.record(lost)
    expect(b.burstR).toBeCloseTo(2, 12)
  })

  it("returns 1 when every packet is lost (BurstR undefined; random loss at 100 % looks the same)", () => {
    const b = new LossBurstiness()
    for (let i = 0; i < 10; i++) b.record(true)
    expect(b.burstR).toBe(1)
    expect(b.lossRate).toBe(1)
  })

  it("estimates BurstR = 1/(0.01 + 0.3) = 3.226 for a Gilbert chain p = 0.01, r = 0.3", () => {
    const b = new LossBurstiness()
    gilbert(b, 0.01, 0.3, 1_000_000, 12345)
    expect(b.burstR).toBeGreaterThan(3.226 * 0.97)
    expect(b.burstR).toBeLessThan(3.226 * 1.03)
    // stationary loss p / (p + r) = 0.01 / 0.31 = 0.03226
    expect(b.lossRate).toBeGreaterThan(0.03226 * 0.95)
    expect(b.lossRate).toBeLessThan(0.03226 * 1.05)
  })

  it("estimates BurstR = 1/(0.002 + 0.1) = 9.804 for a very bursty chain", () => {
    const b = new LossBurstiness()
    gilbert(b, 0.002, 0.1, 1_000_000, 987654321)
    expect(b.burstR).toBeGreaterThan(9.804 * 0.94)
    expect(b.burstR).toBeLessThan(9.804 * 1.06)
  })

  it("estimates BurstR ~ 1 for Bernoulli (random) loss at 5 %", () => {
    // Independent loss with probability q is the Gilbert chain p = q, r = 1 - q: BurstR = 1 / (q + 1 - q) = 1.
    const b = new LossBurstiness()
    const random = lcg(42)
    for (let i = 0; i < 1_000_000; i++) b.record(random() < 0.05)
    expect(b.burstR).toBeGreaterThan(0.97)
    expect(b.burstR).toBeLessThan(1.03)
    expect(b.lossRate).toBeGreaterThan(0.049)
    expect(b.lossRate).toBeLessThan(0.051)
  })

  it("gives the same result for recordRun as for the equivalent record calls", () => {
    const runs: ReadonlyArray<readonly [boolean, number]> = [
      [false, 7],
      [true, 3],
      [false, 1],
      [true, 1],
      [false, 12],
      [true, 5],
    ]
    const one = new LossBurstiness()
    const many = new LossBurstiness()
    for (const [lost, count] of runs) {
      for (let i = 0; i < count; i++) one.record(lost)
      many.recordRun(lost, count)
    }
    many.recordRun(true, 0)
    expect(many.burstR).toBe(one.burstR)
    expect(many.lossRate).toBe(one.lossRate)
    expect(many.packetsRecorded).toBe(29)
  })

  it("reset() forgets everything", () => {
    const b = new LossBurstiness()
    b.recordRun(true, 4)
    b.recordRun(false, 4)
    b.reset()
    expect(b.packetsRecorded).toBe(0)
    expect(b.burstR).toBe(1)
  })
})
