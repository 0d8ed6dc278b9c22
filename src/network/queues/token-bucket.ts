import type { TimeNs } from "../../../sim/time.ts"

/**
 * A token bucket (RFC 2697 §1 style, single rate): tokens in bytes accrue at `rateBps` up to
 * `burstBytes`; a packet conforms when the bucket holds its size.
 */
export class TokenBucket {
  private tokensBytes: number
  private updatedNs: TimeNs = 0

  constructor(
    readonly rateBps: number,
    readonly burstBytes: number,
  ) {
    this.tokensBytes = burstBytes
  }

  private refill(nowNs: TimeNs): void {
    this.tokensBytes = Math.min(this.burstBytes, this.tokensBytes + ((nowNs - this.updatedNs) * this.rateBps) / 8e9)
    this.updatedNs = nowNs
  }

  conforms(sizeBytes: number, nowNs: TimeNs): boolean {
    this.refill(nowNs)
    return this.tokensBytes >= sizeBytes
  }

  take(sizeBytes: number, nowNs: TimeNs): void {
    this.refill(nowNs)
    this.tokensBytes -= sizeBytes
  }

  /** The earliest time the bucket holds `sizeBytes` (now if it already does). */
  readyAtNs(sizeBytes: number, nowNs: TimeNs): TimeNs {
    this.refill(nowNs)
    const missingBytes = sizeBytes - this.tokensBytes
    return missingBytes <= 0 ? nowNs : nowNs + Math.ceil((missingBytes * 8e9) / this.rateBps)
  }
}
