/** Benchmark entry point (`npm run bench`): one import and call per benchmark file. */
import "../src/cli/jit-tuning.ts" // the engine as the CLI runs it
import { runEventQueueBench } from "./event-queue.bench.ts"
import { benchDefaultScenario } from "./scenario.bench.ts"
import { benchThousandCalls } from "./thousand-calls.bench.ts"
import { benchBusyHour } from "./busy-hour.bench.ts"

await runEventQueueBench()
await benchDefaultScenario()
await benchThousandCalls()
await benchBusyHour()
