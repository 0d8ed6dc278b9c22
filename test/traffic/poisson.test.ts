import { describe, expect, it } from "vitest"
import { Simulator } from "../../sim/simulator.ts"
import { fixedSize, sizeMix } from "../../src/traffic/packet-size.ts"
import { PoissonSource } from "../../src/traffic/poisson.ts"
import { directDeps, mean, Recorder, variance } from "./helpers.ts"

const S = 1e9

describe("Poisson source", () => {
  // 1 Mbit/s of 1250-byte packets: λ = 100 packets/s, for 1000 s.
  const lambda = 100
  const durationS = 1000
  const sim = new Simulator()
  const recorder = new Recorder(true, S, new Float64Array(durationS))
  const source = new PoissonSource(directDeps(sim, recorder, 11), { dscp: 0, sizes: fixedSize(1250), rateBps: 1e6 })
  source.start(0)
  sim.runUntil(durationS * S - 1)
  const n = source.packetsSent

  it("sends at the mean rate: count within 4 standard errors (√(λT)) of λT", () => {
    expect(Math.abs(n - lambda * durationS)).toBeLessThan(4 * Math.sqrt(lambda * durationS))
    expect(source.meanRateBps).toBe(1e6)
    expect(source.bytesSent).toBe(n * 1250)
  })

  it("counts per 1 s have variance ≈ mean: index of dispersion 1 ± 4·√(2/(k−1))", () => {
    const counts = recorder.counts
    const dispersion = variance(counts) / mean(counts)
    expect(Math.abs(dispersion - 1)).toBeLessThan(4 * Math.sqrt(2 / (counts.length - 1)))
  })

  it("gaps are exponential: coefficient of variation 1 ± 4·√(2/n), Kolmogorov–Smirnov D below the 0.1 % critical value 1.95/√n", () => {
    const t = recorder.timesNs
    const gaps = new Float64Array(t.length - 1)
    for (let i = 1; i < t.length; i++) gaps[i - 1] = t[i]! - t[i - 1]!
    const m = mean(gaps)
    expect(Math.abs(m / (S / lambda) - 1)).toBeLessThan(4 / Math.sqrt(gaps.length))
    // For exponential data the sample standard deviation has relative standard error ≈ √(2/n) (kurtosis 9).
    expect(Math.abs(Math.sqrt(variance(gaps)) / m - 1)).toBeLessThan(4 * Math.sqrt(2 / gaps.length))
    gaps.sort()
    let d = 0
    for (let i = 0; i < gaps.length; i++) {
      const cdf = 1 - Math.exp(-gaps[i]! / (S / lambda))
      d = Math.max(d, Math.abs(cdf - i / gaps.length), Math.abs(cdf - (i + 1) / gaps.length))
    }
    expect(d).toBeLessThan(1.95 / Math.sqrt(gaps.length))
  })

  it("byte rate with a size mix: compound Poisson, bytes within 4·√(λT·E[S²]) of rate·T/8", () => {
    const sim2 = new Simulator()
    const sizes = sizeMix([
      { sizeBytes: 1500, weight: 0.6 },
      { sizeBytes: 40, weight: 0.3 },
      { sizeBytes: 576, weight: 0.1 },
    ])
    const rateBps = 2e6
    const src = new PoissonSource(directDeps(sim2, new Recorder(false), 12), { dscp: 0, sizes, rateBps })
    src.start(0)
    const t = 500
    sim2.runUntil(t * S)
    const lambdaPackets = rateBps / 8 / sizes.meanBytes
    const meanSquare = 0.6 * 1500 ** 2 + 0.3 * 40 ** 2 + 0.1 * 576 ** 2
    expect(Math.abs(src.bytesSent - (rateBps * t) / 8)).toBeLessThan(4 * Math.sqrt(lambdaPackets * t * meanSquare))
  })

  it("a scheduled rate change takes effect at its time: ×3 after 100 s, paused (×0) from 200 s", () => {
    const sim2 = new Simulator()
    const rec = new Recorder(true)
    const src = new PoissonSource(directDeps(sim2, rec, 13), { dscp: 0, sizes: fixedSize(1250), rateBps: 1e6 })
    src.start(0)
    src.setRateScale(100 * S, 3)
    src.setRate(200 * S, 0)
    sim2.runUntil(300 * S)
    const before = rec.timesNs.filter((t) => t < 100 * S).length
    const after = rec.timesNs.filter((t) => t >= 100 * S).length
    expect(Math.abs(before - 10_000)).toBeLessThan(4 * Math.sqrt(10_000))
    expect(Math.abs(after - 30_000)).toBeLessThan(4 * Math.sqrt(30_000))
    expect(rec.timesNs.at(-1)!).toBeLessThan(200 * S)
    expect(src.rateScale).toBe(0)
  })

  it("stops at its stop time and is deterministic for a seed", () => {
    const run = (seed: number) => {
      const sim2 = new Simulator()
      const rec = new Recorder(true)
      const src = new PoissonSource(directDeps(sim2, rec, seed), { dscp: 0, sizes: fixedSize(100), rateBps: 80_000 })
      src.start(S)
      src.stop(3 * S)
      sim2.runUntil(10 * S)
      return rec.timesNs
    }
    const a = run(5)
    expect(a[0]!).toBeGreaterThanOrEqual(S)
    expect(a.at(-1)!).toBeLessThanOrEqual(3 * S)
    expect(run(5)).toEqual(a)
    expect(run(6)).not.toEqual(a)
  })
})
