import { LogHistogram } from "../../sim/stats.ts"

/**
 * A histogram for delays in ns: 1 µs to 1000 s at 1 % relative accuracy (about 1,000 buckets, 8 KB).
 * Shorter delays share the lowest bucket and read as the exact minimum.
 */
export const newDelayHistogramNs = (): LogHistogram => new LogHistogram({ minValue: 1_000, maxValue: 1e12 })
