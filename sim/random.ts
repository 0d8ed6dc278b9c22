import { murmur3x86_32, utf8Bytes } from "./random/murmur3.ts"
import { xoshiro128StarStarNext } from "./random/xoshiro128.ts"

/** Seeds of the four hash lanes that make a 128-bit key (hex digits of pi). */
const LANE_SEEDS = [0x243f6a88, 0x85a308d3, 0x13198a2e, 0x03707344] as const
const TAG_ROOT = 1
const TAG_SPLIT = 2
const TWO_POW_32 = 4294967296
const TWO_POW_53 = 9007199254740992

/**
 * 128-bit key of a stream: four MurmurHash3 lanes over
 * (tag, parent identity, UTF-8 name). A stream's sequence depends on its key
 * only, never on which other streams exist or how much they were drawn.
 */
function deriveKey(tag: number, identity: Uint8Array, name: string): Int32Array {
  const nameBytes = utf8Bytes(name)
  const bytes = new Uint8Array(1 + identity.length + nameBytes.length)
  bytes[0] = tag
  bytes.set(identity, 1)
  bytes.set(nameBytes, 1 + identity.length)
  const key = new Int32Array(4)
  for (let lane = 0; lane < 4; lane++) key[lane] = murmur3x86_32(bytes, LANE_SEEDS[lane]!)
  // xoshiro must not start from the all-zero state.
  if ((key[0]! | key[1]! | key[2]! | key[3]!) === 0) key[0] = 1
  return key
}

function littleEndianBytes(words: Int32Array): Uint8Array {
  const bytes = new Uint8Array(words.length * 4)
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!
    bytes[4 * i] = w & 0xff
    bytes[4 * i + 1] = (w >>> 8) & 0xff
    bytes[4 * i + 2] = (w >>> 16) & 0xff
    bytes[4 * i + 3] = (w >>> 24) & 0xff
  }
  return bytes
}

/** Seeded factory of independent, named random streams. */
export class RandomSource {
  readonly seed: number
  private readonly seedBytes: Uint8Array
  private readonly streams = new Map<string, RandomStream>()

  /** `seed`: any safe integer ≥ 0. */
  constructor(seed: number) {
    if (!Number.isSafeInteger(seed) || seed < 0) {
      throw new RangeError(`seed must be a safe integer ≥ 0, got ${seed}`)
    }
    this.seed = seed
    const words = new Int32Array(2)
    words[0] = seed % TWO_POW_32
    words[1] = Math.floor(seed / TWO_POW_32)
    this.seedBytes = littleEndianBytes(words)
  }

  /** The stream called `name`, created on first use; later calls return the same stream. */
  stream(name: string): RandomStream {
    let stream = this.streams.get(name)
    if (stream === undefined) {
      stream = new RandomStream(deriveKey(TAG_ROOT, this.seedBytes, name))
      this.streams.set(name, stream)
    }
    return stream
  }
}

/** A xoshiro128** generator. Not cryptographically secure. */
export class RandomStream {
  private readonly state: Int32Array
  private readonly key: Int32Array
  private children: Map<string, RandomStream> | undefined

  /** `key`: four 32-bit words, not all zero (normally from RandomSource). */
  constructor(key: Int32Array) {
    if (key.length !== 4 || (key[0]! | key[1]! | key[2]! | key[3]!) === 0) {
      throw new RangeError("a stream key is four 32-bit words, not all zero")
    }
    this.key = Int32Array.from(key)
    this.state = Int32Array.from(key)
  }

  /** Uniform integer in [0, 2^32). */
  nextUint32(): number {
    return xoshiro128StarStarNext(this.state)
  }

  /**
   * Uniform in [0, 1) with 53 random bits (two draws, as in genrand_res53). The two steps of
   * xoshiro128StarStarNext are written out on local words: the hottest draw of a run, and this
   * way the state is read and written once.
   */
  nextFloat(): number {
    const state = this.state
    let s0 = state[0]!
    let s1 = state[1]!
    let s2 = state[2]!
    let s3 = state[3]!
    let m = Math.imul(s1, 5)
    const high = Math.imul((m << 7) | (m >>> 25), 9) >>> 5
    let t = s1 << 9
    s2 ^= s0
    s3 ^= s1
    s1 ^= s2
    s0 ^= s3
    s2 ^= t
    s3 = (s3 << 11) | (s3 >>> 21)
    m = Math.imul(s1, 5)
    const low = Math.imul((m << 7) | (m >>> 25), 9) >>> 6
    t = s1 << 9
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
    return (high * 67108864 + low) / TWO_POW_53
  }

  /**
   * True with probability p: `nextFloat() < p`, drawing the same. Returns a boolean, so callers
   * that are not inlined with it pass no float back (which would cost an allocation).
   */
  chance(p: number): boolean {
    return this.nextFloat() < p
  }

  /** Uniform integer in [0, bound) for 1 ≤ bound ≤ 2^32, unbiased (rejection). */
  nextInt(bound: number): number {
    if (!Number.isInteger(bound) || bound < 1 || bound > TWO_POW_32) {
      throw new RangeError(`bound must be an integer in [1, 2^32], got ${bound}`)
    }
    // Reject the top partial copy of [0, bound) so every residue is equally likely.
    const limit = TWO_POW_32 - (TWO_POW_32 % bound)
    for (;;) {
      const x = xoshiro128StarStarNext(this.state)
      if (x < limit) return x % bound
    }
  }

  /**
   * Child stream named `name`. It depends only on this stream's key and the
   * name, not on how many numbers were drawn; repeated calls return the same child.
   */
  split(name: string): RandomStream {
    this.children ??= new Map()
    let child = this.children.get(name)
    if (child === undefined) {
      child = new RandomStream(deriveKey(TAG_SPLIT, littleEndianBytes(this.key), name))
      this.children.set(name, child)
    }
    return child
  }
}
