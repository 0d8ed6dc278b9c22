// Runs in a fresh process (see thousand-calls.child.ts): simulates the busy hour once and prints
// its wall time, its calls and the process's peak RSS as JSON.
import "../src/cli/jit-tuning.ts"
import { Bench } from "tinybench"
import { simulate } from "../src/engine/simulate.ts"
import { parseScenario } from "../src/scenario/load.ts"
import { busyHourScenarioText } from "./busy-hour-scenario.ts"

const callsPerHour = Number(process.argv[2] ?? 5000)
const parsed = parseScenario(busyHourScenarioText(callsPerHour), "busy-hour.yaml")
if (!parsed.ok) throw new Error(parsed.errors[0]!.format())
const scenario = parsed.scenario
const bench = new Bench({ name: "busy hour", time: 0, iterations: 1, warmup: false })
let report: ReturnType<typeof simulate> | undefined
bench.add(`simulate a busy hour at ${callsPerHour} calls/h`, () => {
  report = simulate(scenario)
})
await bench.run()
const result = bench.tasks[0]!.result
if (result.state !== "completed") throw new Error(`benchmark ${result.state}`)
const load = report!.loads![0]!
console.log(
  JSON.stringify({
    simulatedS: scenario.durationNs / 1e9,
    wallMs: result.latency.mean,
    offered: load.callsOffered,
    blocked: load.callsBlocked,
    setupFailures: load.setupFailures,
    mosMean: load.mos.mean,
    maxRssKiB: process.resourceUsage().maxRSS,
  }),
)
