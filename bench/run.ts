/** Benchmark entry point (`npm run bench`): one import and call per benchmark file. */
import { runEventQueueBench } from "./event-queue.bench.ts"

await runEventQueueBench()
