import { constant, exponential } from "../../sim/distributions.ts"
import type { RandomSource } from "../../sim/random.ts"
import type { TimeNs } from "../../sim/time.ts"
import { planCallLoad, type CallLoadPlan } from "../media/call-load-plan.ts"
import type { Scenario } from "../scenario/schema.ts"

type ScenarioCall = Scenario["calls"][number]
type ScenarioLoad = NonNullable<Scenario["loads"]>[number]

/** A load after planning: its admitted calls (ordinary calls from here on) and its counts. */
export interface LoadModel {
  readonly load: ScenarioLoad
  readonly plan: CallLoadPlan
  /** Ids of its admitted calls, `<load>-<k>` with k counting offered calls from 0. */
  readonly callIds: ReadonlySet<string>
  readonly calls: readonly ScenarioCall[]
}

/**
 * Plans each load (src/media/call-load-plan.ts: the Erlang model on its own clock, from the
 * load's own random stream) and turns its admitted calls into calls like its template, each
 * holding its channel for its holding time, cut at the end of the run.
 */
export const expandLoads = (loads: readonly ScenarioLoad[], random: RandomSource, endNs: TimeNs): LoadModel[] =>
  loads.map((load) => {
    const template = load.call
    const holdingNs = load.holdingDistribution === "fixed" ? constant(load.holdingNs) : exponential(load.holdingNs)
    const stopNs = template.startNs + template.durationNs
    const plan = planCallLoad({ callsPerHour: load.callsPerHour, holdingNs, channels: load.trunks }, random.stream(`load/${load.id}`), template.startNs, stopNs, endNs)
    const calls = plan.calls
      .map((c): ScenarioCall => ({ ...template, id: `${load.id}-${c.index}`, startNs: c.startNs, durationNs: Math.min(c.holdingNs, endNs - c.startNs) }))
      .filter((c) => c.durationNs >= template.ptimeNs) // a call shorter than one packet sends nothing
    return { load, plan, callIds: new Set(calls.map((c) => c.id)), calls }
  })
