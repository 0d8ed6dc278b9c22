import type { RandomStream } from "../../sim/random.ts"
import { Simulator } from "../../sim/simulator.ts"
import type { TimeNs } from "../../sim/time.ts"
import { CallLoad, type CallLoadSettings } from "./call-load.ts"

/** One admitted call of a load: when it starts and how long it holds its channel. */
export interface PlannedCall {
  readonly index: number
  readonly startNs: TimeNs
  readonly holdingNs: TimeNs
  readonly channel: number
}

export interface CallLoadPlan {
  readonly calls: readonly PlannedCall[]
  readonly offered: number
  readonly blocked: number
  /** Time-weighted mean of busy channels over [startNs, endNs]: the carried traffic in Erlangs. */
  readonly carriedErlangs: number
  readonly offeredErlangs: number
}

/**
 * Which calls of a load get a channel, decided before the network runs: arrivals, holding times
 * and the trunk group do not depend on what the network does to the media, so the Erlang model
 * runs on its own clock and the simulation then carries the admitted calls like any others.
 * Calls arrive from `startNs` until `stopNs`; the plan counts until `endNs`.
 */
export const planCallLoad = (settings: CallLoadSettings, rng: RandomStream, startNs: TimeNs, stopNs: TimeNs, endNs: TimeNs): CallLoadPlan => {
  const sim = new Simulator()
  const calls: PlannedCall[] = []
  const load = new CallLoad(
    {
      sim,
      rng,
      listener: {
        onCallStart: (index, start, holdingNs, channel) => void calls.push({ index, startNs: start, holdingNs, channel }),
        onCallEnd: () => {},
      },
    },
    settings,
  )
  load.start(startNs)
  if (stopNs < endNs) load.stop(stopNs)
  sim.runUntil(endNs)
  return {
    calls,
    offered: load.trunks.offered,
    blocked: load.trunks.blocked,
    carriedErlangs: load.trunks.meanBusyChannels(endNs),
    offeredErlangs: load.offeredErlangs,
  }
}
