/**
 * One step of xoshiro128** 1.1 (Blackman & Vigna, "Scrambled linear pseudorandom
 * number generators", ACM TOMS 2021; reference code 2018). Advances the
 * 128-bit state in place and returns the next output as an unsigned 32-bit
 * integer. Int32 ops with Math.imul only: bit-identical in every engine.
 */
export function xoshiro128StarStarNext(state: Int32Array): number {
  let s0 = state[0]!
  let s1 = state[1]!
  let s2 = state[2]!
  let s3 = state[3]!
  const m = Math.imul(s1, 5)
  const result = Math.imul((m << 7) | (m >>> 25), 9) >>> 0
  const t = s1 << 9
  s2 ^= s0
  s3 ^= s1
  s1 ^= s2
  s0 ^= s3
  s2 ^= t
  s3 = (s3 << 11) | (s3 >>> 21)
  state[0] = s0
  state[1] = s1
  state[2] = s2
  state[3] = s3
  return result
}
