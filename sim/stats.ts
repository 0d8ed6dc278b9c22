export { LogHistogram } from "./stats/log-histogram.ts"
export type { LogHistogramOptions } from "./stats/log-histogram.ts"
export { RunningStats } from "./stats/running-stats.ts"
export { TimeSeries } from "./stats/time-series.ts"
