import type { Report } from "../report/schema.ts"
import type { Scenario } from "../scenario/schema.ts"
import { finishMedia } from "./build-media.ts"
import { buildModel, type ObserverFor } from "./build-model.ts"
import { buildReport } from "./build-report.ts"

export interface SimulateOptions {
  /** Overrides the scenario's seed. */
  readonly seed?: number
  /** Receives the arrivals of chosen streams (the dashboard's per-packet charts). */
  readonly observerFor?: ObserverFor
  /** An event per transmission and arrival: slower, same report (see NetworkOptions). */
  readonly eventPerPacket?: boolean
}

/** Runs a validated scenario to its end and reports. Pure: same scenario and seed, same report. */
export const simulate = (scenario: Scenario, options: SimulateOptions = {}): Report => {
  const seed = options.seed ?? scenario.seed
  const model = buildModel(scenario, seed, options.observerFor, { eventPerPacket: options.eventPerPacket ?? false })
  model.sim.runUntil(scenario.durationNs)
  for (const stream of model.streams) stream.receiver.playUntil(scenario.durationNs)
  finishMedia(model, scenario.durationNs)
  return buildReport(scenario.name, seed, model, scenario.durationNs)
}
