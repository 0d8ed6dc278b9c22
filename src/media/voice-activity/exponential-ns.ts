import { exponential } from "../../../sim/distributions.ts"
import type { RandomStream } from "../../../sim/random.ts"
import type { TimeNs } from "../../../sim/time.ts"

const UNIT_EXPONENTIAL = exponential(1)

/**
 * An exponential duration with mean `meanNs`, rounded to the ns and at least 1 ns, so that
 * successive state changes are strictly increasing (the rounding moves the mean by under 1 ns).
 */
export function exponentialNs(rng: RandomStream, meanNs: number): TimeNs {
  const ns = Math.round(meanNs * UNIT_EXPONENTIAL.sample(rng))
  return ns > 0 ? ns : 1
}
