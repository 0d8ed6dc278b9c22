import type { TimeNs } from "../../../sim/time.ts"

/**
 * One-way channel delay, sampled once per packet: an integer ≥ 0 in ns. Implementations own their
 * random stream and any state carried from packet to packet (netem's delay correlation).
 * Build one from a DelaySpec with `makeDelayModel`.
 */
export interface DelayModel {
  sampleNs(): TimeNs
  /** Every packet gets the same delay (so packets arrive in the order they leave). */
  readonly isConstant: boolean
}
