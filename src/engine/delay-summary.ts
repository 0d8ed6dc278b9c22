import type { LogHistogram } from "../../sim/stats.ts"
import { nsToMsRounded } from "../report/round.ts"

/** A delay histogram's figures in ms as reports give them: null where nothing was measured. */
export const meanMs = (h: LogHistogram): number | null => (h.count > 0 ? nsToMsRounded(h.mean) : null)
export const maxMs = (h: LogHistogram): number | null => (h.count > 0 ? nsToMsRounded(h.max) : null)
export const quantileMs = (h: LogHistogram, q: number): number | null => (h.count > 0 ? nsToMsRounded(h.quantile(q)) : null)

/** Mean, median, p95, p99 and max: a stream's one-way delay. */
export const delaySummary = (h: LogHistogram) => ({
  mean: meanMs(h),
  p50: quantileMs(h, 0.5),
  p95: quantileMs(h, 0.95),
  p99: quantileMs(h, 0.99),
  max: maxMs(h),
})
