// Simulates the trunk scenario once and prints the process's peak RSS in KiB.
import "../src/cli/jit-tuning.ts"
import { simulate } from "../src/engine/simulate.ts"
import { parseScenario } from "../src/scenario/load.ts"
import { trunkScenarioText } from "./trunk-scenario.ts"

const [calls, durationS] = process.argv.slice(2).map(Number)
const parsed = parseScenario(trunkScenarioText(calls!, durationS!), "trunk.yaml")
if (!parsed.ok) throw new Error(parsed.errors[0]!.format())
simulate(parsed.scenario)
console.log(process.resourceUsage().maxRSS)
