/**
 * Natural logarithm and exponential built from IEEE-754 basic operations only
 * (+ - * /, exactly rounded everywhere), ported from fdlibm e_log.c and
 * e_exp.c (Sun Microsystems 1993, as in FreeBSD msun). ECMAScript leaves
 * Math.log/Math.exp implementation-approximated, so engines may differ in the
 * last bit; these give the same bits in every engine. V8 itself uses fdlibm,
 * so in Node/Chrome they also equal Math.log/Math.exp.
 */

const float = new Float64Array(1)
const words = new Int32Array(float.buffer)
const HI = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0
const LO = 1 - HI

function highWord(x: number): number {
  float[0] = x
  return words[HI]!
}

function lowWord(x: number): number {
  float[0] = x
  return words[LO]!
}

function withHighWord(x: number, high: number): number {
  float[0] = x
  words[HI] = high
  return float[0]!
}

const LN2_HI = 6.93147180369123816490e-1
const LN2_LO = 1.90821492927058770002e-10
const TWO_POW_54 = 1.8014398509481984e16
const LG1 = 6.666666666666735130e-1
const LG2 = 3.999999999940941908e-1
const LG3 = 2.857142874366239149e-1
const LG4 = 2.222219843214978396e-1
const LG5 = 1.818357216161805012e-1
const LG6 = 1.531383769920937332e-1
const LG7 = 1.479819860511658591e-1

/** ln(x), fdlibm __ieee754_log. */
export function log(x: number): number {
  let hx = highWord(x)
  const lx = lowWord(x)
  let k = 0
  if (hx < 0x00100000) {
    if (((hx & 0x7fffffff) | lx) === 0) return -Infinity
    if (hx < 0) return NaN
    k -= 54
    x *= TWO_POW_54 // subnormal: scale up
    hx = highWord(x)
  }
  if (hx >= 0x7ff00000) return x + x
  k += (hx >> 20) - 1023
  hx &= 0x000fffff
  let i = (hx + 0x95f64) & 0x100000
  x = withHighWord(x, hx | (i ^ 0x3ff00000)) // normalize x or x/2
  k += i >> 20
  const f = x - 1.0
  if ((0x000fffff & (2 + hx)) < 3) {
    // |f| < 2^-20
    if (f === 0) return k === 0 ? 0 : k * LN2_HI + k * LN2_LO
    const r = f * f * (0.5 - 0.33333333333333333 * f)
    return k === 0 ? f - r : k * LN2_HI - (r - k * LN2_LO - f)
  }
  const s = f / (2.0 + f)
  const dk = k
  const z = s * s
  i = hx - 0x6147a
  const w = z * z
  const j = 0x6b851 - hx
  const t1 = w * (LG2 + w * (LG4 + w * LG6))
  const t2 = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7)))
  i |= j
  const r = t2 + t1
  if (i > 0) {
    const hfsq = 0.5 * f * f
    return k === 0 ? f - (hfsq - s * (hfsq + r)) : dk * LN2_HI - (hfsq - (s * (hfsq + r) + dk * LN2_LO) - f)
  }
  return k === 0 ? f - s * (f - r) : dk * LN2_HI - (s * (f - r) - dk * LN2_LO - f)
}

const E = 2.718281828459045
const O_THRESHOLD = 7.09782712893383973096e2
const U_THRESHOLD = -7.45133219101941108420e2
const INV_LN2 = 1.44269504088896338700e0
const TWO_POW_M1000 = 9.33263618503218878990e-302
const P1 = 1.66666666666666019037e-1
const P2 = -2.77777777770155933842e-3
const P3 = 6.61375632143793436117e-5
const P4 = -1.65339022054652515390e-6
const P5 = 4.13813679705723846039e-8

/** e^x, fdlibm __ieee754_exp. */
export function exp(x: number): number {
  let hx = highWord(x)
  const negative = hx < 0
  hx &= 0x7fffffff
  if (hx >= 0x40862e42) {
    // |x| ≥ 709.78...
    if (hx >= 0x7ff00000) {
      if (((hx & 0xfffff) | lowWord(x)) !== 0) return x + x // NaN
      return negative ? 0 : x
    }
    if (x > O_THRESHOLD) return Infinity
    if (x < U_THRESHOLD) return 0
  }
  let hi = 0
  let lo = 0
  let k = 0
  if (hx > 0x3fd62e42) {
    // |x| > 0.5 ln2: reduce to |r| ≤ 0.5 ln2
    if (hx < 0x3ff0a2b2) {
      if (x === 1) return E // as FreeBSD msun: exact-to-ulp e
      hi = negative ? x + LN2_HI : x - LN2_HI
      lo = negative ? -LN2_LO : LN2_LO
      k = negative ? -1 : 1
    } else {
      k = Math.trunc(INV_LN2 * x + (negative ? -0.5 : 0.5))
      hi = x - k * LN2_HI // exact
      lo = k * LN2_LO
    }
    x = hi - lo
  } else if (hx < 0x3e300000) {
    return 1 + x // |x| < 2^-28
  }
  const t = x * x
  const c = x - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))))
  if (k === 0) return 1 - ((x * c) / (c - 2.0) - x)
  const y = 1 - (lo - (x * c) / (2.0 - c) - hi)
  if (k >= -1021) {
    if (k === 1024) return y * 2.0 * 8.98846567431158e307 // 2^1023
    return y * withHighWord(0, (0x3ff + k) << 20)
  }
  return y * withHighWord(0, (0x3ff + k + 1000) << 20) * TWO_POW_M1000
}
