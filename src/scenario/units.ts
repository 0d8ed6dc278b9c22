/**
 * Quantities as people write them in scenario files ("20ms", "100Mbit/s",
 * "64KB", "0.1%"), parsed into base units: integer nanoseconds, bits per
 * second, integer bytes, and fractions.
 *
 * Pure and total: every function returns a `Parsed` instead of throwing, so
 * the schema can turn a failure into an issue at the right path. Range rules
 * (bandwidth > 0, loss ≤ 100 %) belong to the schema; only signs that can
 * never make sense (a negative delay or size) are rejected here.
 */

export type Parsed =
  | { readonly ok: true; readonly value: number }
  | { readonly ok: false; readonly message: string }

/** How one unit scales to the base unit: value × 10^exp10 × factor. */
interface Scale {
  readonly exp10: number
  readonly factor?: number
}

interface Kind {
  /** "a duration", "a bit rate", … as used in messages. */
  readonly what: string
  readonly example: string
  readonly units: Readonly<Record<string, Scale>>
  /** Units listed in messages (the table also holds aliases). */
  readonly shown: string
  readonly allowNegative: boolean
  /** Whole base units (ns, bytes) are required, so results are rounded. */
  readonly round: boolean
}

const DURATION: Kind = {
  what: "a duration",
  example: "20ms",
  units: {
    ns: { exp10: 0 },
    us: { exp10: 3 },
    "µs": { exp10: 3 }, // U+00B5 MICRO SIGN
    "μs": { exp10: 3 }, // U+03BC GREEK SMALL LETTER MU
    ms: { exp10: 6 },
    s: { exp10: 9 },
    min: { exp10: 9, factor: 60 },
    h: { exp10: 9, factor: 3600 },
  },
  shown: "ns, us, ms, s, min, h",
  allowNegative: false,
  round: true,
}

const rateUnits: Record<string, Scale> = {}
for (const [prefix, exp10] of [["", 0], ["k", 3], ["K", 3], ["M", 6], ["G", 9]] as const) {
  for (const suffix of ["bit/s", "bps", "b/s"]) rateUnits[prefix + suffix] = { exp10 }
}
const BIT_RATE: Kind = {
  what: "a bit rate",
  example: "100Mbit/s",
  units: rateUnits,
  shown: "bit/s, kbit/s, Mbit/s, Gbit/s (or bps, kbps, Mbps, Gbps)",
  allowNegative: false,
  round: false,
}

const SIZE: Kind = {
  what: "a size",
  example: "64KB",
  units: {
    B: { exp10: 0 },
    byte: { exp10: 0 },
    bytes: { exp10: 0 },
    KB: { exp10: 3 },
    kB: { exp10: 3 },
    MB: { exp10: 6 },
    GB: { exp10: 9 },
    KiB: { exp10: 0, factor: 1024 },
    MiB: { exp10: 0, factor: 1024 ** 2 },
    GiB: { exp10: 0, factor: 1024 ** 3 },
  },
  shown: "B, KB, MB, GB (×1000) or KiB, MiB, GiB (×1024)",
  allowNegative: false,
  round: true,
}

const PERCENTAGE: Kind = {
  what: "a percentage",
  example: "0.5%",
  units: { "%": { exp10: -2 } },
  shown: "%",
  allowNegative: true,
  round: false,
}

// sign, digits, optional exponent, optional spaces, unit (whatever is left).
const QUANTITY = /^([+-]?)(\d+(?:\.\d*)?|\.\d+)(?:[eE]([+-]?\d+))?\s*(.*)$/su

const show = (input: string | number): string => (typeof input === "string" ? JSON.stringify(input) : String(input))

function parseQuantity(kind: Kind, input: string | number): Parsed {
  const expected = `expected ${kind.what} with a unit, like ${kind.example}`
  if (typeof input === "number") return { ok: false, message: `${expected}, got ${show(input)}` }
  const match = QUANTITY.exec(input.trim())
  const [, sign = "", digits = "", exponent = "0", unit = ""] = match ?? []
  if (match === null || unit === "") return { ok: false, message: `${expected}, got ${show(input)}` }
  const scale = kind.units[unit]
  if (scale === undefined) {
    return { ok: false, message: `unknown unit "${unit}" in ${show(input)}: expected ${kind.what} in ${kind.shown}, like ${kind.example}` }
  }
  // Shift the decimal exponent instead of multiplying so "0.7%" is exactly 0.007.
  const magnitude = Number(`${digits}e${Number(exponent) + scale.exp10}`) * (scale.factor ?? 1)
  const rounded = kind.round ? Math.round(magnitude) : magnitude
  const value = sign === "-" && rounded !== 0 ? -rounded : rounded // never -0
  if (value < 0 && !kind.allowNegative) {
    return { ok: false, message: `expected ${kind.what} that is not negative, like ${kind.example}, got ${show(input)}` }
  }
  if (!Number.isFinite(value) || (kind.round && !Number.isSafeInteger(value))) {
    return { ok: false, message: `${show(input)} is too large for ${kind.what}` }
  }
  return { ok: true, value }
}

/** "20ms", "0.5 ms", "250µs", "2min" → integer nanoseconds (≥ 0). */
export const parseDuration = (input: string | number): Parsed => parseQuantity(DURATION, input)

/** "64kbit/s", "2Mbps" → bits per second (≥ 0; SI prefixes, k = 1000). */
export const parseBitRate = (input: string | number): Parsed => parseQuantity(BIT_RATE, input)

/** "64KB" (×1000), "64KiB" (×1024), "200 bytes" → integer bytes (≥ 0). */
export const parseByteSize = (input: string | number): Parsed => parseQuantity(SIZE, input)

/** "1%" → 0.01. Any sign and size: the caller decides the valid range. */
export const parsePercentage = (input: string | number): Parsed => parseQuantity(PERCENTAGE, input)

/** Nanoseconds as a short human string for messages: 1500000 → "1.5ms". */
export function formatDuration(ns: number): string {
  const abs = Math.abs(ns)
  if (abs >= 1e9) return `${ns / 1e9}s`
  if (abs >= 1e6) return `${ns / 1e6}ms`
  if (abs >= 1e3) return `${ns / 1e3}us`
  return `${ns}ns`
}

/** A fraction as a percentage for messages: 0.015 → "1.5%". */
export const formatPercentage = (fraction: number): string => `${Number((fraction * 100).toPrecision(12))}%`
