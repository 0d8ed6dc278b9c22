import { describe, expect, it } from "vitest"
import { exp, log } from "../../sim/math/portable-math.ts"

/** Doubles from raw random bit patterns, via a 32-bit LCG independent of sim/random. */
function randomDoubles(count: number, seed: number): Float64Array {
  const out = new Float64Array(count)
  const words = new Uint32Array(out.buffer)
  let state = seed >>> 0
  for (let i = 0; i < words.length; i++) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0
    words[i] = state ^ (state >>> 13)
  }
  return out
}

describe("portable log and exp (fdlibm ports)", () => {
  it("agree bit for bit with V8's Math.log and Math.exp, which are fdlibm too", () => {
    const bits = randomDoubles(50_000, 1)
    let mismatches = 0
    for (const x of bits) {
      if (!Object.is(log(Math.abs(x)), Math.log(Math.abs(x)))) mismatches++
    }
    for (let i = 0; i < 50_000; i++) {
      const u = (i + 0.5) / 50_000
      if (!Object.is(log(u), Math.log(u))) mismatches++
      const y = (u - 0.5) * 1500 // covers overflow and gradual underflow
      if (!Object.is(exp(y), Math.exp(y))) mismatches++
      const z = (u - 0.5) * 4
      if (!Object.is(exp(z), Math.exp(z))) mismatches++
    }
    expect(mismatches).toBe(0)
  })

  it("special values", () => {
    expect(log(1)).toBe(0)
    expect(log(0)).toBe(-Infinity)
    expect(log(-0)).toBe(-Infinity)
    expect(log(-1)).toBeNaN()
    expect(log(NaN)).toBeNaN()
    expect(log(Infinity)).toBe(Infinity)
    expect(log(Math.E)).toBe(1)
    expect(log(2)).toBe(Math.LN2)
    expect(log(5e-324)).toBeCloseTo(-744.4400719213812, 12)
    expect(exp(0)).toBe(1)
    expect(exp(1)).toBe(Math.E)
    expect(exp(-Infinity)).toBe(0)
    expect(exp(Infinity)).toBe(Infinity)
    expect(exp(NaN)).toBeNaN()
    expect(exp(710)).toBe(Infinity)
    expect(exp(-746)).toBe(0)
    expect(exp(Math.LN2)).toBe(2)
  })

  it("are accurate to an ulp or so against exact identities", () => {
    for (let k = -1074; k <= 1023; k += 7) {
      // log(2^k) = k ln 2
      expect(log(2 ** k)).toBeCloseTo(k * Math.LN2, 10)
    }
    for (let k = -700; k <= 700; k += 13) {
      const relative = Math.abs(exp(k) / Math.exp(k) - 1)
      expect(relative).toBeLessThan(4e-16)
    }
  })
})
