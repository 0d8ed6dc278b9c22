import type { RandomStream } from "../../sim/random.ts"

/** Draws the size (whole bytes, on the wire) of each packet a source sends. */
export interface PacketSizeModel {
  readonly meanBytes: number
  readonly minBytes: number
  readonly maxBytes: number
  sampleBytes(rng: RandomStream): number
}

export interface SizeWeight {
  readonly sizeBytes: number
  /** Relative frequency, ≥ 0; the weights need not sum to 1. */
  readonly weight: number
}

/** Decoded packet-size settings (whole bytes). */
export type PacketSizeConfig =
  | { readonly kind: "fixed"; readonly sizeBytes: number }
  /** Every whole size in [minBytes, maxBytes] equally likely. */
  | { readonly kind: "uniform"; readonly minBytes: number; readonly maxBytes: number }
  /** An empirical mix: size `sizeBytes` with probability weight / Σ weights. */
  | { readonly kind: "mix"; readonly entries: readonly SizeWeight[] }

/** "Simple IMIX" 7:4:1 of 40, 576 and 1500-byte IP packets (Agilent/Ixia IMIX definitions; Internet traffic studies of the late 1990s). */
export const SIMPLE_IMIX: readonly SizeWeight[] = [
  { sizeBytes: 40, weight: 7 },
  { sizeBytes: 576, weight: 4 },
  { sizeBytes: 1500, weight: 1 },
]

const requireSize = (name: string, bytes: number): void => {
  if (!Number.isSafeInteger(bytes) || bytes < 1) throw new RangeError(`${name} must be a whole number of bytes ≥ 1, got ${bytes}`)
}

export const fixedSize = (sizeBytes: number): PacketSizeModel => {
  requireSize("sizeBytes", sizeBytes)
  return { meanBytes: sizeBytes, minBytes: sizeBytes, maxBytes: sizeBytes, sampleBytes: () => sizeBytes }
}

/** Discrete uniform on the whole numbers minBytes … maxBytes (both included). */
export const uniformSize = (minBytes: number, maxBytes: number): PacketSizeModel => {
  requireSize("minBytes", minBytes)
  requireSize("maxBytes", maxBytes)
  if (minBytes > maxBytes) throw new RangeError(`minBytes (${minBytes}) must not exceed maxBytes (${maxBytes})`)
  const count = maxBytes - minBytes + 1
  return {
    meanBytes: (minBytes + maxBytes) / 2,
    minBytes,
    maxBytes,
    sampleBytes: (rng) => minBytes + rng.nextInt(count),
  }
}

/** Empirical mix: one uniform draw, then the first entry whose cumulative weight exceeds it. */
export const sizeMix = (entries: readonly SizeWeight[]): PacketSizeModel => {
  if (entries.length === 0) throw new RangeError("a size mix needs at least one entry")
  const sizes = new Float64Array(entries.length)
  const cumulative = new Float64Array(entries.length)
  let total = 0
  let weightedBytes = 0
  entries.forEach((e, i) => {
    requireSize(`entries[${i}].sizeBytes`, e.sizeBytes)
    if (!(e.weight >= 0) || !Number.isFinite(e.weight)) throw new RangeError(`entries[${i}].weight must be finite and ≥ 0, got ${e.weight}`)
    total += e.weight
    weightedBytes += e.weight * e.sizeBytes
    sizes[i] = e.sizeBytes
    cumulative[i] = total
  })
  if (!(total > 0)) throw new RangeError("a size mix needs a positive total weight")
  const used = entries.filter((e) => e.weight > 0).map((e) => e.sizeBytes)
  const last = entries.length - 1
  return {
    meanBytes: weightedBytes / total,
    minBytes: Math.min(...used),
    maxBytes: Math.max(...used),
    sampleBytes: (rng) => {
      const u = rng.nextFloat() * total
      for (let i = 0; i < last; i++) if (u < cumulative[i]!) return sizes[i]!
      // u < total always; landing here means the last positive-weight entries (rounding at the top end).
      for (let i = last; i > 0; i--) if (cumulative[i]! > cumulative[i - 1]!) return sizes[i]!
      return sizes[0]!
    },
  }
}

export const makePacketSize = (config: PacketSizeConfig): PacketSizeModel => {
  switch (config.kind) {
    case "fixed":
      return fixedSize(config.sizeBytes)
    case "uniform":
      return uniformSize(config.minBytes, config.maxBytes)
    case "mix":
      return sizeMix(config.entries)
  }
}
