import { readFileSync } from "node:fs"
import { Bench } from "tinybench"
import { buildModel } from "../src/engine/build-model.ts"
import { simulate } from "../src/engine/simulate.ts"
import { parseScenario } from "../src/scenario/load.ts"

/** Wall time of the default scenario (two phones, 60 s of G.711), parsing excluded. */
export const benchDefaultScenario = async (): Promise<void> => {
  const file = "scenarios/default.yaml"
  const parsed = parseScenario(readFileSync(file, "utf8"), file)
  if (!parsed.ok) throw new Error(parsed.errors[0]!.format())
  const scenario = parsed.scenario

  const model = buildModel(scenario, scenario.seed)
  model.sim.runUntil(scenario.durationNs)
  const events = model.sim.processedEvents

  const bench = new Bench({ name: "default scenario", time: 1000, warmup: true })
  bench.add(`simulate ${file}`, () => {
    simulate(scenario)
  })
  await bench.run()
  console.table(bench.table())
  const result = bench.tasks[0]!.result
  if (result.state !== "completed") throw new Error(`benchmark ${result.state}`)
  const meanMs = result.latency.mean
  console.log(
    `default scenario (${scenario.durationNs / 1e9} s simulated, ${events} events): ` +
      `${meanMs.toFixed(2)} ms wall time, ${(events / meanMs / 1000).toFixed(2)} M events/s`,
  )
}
