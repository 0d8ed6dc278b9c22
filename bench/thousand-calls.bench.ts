import { execFileSync } from "node:child_process"
import { Bench } from "tinybench"
import { buildModel } from "../src/engine/build-model.ts"
import { simulate } from "../src/engine/simulate.ts"
import { parseScenario } from "../src/scenario/load.ts"
import { trunkScenarioText } from "./trunk-scenario.ts"

const CALLS = 1000

const scenarioOf = (durationS: number) => {
  const parsed = parseScenario(trunkScenarioText(CALLS, durationS), "trunk.yaml")
  if (!parsed.ok) throw new Error(parsed.errors[0]!.format())
  return parsed.scenario
}

/** Peak resident memory of a fresh process simulating `durationS` seconds (one run, nothing else loaded). */
const peakRssMiB = (durationS: number): number => {
  const out = execFileSync(
    process.execPath,
    [...process.execArgv, "bench/thousand-calls.child.ts", String(CALLS), String(durationS)],
    { encoding: "utf8" },
  )
  return Number(out.trim()) / 1024
}

/** 1,000 calls for 60 s over three hops with a shared bottleneck and Poisson cross traffic. */
export const benchThousandCalls = async (): Promise<void> => {
  const scenario = scenarioOf(60)
  const model = buildModel(scenario, scenario.seed)
  model.sim.runUntil(scenario.durationNs)
  const events = model.sim.processedEvents

  const bench = new Bench({ name: "1,000 calls", time: 0, iterations: 2, warmup: false })
  bench.add(`simulate ${CALLS} calls × 60 s`, () => {
    simulate(scenario)
  })
  await bench.run()
  console.table(bench.table())
  const result = bench.tasks[0]!.result
  if (result.state !== "completed") throw new Error(`benchmark ${result.state}`)
  const wallS = result.latency.mean / 1000
  console.log(
    `${CALLS} calls, 60 s simulated, ${(events / 1e6).toFixed(1)} M events: ${wallS.toFixed(2)} s wall, ` +
      `${(60 / wallS).toFixed(1)}× faster than real time, ${(events / wallS / 1e6).toFixed(2)} M events/s`,
  )
  const rss60 = peakRssMiB(60)
  const rss600 = peakRssMiB(600)
  console.log(`peak RSS: ${rss60.toFixed(0)} MiB for 60 s simulated, ${rss600.toFixed(0)} MiB for 600 s simulated`)
}
