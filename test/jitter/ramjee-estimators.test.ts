import { describe, expect, it } from "vitest"
import { RamjeeAlgorithm1, RamjeeAlgorithm4 } from "../../src/jitter/ramjee-estimators.ts"

const MS = 1_000_000

describe("Ramjee et al. Algorithm 1", () => {
  // α = 0.998002, delays n = 50, 60, 40 ms.
  // i=1: d̂ = 50, v̂ = 0 (the start).
  // i=2: d̂ = 0.998002·50 + 0.001998·60 = 49.9001 + 0.11988 = 50.01998
  //      v̂ = 0.998002·0 + 0.001998·|50.01998 − 60| = 0.001998·9.98002 = 0.019940080
  // i=3: d̂ = 0.998002·50.01998 + 0.001998·40 = (50.01998 − 0.09993992) + 0.07992 = 49.99996008
  //      v̂ = 0.998002·0.01994008 + 0.001998·|49.99996008 − 40| = 0.01990024 + 0.01997992 = 0.03988016
  it("matches a hand computation on three delays", () => {
    const e = new RamjeeAlgorithm1(0.998002)
    e.update(50 * MS)
    expect([e.delayNs / MS, e.variationNs / MS]).toEqual([50, 0])
    e.update(60 * MS)
    expect(e.delayNs / MS).toBeCloseTo(50.01998, 9)
    expect(e.variationNs / MS).toBeCloseTo(0.01994008, 9)
    e.update(40 * MS)
    expect(e.delayNs / MS).toBeCloseTo(49.99996008, 8)
    expect(e.variationNs / MS).toBeCloseTo(0.03988016, 8)
  })
})

describe("Ramjee et al. Algorithm 4", () => {
  // Threshold 2|v̂| + 100 ms, exit at var ≤ 7.875 ms, α = 0.875 in normal mode. Delays (ms):
  //  i  n    mode    var                                   d̂
  //  1  10   normal  -                                     10 (start)
  //  2  10   normal  |10 − 10| = 0 ≤ 100                   0.125·10 + 0.875·10 = 10
  //  3  210  SPIKE   |210 − 10| = 200 > 100: var = 0        10 + 210 − 10 = 210
  //  4  170  spike   0/2 + |340 − 210 − 10|/8 = 15          210 + 170 − 210 = 170
  //  5  130  spike   7.5 + |260 − 170 − 210|/8 = 22.5       130
  //  6  90   spike   11.25 + |180 − 130 − 170|/8 = 26.25    90
  //  7  50   spike   13.125 + 15 = 28.125                   50
  //  8  10   spike   14.0625 + |20 − 50 − 90|/8 = 29.0625   10
  //  9  10   spike   14.53125 + |20 − 10 − 50|/8 = 19.53125 10
  // 10  10   spike   9.765625 + 0 = 9.765625 > 7.875        10
  // 11  10   normal  4.8828125 ≤ 7.875: spike over          10 (no update)
  // 12  20   normal  |20 − 10| = 10 ≤ 100                   0.125·20 + 0.875·10 = 11.25
  // v̂ stays 0 through the spike (d̂ = n every time); at i=12: v̂ = 0.125·|20 − 11.25| = 1.09375.
  it("follows a spike's slope and leaves it when the delays stop falling", () => {
    const e = new RamjeeAlgorithm4({ alpha: 0.875, spikeThresholdNs: 100 * MS, spikeEndNs: 7.875 * MS })
    const seen: [number, boolean][] = []
    for (const n of [10, 10, 210, 170, 130, 90, 50, 10, 10, 10, 10, 20]) {
      e.update(n * MS)
      seen.push([e.delayNs / MS, e.spike])
    }
    expect(seen).toEqual([
      [10, false],
      [10, false],
      [210, true],
      [170, true],
      [130, true],
      [90, true],
      [50, true],
      [10, true],
      [10, true],
      [10, true],
      [10, false],
      [11.25, false],
    ])
    expect(e.variationNs / MS).toBeCloseTo(1.09375, 12)
  })

  it("does not call a jump within 2|v̂| + 100 ms a spike", () => {
    const e = new RamjeeAlgorithm4({ alpha: 0.875, spikeThresholdNs: 100 * MS, spikeEndNs: 7.875 * MS })
    e.update(10 * MS)
    e.update(110 * MS) // |110 − 10| = 100, not > 100
    expect(e.spike).toBe(false)
    expect(e.delayNs / MS).toBe(0.125 * 110 + 0.875 * 10) // 22.5
  })
})
