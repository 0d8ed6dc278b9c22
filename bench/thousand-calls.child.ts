// Runs in a fresh process, so no other benchmark's JIT feedback or heap shapes the figure.
//   time CALLS SECONDS: the first (cold) run's wall time, then tinybench's mean over three more
//     (steady state, the JIT warmed up), in ms, and the events of one run
//   rss CALLS SECONDS: simulates once and prints the process's peak RSS in KiB
import "../src/cli/jit-tuning.ts"
import { Bench } from "tinybench"
import { buildModel } from "../src/engine/build-model.ts"
import { simulate } from "../src/engine/simulate.ts"
import { parseScenario } from "../src/scenario/load.ts"
import { trunkScenarioText } from "./trunk-scenario.ts"

const [mode, calls, durationS] = process.argv.slice(2)
const parsed = parseScenario(trunkScenarioText(Number(calls), Number(durationS)), "trunk.yaml")
if (!parsed.ok) throw new Error(parsed.errors[0]!.format())
const scenario = parsed.scenario

if (mode === "rss") {
  simulate(scenario)
  console.log(JSON.stringify({ maxRssKiB: process.resourceUsage().maxRSS }))
} else {
  const coldStart = performance.now()
  simulate(scenario)
  const coldMs = performance.now() - coldStart
  const bench = new Bench({ name: `${calls} calls`, time: 0, iterations: 3, warmup: false })
  bench.add(`simulate ${calls} calls × ${durationS} s`, () => {
    simulate(scenario)
  })
  await bench.run()
  const result = bench.tasks[0]!.result
  if (result.state !== "completed") throw new Error(`benchmark ${result.state}`)
  const model = buildModel(scenario, scenario.seed)
  model.sim.runUntil(scenario.durationNs)
  console.log(JSON.stringify({ coldMs, meanMs: result.latency.mean, events: model.sim.processedEvents }))
}
