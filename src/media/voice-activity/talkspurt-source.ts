import type { TimeNs } from "../../../sim/time.ts"

/**
 * One talker's alternating talkspurts and pauses, generated lazily in time order: the current
 * period is [periodStartNs, periodEndNs) and `nextPeriod()` moves to the one that starts at
 * periodEndNs, which is the other kind. Periods are at least 1 ns long.
 */
export interface TalkspurtSource {
  /** True during a talkspurt, false during a pause. */
  readonly talking: boolean
  readonly periodStartNs: TimeNs
  readonly periodEndNs: TimeNs
  nextPeriod(): void
}
