import { describe, expect, it } from "vitest"
import { RandomSource } from "../../sim/random.ts"
import { fixedSize, makePacketSize, SIMPLE_IMIX, sizeMix, uniformSize } from "../../src/traffic/packet-size.ts"

const N = 100_000

describe("packet sizes", () => {
  it("fixed: always the size, and draws nothing", () => {
    const rng = new RandomSource(1).stream("s")
    const model = fixedSize(1500)
    expect(model.sampleBytes(rng)).toBe(1500)
    expect(model.meanBytes).toBe(1500)
    expect(rng.nextUint32()).toBe(new RandomSource(1).stream("s").nextUint32())
  })

  it("uniform: whole bytes within [min, max], mean (min+max)/2 and variance ((b−a+1)²−1)/12 of the discrete uniform", () => {
    const rng = new RandomSource(2).stream("s")
    const model = uniformSize(64, 1500)
    let sum = 0
    let sum2 = 0
    let lo = Infinity
    let hi = -Infinity
    let allWhole = true
    for (let i = 0; i < N; i++) {
      const s = model.sampleBytes(rng)
      allWhole &&= Number.isInteger(s)
      sum += s
      sum2 += s * s
      lo = Math.min(lo, s)
      hi = Math.max(hi, s)
    }
    const mean = sum / N
    const expectedVariance = ((1500 - 64 + 1) ** 2 - 1) / 12
    expect(allWhole).toBe(true)
    expect(lo).toBe(64)
    expect(hi).toBe(1500)
    expect(model.meanBytes).toBe(782)
    expect(Math.abs(mean - 782)).toBeLessThan(4 * Math.sqrt(expectedVariance / N))
    // The variance of the sample variance of a uniform is ≈ (μ4 − σ⁴)/n with μ4 = 9σ⁴/5: relative SE sqrt(0.8/n).
    expect(Math.abs((sum2 / N - mean * mean) / expectedVariance - 1)).toBeLessThan(4 * Math.sqrt(0.8 / N))
  })

  it("mix: each size with probability weight/Σweights (binomial 4σ), mean Σ w·s / Σ w", () => {
    const entries = [
      { sizeBytes: 1500, weight: 0.6 },
      { sizeBytes: 40, weight: 0.3 },
      { sizeBytes: 576, weight: 0.1 },
    ]
    const model = makePacketSize({ kind: "mix", entries })
    const rng = new RandomSource(3).stream("s")
    const counts = new Map<number, number>()
    let sum = 0
    let sum2 = 0
    for (let i = 0; i < N; i++) {
      const s = model.sampleBytes(rng)
      counts.set(s, (counts.get(s) ?? 0) + 1)
      sum += s
      sum2 += s * s
    }
    expect([...counts.keys()].sort((x, y) => x - y)).toEqual([40, 576, 1500])
    for (const { sizeBytes, weight: p } of entries) {
      expect(Math.abs(counts.get(sizeBytes)! / N - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / N))
    }
    const expectedMean = 0.6 * 1500 + 0.3 * 40 + 0.1 * 576 // 969.6 bytes
    expect(model.meanBytes).toBeCloseTo(expectedMean, 10)
    const sd = Math.sqrt(sum2 / N - (sum / N) ** 2)
    expect(Math.abs(sum / N - expectedMean)).toBeLessThan(4 * (sd / Math.sqrt(N)))
  })

  it("mix: zero weights never come out; unnormalized weights work (simple IMIX 7:4:1 has mean 340.33 bytes)", () => {
    const model = sizeMix([...SIMPLE_IMIX, { sizeBytes: 9000, weight: 0 }])
    expect(model.meanBytes).toBeCloseTo((7 * 40 + 4 * 576 + 1500) / 12, 10)
    expect(model.maxBytes).toBe(1500)
    const rng = new RandomSource(4).stream("s")
    let small = 0
    for (let i = 0; i < 12_000; i++) {
      const s = model.sampleBytes(rng)
      expect(s).not.toBe(9000)
      if (s === 40) small++
    }
    expect(Math.abs(small / 12_000 - 7 / 12)).toBeLessThan(4 * Math.sqrt(((7 / 12) * (5 / 12)) / 12_000))
  })

  it("rejects non-integer, non-positive sizes and bad weights", () => {
    expect(() => fixedSize(0)).toThrow(RangeError)
    expect(() => fixedSize(100.5)).toThrow(RangeError)
    expect(() => uniformSize(100, 99)).toThrow(RangeError)
    expect(() => sizeMix([])).toThrow(RangeError)
    expect(() => sizeMix([{ sizeBytes: 100, weight: -1 }])).toThrow(RangeError)
    expect(() => sizeMix([{ sizeBytes: 100, weight: 0 }])).toThrow(RangeError)
  })

  it("is deterministic given the stream", () => {
    const draw = () => {
      const rng = new RandomSource(9).stream("s")
      const model = sizeMix(SIMPLE_IMIX)
      return Array.from({ length: 50 }, () => model.sampleBytes(rng))
    }
    expect(draw()).toEqual(draw())
  })
})
