import type { RandomStream } from "../../../sim/random.ts"
import { isValidTimeNs, NS_PER_MS, type TimeNs } from "../../../sim/time.ts"
import { exponentialNs } from "./exponential-ns.ts"
import type { TalkspurtSource } from "./talkspurt-source.ts"

/** A single talker without a conversation partner: exponential talkspurts and pauses. */
export interface OnOffTalkerConfig {
  readonly meanTalkspurtMs: number
  readonly meanPauseMs: number
}

/** One side of a P.59 conversation seen alone: activity 1004 / (1004 + 1587) = 38.7 %. */
export const P59_TALKER: OnOffTalkerConfig = {
  meanTalkspurtMs: 1004, // ITU-T P.59 (03/93) Table 1: mean talkspurt 1.004 s
  meanPauseMs: 1587, // ITU-T P.59 (03/93) Table 1: mean pause 1.587 s
}

/** The talker that is active `activityFactor` of the time (0 < a < 1) with the given mean talkspurt. */
export function onOffForActivity(activityFactor: number, meanTalkspurtMs: number = P59_TALKER.meanTalkspurtMs): OnOffTalkerConfig {
  if (!(activityFactor > 0 && activityFactor < 1)) throw new RangeError(`activityFactor must be in (0, 1), got ${activityFactor}`)
  // a = talk / (talk + pause)  ⇒  pause = talk · (1 − a) / a
  return { meanTalkspurtMs, meanPauseMs: (meanTalkspurtMs * (1 - activityFactor)) / activityFactor }
}

export function resolveOnOffTalkerConfig(config: Partial<OnOffTalkerConfig>): OnOffTalkerConfig {
  const resolved = { ...P59_TALKER, ...config }
  for (const name of ["meanTalkspurtMs", "meanPauseMs"] as const) {
    const value = resolved[name]
    if (!(value > 0) || !Number.isFinite(value)) throw new RangeError(`${name} must be finite and > 0, got ${value}`)
  }
  return resolved
}

/** Long-run fraction of time talking: mean talkspurt / (mean talkspurt + mean pause). */
export function onOffActivityFactor(config: OnOffTalkerConfig): number {
  return config.meanTalkspurtMs / (config.meanTalkspurtMs + config.meanPauseMs)
}

/**
 * Alternating exponential talkspurts and pauses (the two-state model of a talker, Brady 1969).
 * It starts stationary: talking with probability equal to the activity factor, for an
 * exponential remainder (memoryless), so a call of any length has that activity on average.
 * Missing fields of `config` take the P59_TALKER values.
 */
export class OnOffTalker implements TalkspurtSource {
  readonly config: OnOffTalkerConfig
  private readonly talkspurtNs: number
  private readonly pauseNs: number
  private isTalking: boolean
  private startNs: TimeNs
  private endNs: TimeNs

  constructor(
    config: Partial<OnOffTalkerConfig>,
    private readonly rng: RandomStream,
    startNs: TimeNs,
  ) {
    if (!isValidTimeNs(startNs)) throw new RangeError(`startNs must be a safe integer ≥ 0, got ${startNs}`)
    this.config = resolveOnOffTalkerConfig(config)
    this.talkspurtNs = this.config.meanTalkspurtMs * NS_PER_MS
    this.pauseNs = this.config.meanPauseMs * NS_PER_MS
    this.isTalking = rng.chance(onOffActivityFactor(this.config))
    this.startNs = startNs
    this.endNs = startNs + exponentialNs(rng, this.isTalking ? this.talkspurtNs : this.pauseNs)
  }

  get talking(): boolean {
    return this.isTalking
  }

  get periodStartNs(): TimeNs {
    return this.startNs
  }

  get periodEndNs(): TimeNs {
    return this.endNs
  }

  nextPeriod(): void {
    this.isTalking = !this.isTalking
    this.startNs = this.endNs
    this.endNs += exponentialNs(this.rng, this.isTalking ? this.talkspurtNs : this.pauseNs)
  }
}
