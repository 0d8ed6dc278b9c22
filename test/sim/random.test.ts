import { describe, expect, it } from "vitest"
import { RandomSource, RandomStream } from "../../sim/index.ts"
import { murmur3x86_32, utf8Bytes } from "../../sim/random/murmur3.ts"
import { xoshiro128StarStarNext } from "../../sim/random/xoshiro128.ts"

const ascii = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0))

describe("generator core", () => {
  it("xoshiro128** 1.1 matches the reference implementation from state (1, 2, 3, 4)", () => {
    // First outputs of xoshiro128starstar.c v1.1, as published in rand_xoshiro's reference test.
    const expected = [11520, 0, 5927040, 70819200, 2031721883, 1637235492, 1287239034, 3734860849, 3729100597, 4258142804]
    const state = Int32Array.of(1, 2, 3, 4)
    expect(expected.map(() => xoshiro128StarStarNext(state))).toEqual(expected)
  })

  it("MurmurHash3 x86_32 matches published vectors", () => {
    const vectors: [Uint8Array, number, number][] = [
      [ascii(""), 0, 0x00000000],
      [ascii(""), 1, 0x514e28b7],
      [ascii(""), 0xffffffff, 0x81f16f39],
      [ascii("test"), 0, 0xba6bd213],
      [ascii("Hello, world!"), 1234, 0xfaf6cdb3],
      [ascii("Hello, world!"), 4321, 0xbf505788],
      [ascii("xxxxxxxxxxxxxxxxxxxxxxxxxxxx"), 1234, 0x8905ac28],
      [ascii("The quick brown fox jumps over the lazy dog"), 0x9747b28c, 0x2fa826cd],
      [Uint8Array.of(0x21, 0x43, 0x65), 0, 0x7e4a8634],
      [Uint8Array.of(0x21, 0x43), 0, 0xa0f7b07a],
      [Uint8Array.of(0x21), 0, 0x72661cf4],
      [Uint8Array.of(0xff, 0xff, 0xff, 0xff), 0, 0x76293b50],
    ]
    for (const [bytes, seed, want] of vectors) expect(murmur3x86_32(bytes, seed)).toBe(want)
  })

  it("names are hashed as their UTF-8 bytes", () => {
    for (const s of ["", "jitter", "héllo", "線路", "🎧 call #1", "\ud800 lone"]) {
      expect(Array.from(utf8Bytes(s))).toEqual(Array.from(new TextEncoder().encode(s)))
    }
  })

  it("a stream's state is the documented derivation: four MurmurHash3 lanes over (1, seed LE 64-bit, UTF-8 name)", () => {
    const seed = 2 ** 40 + 12345
    const name = "link/a→b"
    const state = keyOf(seed, name)
    const expected = Array.from({ length: 8 }, () => xoshiro128StarStarNext(state))
    const stream = new RandomSource(seed).stream(name)
    expect(Array.from({ length: 8 }, () => stream.nextUint32())).toEqual(expected)
  })
})

/** Key of RandomSource(seed).stream(name), rebuilt from the documented recipe. */
function keyOf(seed: number, name: string): Int32Array {
  const nameBytes = new TextEncoder().encode(name)
  const bytes = new Uint8Array(9 + nameBytes.length)
  bytes[0] = 1
  new DataView(bytes.buffer).setBigUint64(1, BigInt(seed), true)
  bytes.set(nameBytes, 9)
  return Int32Array.from([0x243f6a88, 0x85a308d3, 0x13198a2e, 0x03707344], (laneSeed) => murmur3x86_32(bytes, laneSeed))
}

const draw = (stream: RandomStream, n: number): number[] => Array.from({ length: n }, () => stream.nextUint32())

describe("RandomSource and named streams", () => {
  it("same seed and name give the same sequence whatever other streams exist or were drawn", () => {
    const alone = draw(new RandomSource(7).stream("codec"), 50)
    const busy = new RandomSource(7)
    draw(busy.stream("link"), 1000)
    busy.stream("jitter").nextFloat()
    const codec = busy.stream("codec")
    draw(busy.stream("other"), 33)
    expect(draw(codec, 50)).toEqual(alone)
  })

  it("stream(name) returns the same stream on later calls", () => {
    const source = new RandomSource(1)
    expect(source.stream("x")).toBe(source.stream("x"))
  })

  it("different names or seeds give different sequences", () => {
    const base = draw(new RandomSource(7).stream("codec"), 4)
    expect(draw(new RandomSource(7).stream("codec2"), 4)).not.toEqual(base)
    expect(draw(new RandomSource(8).stream("codec"), 4)).not.toEqual(base)
    // High and low 32-bit halves of the seed both matter.
    expect(draw(new RandomSource(7 + 2 ** 32).stream("codec"), 4)).not.toEqual(base)
    expect(draw(new RandomSource(0).stream(""), 4)).not.toEqual(draw(new RandomSource(0).stream(" "), 4))
  })

  it("accepts any safe integer seed ≥ 0 and rejects others", () => {
    expect(() => new RandomSource(Number.MAX_SAFE_INTEGER).stream("a").nextFloat()).not.toThrow()
    for (const bad of [-1, 0.5, NaN, Infinity, 2 ** 53]) expect(() => new RandomSource(bad)).toThrow(RangeError)
  })

  it("split depends only on the parent's identity and the name, not on draws", () => {
    const a = new RandomSource(3).stream("net")
    const childBefore = draw(a.split("loss"), 20)
    const b = new RandomSource(3).stream("net")
    draw(b, 500)
    expect(draw(b.split("loss"), 20)).toEqual(childBefore)
    expect(b.split("loss")).toBe(b.split("loss"))
    expect(draw(new RandomSource(3).stream("net").split("delay"), 20)).not.toEqual(childBefore)
    // A child is not the root stream of the same name, nor its parent.
    expect(draw(new RandomSource(3).stream("loss"), 20)).not.toEqual(childBefore)
    expect(draw(new RandomSource(3).stream("net"), 20)).not.toEqual(childBefore)
  })

  it("rejects an all-zero key", () => {
    expect(() => new RandomStream(new Int32Array(4))).toThrow(RangeError)
  })
})

describe("output distribution", () => {
  const n = 100_000

  it("nextFloat lies in [0, 1), carries 53 bits, and has mean 1/2", () => {
    const stream = new RandomSource(99).stream("floats")
    let sum = 0
    let oddNumerators = 0
    let outOfRange = 0
    let notMultipleOfUlp = 0
    for (let i = 0; i < n; i++) {
      const x = stream.nextFloat()
      if (!(x >= 0 && x < 1)) outOfRange++
      const numerator = x * 2 ** 53
      if (!Number.isInteger(numerator)) notMultipleOfUlp++
      if (numerator % 2 === 1) oddNumerators++
      sum += x
    }
    expect([outOfRange, notMultipleOfUlp]).toEqual([0, 0])
    // Var(U) = 1/12; allow 5 standard errors.
    expect(Math.abs(sum / n - 0.5)).toBeLessThan(5 * Math.sqrt(1 / 12 / n))
    // The lowest of the 53 bits is random too (binomial, 5 standard errors).
    expect(Math.abs(oddNumerators - n / 2)).toBeLessThan(5 * Math.sqrt(n / 4))
  })

  it("nextFloat is (a >>> 5) · 2^26 + (b >>> 6), over 2^53, from two consecutive outputs", () => {
    const floats = new RandomSource(21).stream("f")
    const twin = new RandomStream(keyOf(21, "f"))
    for (let i = 0; i < 1000; i++) {
      const a = twin.nextUint32()
      const b = twin.nextUint32()
      expect(floats.nextFloat()).toBe(((a >>> 5) * 2 ** 26 + (b >>> 6)) / 2 ** 53)
    }
  })

  it("chance(p) is nextFloat() < p, drawing the same", () => {
    const a = new RandomSource(9).stream("chance")
    const b = new RandomSource(9).stream("chance")
    for (let i = 0; i < 10_000; i++) {
      const p = (i % 101) / 100
      expect(a.chance(p)).toBe(b.nextFloat() < p)
    }
  })

  it("nextFloat passes a chi-square test over 100 equal bins", () => {
    const stream = new RandomSource(5).stream("chi")
    const counts = new Array<number>(100).fill(0)
    for (let i = 0; i < n; i++) counts[Math.floor(stream.nextFloat() * 100)]!++
    const expected = n / 100
    const chi2 = counts.reduce((acc, c) => acc + (c - expected) ** 2 / expected, 0)
    // 99 degrees of freedom: P(χ² > 181) ≈ 1e-6 (Wilson–Hilferty).
    expect(chi2).toBeLessThan(181)
  })

  it("every byte of nextUint32 is uniform (chi-square, 256 bins each)", () => {
    const stream = new RandomSource(11).stream("bytes")
    const counts = Array.from({ length: 4 }, () => new Array<number>(256).fill(0))
    let outOfRange = 0
    for (let i = 0; i < n; i++) {
      const x = stream.nextUint32()
      if (!(x >= 0 && x < 2 ** 32 && Number.isInteger(x))) outOfRange++
      for (let b = 0; b < 4; b++) counts[b]![(x >>> (8 * b)) & 0xff]!++
    }
    expect(outOfRange).toBe(0)
    const expected = n / 256
    for (const byteCounts of counts) {
      const chi2 = byteCounts.reduce((acc, c) => acc + (c - expected) ** 2 / expected, 0)
      // 255 degrees of freedom: P(χ² > 370) ≈ 1e-6 (Wilson–Hilferty).
      expect(chi2).toBeLessThan(370)
    }
  })

  it("nextInt(bound) is in range and uniform", () => {
    const stream = new RandomSource(12).stream("dice")
    const counts = new Array<number>(6).fill(0)
    for (let i = 0; i < 60_000; i++) counts[stream.nextInt(6)]!++
    const chi2 = counts.reduce((acc, c) => acc + (c - 10_000) ** 2 / 10_000, 0)
    // 5 degrees of freedom: P(χ² > 36) ≈ 1e-6.
    expect(chi2).toBeLessThan(36)
    // Without rejection, 2^32 mod bound would bias small values: for bound = 3·2^30, P(x < 2^30) would be 1/2, not 1/3.
    let small = 0
    for (let i = 0; i < 30_000; i++) if (stream.nextInt(3 * 2 ** 30) < 2 ** 30) small++
    expect(Math.abs(small / 30_000 - 1 / 3)).toBeLessThan(5 * Math.sqrt((1 / 3) * (2 / 3) / 30_000))
    expect(stream.nextInt(1)).toBe(0)
    const big = stream.nextInt(2 ** 32)
    expect(big >= 0 && big < 2 ** 32).toBe(true)
    for (const bad of [0, -1, 1.5, 2 ** 32 + 1, NaN]) expect(() => stream.nextInt(bad)).toThrow(RangeError)
  })
})
