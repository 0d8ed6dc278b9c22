/**
 * Rounds for the report: results are computed at full precision and rounded only here, so a
 * report is byte-identical on every machine while staying readable.
 */
export const round = (x: number, digits: number): number => {
  const scale = 10 ** digits
  const r = Math.round(x * scale) / scale
  return Object.is(r, -0) ? 0 : r
}

/** A nanosecond statistic in ms with microsecond resolution; null when there were no samples. */
export const nsToMsRounded = (ns: number): number | null => (Number.isFinite(ns) ? round(ns / 1e6, 3) : null)
