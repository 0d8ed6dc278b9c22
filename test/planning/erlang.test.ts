import fc from "fast-check"
import { describe, expect, it } from "vitest"
import {
  agentsForServiceLevel,
  averageSpeedOfAnswer,
  busyHourErlangs,
  erlangB,
  erlangC,
  occupancy,
  serviceLevel,
  trafficForBlocking,
  trunksForBlocking,
} from "../../src/planning/erlang.ts"

/** Erlang B straight from its definition, (A^N/N!) / Σ_{k≤N} A^k/k!, for small N only. */
function erlangBDirect(a: number, n: number): number {
  let term = 1
  let sum = 1
  for (let k = 1; k <= n; k++) {
    term *= a / k
    sum += term
  }
  return term / sum
}

const traffic = fc.double({ min: 0, max: 200, noNaN: true })
const smallTraffic = fc.double({ min: 0.01, max: 40, noNaN: true })

describe("Erlang B", () => {
  it("10 E on 15 trunks: B = 0.0365 (Erlang B tables)", () => {
    expect(erlangB(10, 15)).toBeCloseTo(0.0365, 4)
  })

  it("2 % grade of service: the traffic 10, 20, 30, 50, 100 trunks carry, as tabulated to 3 decimals", () => {
    // The 2 % column of the published Erlang B tables, which give the offered traffic to 3 decimals.
    const rows: readonly (readonly [number, number])[] = [
      [10, 5.084],
      [20, 13.182],
      [30, 21.932],
      [50, 40.255],
      [100, 87.972],
    ]
    for (const [trunks, erlangs] of rows) expect(Math.abs(trafficForBlocking(trunks, 0.02) - erlangs)).toBeLessThan(0.0005)
  })

  it("15 lines at 1 % carry 8.108 E (Westbay's Erlang B calculator manual, 'How much traffic?')", () => {
    expect(Math.abs(trafficForBlocking(15, 0.01) - 8.108)).toBeLessThan(0.0005)
  })

  it("trunks for 1 %: 10 E needs 18; 15.7 E needs 25 (Abstract Micro Systems, ErlbNsrvFromBlockage: 24.49 → 25)", () => {
    expect(trunksForBlocking(10, 0.01)).toBe(18)
    expect(erlangB(10, 17)).toBeGreaterThan(0.01)
    expect(erlangB(10, 18)).toBeLessThanOrEqual(0.01)
    expect(trunksForBlocking(15.7, 0.01)).toBe(25)
  })

  it("edge cases: no trunks block everything, no traffic blocks nothing, one trunk is A/(1 + A)", () => {
    expect(erlangB(7, 0)).toBe(1)
    expect(erlangB(0, 0)).toBe(1)
    expect(erlangB(0, 5)).toBe(0)
    expect(erlangB(3, 1)).toBeCloseTo(3 / 4, 15)
    expect(trunksForBlocking(10, 1)).toBe(0)
    expect(trunksForBlocking(0, 0.01)).toBe(1)
  })

  it("matches the definition (A^N/N!)/Σ A^k/k! for N ≤ 30", () => {
    fc.assert(
      fc.property(smallTraffic, fc.integer({ min: 0, max: 30 }), (a, n) => {
        expect(erlangB(a, n)).toBeCloseTo(erlangBDirect(a, n), 12)
      }),
    )
  })

  it("large N: 9,000 E on 10,000 trunks is finite, tiny and falls monotonically with each trunk added", () => {
    const b = erlangB(9000, 10_000)
    expect(Number.isFinite(b)).toBe(true)
    expect(b).toBeGreaterThan(0)
    expect(b).toBeLessThan(1e-20)
    // Adding one trunk at a time across the whole overload-to-underload range never raises B.
    let previous = erlangB(9000, 8900)
    for (let n = 8901; n <= 9300; n++) {
      const next = erlangB(9000, n)
      expect(next).toBeLessThan(previous)
      previous = next
    }
    const n = trunksForBlocking(9000, 0.01)
    expect(erlangB(9000, n)).toBeLessThanOrEqual(0.01)
    expect(erlangB(9000, n - 1)).toBeGreaterThan(0.01)
  })

  it("large N: B(N, N) → √(2/(πN)) (normal approximation of the Poisson: φ(0)/Φ(0)), error ≤ 1/√N at N = 10⁴, 4·10⁴", () => {
    for (const n of [10_000, 40_000]) {
      const limit = Math.sqrt(2 / (Math.PI * n))
      expect(Math.abs(erlangB(n, n) / limit - 1)).toBeLessThan(1 / Math.sqrt(n))
    }
  })

  it("rises with traffic and falls with trunks", () => {
    fc.assert(
      fc.property(traffic, fc.double({ min: 0.001, max: 10, noNaN: true }), fc.integer({ min: 0, max: 300 }), (a, da, n) => {
        expect(erlangB(a + da, n)).toBeGreaterThanOrEqual(erlangB(a, n))
        expect(erlangB(a, n + 1)).toBeLessThanOrEqual(erlangB(a, n))
      }),
    )
  })

  it("trunksForBlocking is the least N that meets the target", () => {
    fc.assert(
      fc.property(traffic, fc.double({ min: 1e-6, max: 0.5, noNaN: true }), (a, target) => {
        const n = trunksForBlocking(a, target)
        expect(erlangB(a, n)).toBeLessThanOrEqual(target)
        if (n > 0) expect(erlangB(a, n - 1)).toBeGreaterThan(target)
      }),
    )
  })

  it("trafficForBlocking inverts erlangB: B at the answer is the target (1e-9 relative), and rises with N", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 500 }), fc.double({ min: 1e-4, max: 0.5, noNaN: true }), (n, target) => {
        const a = trafficForBlocking(n, target)
        expect(erlangB(a, n)).toBeLessThanOrEqual(target)
        expect(Math.abs(erlangB(a, n) / target - 1)).toBeLessThan(1e-9)
        expect(trafficForBlocking(n + 1, target)).toBeGreaterThan(a)
      }),
    )
  })

  it("rejects what it cannot compute, saying what was expected", () => {
    expect(() => erlangB(-1, 5)).toThrow(/traffic must be a finite number of Erlangs ≥ 0, got -1/)
    expect(() => erlangB(Number.NaN, 5)).toThrow(RangeError)
    expect(() => erlangB(Infinity, 5)).toThrow(RangeError)
    expect(() => erlangB(1, 2.5)).toThrow(/trunks must be an integer ≥ 0, got 2.5/)
    expect(() => erlangB(1, -1)).toThrow(RangeError)
    expect(() => trunksForBlocking(10, 0)).toThrow(/blocking must be a probability in \(0, 1\], got 0/)
    expect(() => trunksForBlocking(10, 1.5)).toThrow(RangeError)
    expect(() => trafficForBlocking(0, 0.01)).toThrow(/trunks must be an integer ≥ 1, got 0/)
    expect(() => trafficForBlocking(10, 1)).toThrow(/blocking must be a probability in \(0, 1\), got 1/)
  })
})

describe("Erlang C", () => {
  // Westbay Engineers' forum, topic "CCXLService" (Tom Howard, 12 Jan 2021): 57 calls of 1,110 s
  // with 21 agents answer 80.7 % within 180 s; with a 20 s target, 80 % needs 23 agents. The post
  // gives no interval; an hour (17.575 E) is the one that yields these figures.
  const westbayErlangs = busyHourErlangs(57, 1110)

  it("Westbay's worked example: 17.575 E on 21 agents answer 80.7 % within 180 s", () => {
    expect(westbayErlangs).toBeCloseTo(17.575, 12)
    expect(Math.round(serviceLevel(westbayErlangs, 21, 1110, 180) * 1000) / 10).toBe(80.7)
    expect(agentsForServiceLevel(westbayErlangs, 1110, 180, 0.8)).toBe(21)
  })

  it("Westbay's worked example: answering 80 % within 20 s instead needs 23 agents", () => {
    expect(agentsForServiceLevel(westbayErlangs, 1110, 20, 0.8)).toBe(23)
    expect(serviceLevel(westbayErlangs, 22, 1110, 20)).toBeLessThan(0.8)
  })

  it("one agent is M/M/1: C = ρ, ASA = ρ·h/(1 − ρ), SL = 1 − ρ·e^(−(1−ρ)t/h)", () => {
    // M/M/1 (Gross et al., Fundamentals of Queueing Theory, §2.2).
    expect(erlangC(0.5, 1)).toBeCloseTo(0.5, 15)
    expect(averageSpeedOfAnswer(0.5, 1, 60)).toBeCloseTo(60, 12)
    expect(serviceLevel(0.5, 1, 60, 30)).toBeCloseTo(1 - 0.5 * Math.exp(-0.25), 15)
  })

  it("two agents: C = A²/(2 + A), e.g. 1 E → 1/3", () => {
    // M/M/2 from the definition: (A²/2 · 2/(2 − A)) / (1 + A + A²/2 · 2/(2 − A)) = A²/(2 + A).
    expect(erlangC(1, 2)).toBeCloseTo(1 / 3, 15)
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1.999, noNaN: true }), (a) => {
        expect(erlangC(a, 2)).toBeCloseTo((a * a) / (2 + a), 12)
      }),
    )
  })

  it("waiting is likelier than blocking (C ≥ B), C falls with agents, and the service level rises with agents and target time", () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 150, noNaN: true }), fc.integer({ min: 1, max: 60 }), fc.double({ min: 0, max: 120, noNaN: true }), (a, extra, t) => {
        const n = Math.floor(a) + extra
        const c = erlangC(a, n)
        expect(c).toBeGreaterThanOrEqual(erlangB(a, n))
        expect(c).toBeLessThanOrEqual(1)
        expect(erlangC(a, n + 1)).toBeLessThanOrEqual(c)
        expect(serviceLevel(a, n + 1, 180, t)).toBeGreaterThanOrEqual(serviceLevel(a, n, 180, t))
        expect(serviceLevel(a, n, 180, t + 1)).toBeGreaterThanOrEqual(serviceLevel(a, n, 180, t))
      }),
    )
  })

  it("agentsForServiceLevel is the least N that meets the target", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 300, noNaN: true }),
        fc.double({ min: 0, max: 60, noNaN: true }),
        fc.double({ min: 0, max: 0.99, noNaN: true }),
        (a, t, target) => {
          const n = agentsForServiceLevel(a, 180, t, target)
          expect(n).toBeGreaterThan(a)
          expect(serviceLevel(a, n, 180, t)).toBeGreaterThanOrEqual(target)
          if (n - 1 > a) expect(serviceLevel(a, n - 1, 180, t)).toBeLessThan(target)
        },
      ),
    )
  })

  it("large N: 9,000 E on 9,100 agents", () => {
    const c = erlangC(9000, 9100)
    expect(c).toBeGreaterThan(0)
    expect(c).toBeLessThan(1)
    expect(c).toBeGreaterThan(erlangB(9000, 9100))
    expect(erlangC(9000, 9101)).toBeLessThan(c)
  })

  it("occupancy is A/N; no traffic waits for nobody", () => {
    expect(occupancy(48, 55)).toBeCloseTo(48 / 55, 15)
    expect(erlangC(0, 3)).toBe(0)
    expect(averageSpeedOfAnswer(0, 3, 180)).toBe(0)
    expect(agentsForServiceLevel(0, 180, 20, 0.8)).toBe(1)
  })

  it("rejects an unstable queue and bad times, saying what was expected", () => {
    expect(() => erlangC(10, 10)).toThrow(/Erlang C needs traffic < agents/)
    expect(() => erlangC(1, 0)).toThrow(/agents must be an integer ≥ 1, got 0/)
    expect(() => occupancy(12, 10)).toThrow(RangeError)
    expect(() => averageSpeedOfAnswer(1, 2, 0)).toThrow(/handling time must be a finite number of seconds > 0, got 0/)
    expect(() => serviceLevel(1, 2, 180, -1)).toThrow(/target answer time must be a finite number of seconds ≥ 0, got -1/)
    expect(() => agentsForServiceLevel(1, 180, 20, 1)).toThrow(/target service level must be a fraction in \[0, 1\), got 1/)
  })
})

describe("busy-hour traffic", () => {
  it("calls per hour × holding time: 1,000 calls of 36 s are 10 E; 30 calls of 5 min are 2.5 E", () => {
    expect(busyHourErlangs(1000, 36)).toBe(10)
    expect(busyHourErlangs(30, 300)).toBe(2.5)
    expect(() => busyHourErlangs(-1, 36)).toThrow(/calls per hour must be finite and ≥ 0, got -1/)
    expect(() => busyHourErlangs(10, Number.NaN)).toThrow(/holding time must be a finite number of seconds ≥ 0/)
  })
})
