import { describe, expect, it } from "vitest"
import { Simulator } from "../../sim/simulator.ts"
import { OnOffSource, paretoWithMean } from "../../src/traffic/on-off.ts"
import { fixedSize } from "../../src/traffic/packet-size.ts"
import { PoissonSource } from "../../src/traffic/poisson.ts"
import { directDeps, Recorder, slope, variance } from "./helpers.ts"

const S = 1e9

/** Variance-time estimate of H: Var(X^(m)) ∝ m^(2H−2) for the mean of m consecutive windows (Leland et al. 1994). */
const varianceTimeHurst = (counts: Float64Array, maxM: number): number => {
  const logM: number[] = []
  const logVar: number[] = []
  for (let m = 1; m <= maxM; m *= 2) {
    const k = Math.floor(counts.length / m)
    const means = new Float64Array(k)
    for (let i = 0; i < k * m; i++) means[Math.floor(i / m)]! += counts[i]! / m
    logM.push(Math.log(m))
    logVar.push(Math.log(variance(means)))
  }
  return 1 + slope(logM, logVar) / 2
}

describe("on-off source", () => {
  it("Pareto with a given mean: xm = mean·(α−1)/α, so E = xm·α/(α−1)", () => {
    const d = paretoWithMean(200e6, 1.8)
    expect(d.mean).toBeCloseTo(200e6, 3)
    expect(() => paretoWithMean(1e6, 1)).toThrow(RangeError)
  })

  // Long-run mean rate = peak · E[on]/(E[on] + E[off]) = 100 kbit/s · ½ = 50 kbit/s.
  // Tolerance: 20,000 s hold n ≈ 50,000 on periods (Pareto α = 1.8, xm = 88.9 ms). Their sum has
  // infinite variance; its deviations scale as n^(1/α)·xm (generalized CLT) ≈ 36 s of 10,000 s on
  // (0.4 %), and by the one-big-jump bound P(sum exceeds its mean by 500 s) ≈ n·(xm/500 s)^α ≈ 1 %.
  // The exponential off periods add ≈ 0.5 % (1/√n). So ±5 % is generous but can fail.
  for (const seed of [1, 2, 3]) {
    it(`mean rate = peak · E[on]/(E[on]+E[off]) within 5 % over 20,000 s (α = 1.8, seed ${seed})`, () => {
      const sim = new Simulator()
      const src = new OnOffSource(directDeps(sim, new Recorder(false), seed), {
        dscp: 0,
        sizes: fixedSize(1250),
        peakRateBps: 100_000,
        onMeanNs: 0.2 * S,
        onShape: 1.8,
        offMeanNs: 0.2 * S,
        offDistribution: "exponential",
        offShape: 2,
      })
      src.start(0)
      const durationS = 20_000
      sim.runUntil(durationS * S)
      expect(src.meanRateBps).toBeCloseTo(50_000, 6)
      expect(Math.abs((src.bytesSent * 8) / durationS / 50_000 - 1)).toBeLessThan(0.05)
      expect(src.onPeriods).toBeGreaterThan(45_000)
    })
  }

  it("never sends faster than the peak: consecutive packets at least one peak gap apart (±1 ns rounding)", () => {
    const sim = new Simulator()
    const rec = new Recorder()
    const src = new OnOffSource(directDeps(sim, rec, 4), {
      dscp: 0,
      sizes: fixedSize(1000),
      peakRateBps: 1e6, // 8 ms gaps while on
      onMeanNs: 0.05 * S,
      onShape: 1.5,
      offMeanNs: 0.05 * S,
      offDistribution: "pareto",
      offShape: 1.5,
    })
    src.start(0)
    sim.runUntil(200 * S)
    const t = rec.timesNs
    let minGap = Infinity
    let atPeak = 0
    for (let i = 1; i < t.length; i++) {
      const gap = t[i]! - t[i - 1]!
      minGap = Math.min(minGap, gap)
      if (Math.abs(gap - 8e6) <= 1) atPeak++
    }
    expect(minGap).toBeGreaterThanOrEqual(8e6 - 1)
    expect(atPeak / (t.length - 1)).toBeGreaterThan(0.5) // most gaps are within an on period
    expect(Math.abs((src.bytesSent * 8) / 200 / src.meanRateBps - 1)).toBeLessThan(0.3)
  })

  it("a rate step scales the load: ×0 silences it, ×2 doubles the peak", () => {
    const sim = new Simulator()
    const rec = new Recorder()
    const src = new OnOffSource(directDeps(sim, rec, 5), {
      dscp: 0,
      sizes: fixedSize(1000),
      peakRateBps: 1e6,
      onMeanNs: 0.05 * S,
      onShape: 1.9,
      offMeanNs: 0.05 * S,
      offDistribution: "exponential",
      offShape: 2,
    })
    src.start(0)
    src.setRateScale(10 * S, 0)
    src.setRateScale(20 * S, 2)
    sim.runUntil(30 * S)
    expect(rec.timesNs.some((t) => t >= 10 * S && t < 20 * S)).toBe(false)
    const late = rec.timesNs.filter((t) => t >= 20 * S)
    let minGap = Infinity
    for (let i = 1; i < late.length; i++) minGap = Math.min(minGap, late[i]! - late[i - 1]!)
    expect(minGap).toBeGreaterThanOrEqual(4e6 - 1)
    expect(minGap).toBeLessThanOrEqual(4e6 + 1)
    expect(src.meanRateBps).toBeCloseTo(1e6, 6)
  })

  // Willinger et al. (1997): many on-off sources with heavy-tailed periods (1 < α < 2) aggregate to
  // self-similar traffic with H = (3 − α)/2 = 0.8 for α = 1.4; Poisson traffic has H = 0.5.
  it("burstiness over time scales: 20 sources with α = 1.4 have variance-time H > 0.6; 20 Poisson sources H ≈ 0.5", () => {
    const aggregateH = (onOff: boolean): number => {
      const sim = new Simulator()
      const durationS = 4000
      const rec = new Recorder(false, S, new Float64Array(durationS))
      for (let i = 0; i < 20; i++) {
        const deps = directDeps(sim, rec, 7, `source-${i}`)
        const src = onOff
          ? new OnOffSource(deps, {
              dscp: 0,
              sizes: fixedSize(1250),
              peakRateBps: 200_000,
              onMeanNs: 0.1 * S,
              onShape: 1.4,
              offMeanNs: 0.1 * S,
              offDistribution: "pareto",
              offShape: 1.4,
            })
          : new PoissonSource(deps, { dscp: 0, sizes: fixedSize(1250), rateBps: 100_000 })
        src.start(0)
      }
      sim.runUntil(durationS * S)
      return varianceTimeHurst(rec.counts, 64) // windows of 1…64 s: ≥ 62 of them at the largest scale
    }
    const hOnOff = aggregateH(true)
    const hPoisson = aggregateH(false)
    expect(hOnOff).toBeGreaterThan(0.6)
    expect(hOnOff).toBeLessThan(1)
    expect(Math.abs(hPoisson - 0.5)).toBeLessThan(0.1)
  })
})
