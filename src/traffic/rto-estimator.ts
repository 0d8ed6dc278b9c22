import type { TimeNs } from "../../sim/time.ts"

export interface RtoSettings {
  /** Before the first RTT sample; RFC 6298 (2.1): 1 s. */
  readonly initialRtoNs: TimeNs
  /** RFC 6298 (2.4): 1 s (Linux uses 200 ms). */
  readonly minRtoNs: TimeNs
  /** RFC 6298 (2.5) allows a cap of at least 60 s. */
  readonly maxRtoNs: TimeNs
}

export const RFC6298_RTO: RtoSettings = { initialRtoNs: 1e9, minRtoNs: 1e9, maxRtoNs: 60e9 }

/**
 * Retransmission timeout from RTT samples (RFC 6298 §2): SRTT and RTTVAR with gains 1/8 and 1/4,
 * RTO = SRTT + 4·RTTVAR within [min, max]; the clock granularity G is 1 ns, so negligible.
 * `backoff` doubles it (RFC 6298 (5.5)); the next sample recomputes it.
 */
export class RtoEstimator {
  srttNs = NaN
  rttvarNs = NaN
  rtoNs: number

  constructor(private readonly settings: RtoSettings = RFC6298_RTO) {
    const { initialRtoNs, minRtoNs, maxRtoNs } = settings
    if (!(minRtoNs > 0 && minRtoNs <= maxRtoNs && initialRtoNs > 0)) {
      throw new RangeError(`RTO settings need 0 < min ≤ max and initial > 0, got ${minRtoNs}, ${maxRtoNs}, ${initialRtoNs}`)
    }
    this.rtoNs = initialRtoNs
  }

  addSample(rttNs: number): void {
    if (Number.isNaN(this.srttNs)) {
      this.srttNs = rttNs // (2.2)
      this.rttvarNs = rttNs / 2
    } else {
      this.rttvarNs = 0.75 * this.rttvarNs + 0.25 * Math.abs(this.srttNs - rttNs) // (2.3), beta = 1/4
      this.srttNs = 0.875 * this.srttNs + 0.125 * rttNs // alpha = 1/8
    }
    this.rtoNs = this.clamp(this.srttNs + 4 * this.rttvarNs)
  }

  backoff(): void {
    this.rtoNs = this.clamp(2 * this.rtoNs)
  }

  private clamp(rtoNs: number): number {
    return Math.min(this.settings.maxRtoNs, Math.max(this.settings.minRtoNs, rtoNs))
  }
}
