/**
 * Event-queue throughput on the classic "hold" model (Jones, CACM 1986):
 * pop the earliest entry and push one at now + Exp(1), so the number of
 * pending entries stays constant. Time unit: Exp(1) is drawn in milliseconds
 * and rounded to integer nanoseconds (mean increment 1 ms = 1,000,000 ns),
 * so simulated time stays integer and ties stay rare but present at 1M pending.
 * Increments are drawn ahead of time from a seeded stream, so only queue
 * work is timed. Measured for the ladder queue, the binary-heap reference,
 * and through the full Simulator API (ladder).
 */
import { Bench } from "tinybench"
import type { EventHandler } from "../sim/index.ts"
import { BinaryHeapQueue, LadderQueue, NS_PER_MS, RandomSource, Simulator, exponential } from "../sim/index.ts"
import type { EventQueue } from "../sim/index.ts"

const PENDING_SIZES = [1_000, 100_000, 1_000_000] as const
/** Hold operations per timed iteration. */
const OPS_PER_ITERATION = 100_000
const INCREMENT_TABLE_SIZE = 1 << 20
const TIME_PER_TASK_MS = Number(process.env["BENCH_TIME_MS"] ?? 1500)

function incrementTable(): Float64Array {
  const rng = new RandomSource(2024).stream("hold-increments")
  const exp = exponential(NS_PER_MS)
  const table = new Float64Array(INCREMENT_TABLE_SIZE)
  for (let i = 0; i < table.length; i++) table[i] = Math.round(exp.sample(rng))
  return table
}

const increments = incrementTable()
const MASK = INCREMENT_TABLE_SIZE - 1

/** A queue in the hold model, prefilled and settled before timing. */
class HoldModel {
  private cursor = 0
  private payload = 0

  constructor(readonly queue: EventQueue, pending: number) {
    for (let i = 0; i < pending; i++) queue.push(increments[this.cursor++ & MASK]!, this.payload++)
    this.hold(2 * pending) // reach the steady-state distribution of pending times
  }

  hold(operations: number): void {
    const queue = this.queue
    let cursor = this.cursor
    for (let i = 0; i < operations; i++) {
      const nowNs = queue.peekTimeNs()
      queue.pop()
      queue.push(nowNs + increments[cursor++ & MASK]!, i)
    }
    this.cursor = cursor
  }
}

/** The same model through Simulator.scheduleIn and a preallocated handler. */
class SimulatorHold implements EventHandler {
  readonly sim = new Simulator({ queue: "ladder" })
  private cursor = 0
  private remaining = 0

  constructor(pending: number) {
    for (let i = 0; i < pending; i++) this.sim.scheduleIn(increments[this.cursor++ & MASK]!, this)
    this.run(2 * pending)
  }

  handleEvent(): void {
    this.sim.scheduleIn(increments[this.cursor++ & MASK]!, this)
    if (--this.remaining === 0) this.sim.stop()
  }

  run(events: number): void {
    this.remaining = events
    this.sim.run()
  }
}

function eventsPerSecond(bench: Bench, name: string): number {
  const task = bench.getTask(name)
  const result = task?.result
  if (result === undefined || result.state !== "completed") throw new Error(`benchmark ${name} did not complete`)
  return OPS_PER_ITERATION / (result.period / 1000)
}

function formatRate(eventsPerS: number): string {
  return `${(eventsPerS / 1e6).toFixed(1)} M events/s`
}

function label(pending: number): string {
  return pending >= 1_000_000 ? `${pending / 1_000_000}M` : `${pending / 1000}k`
}

export async function runEventQueueBench(): Promise<void> {
  console.log("Event queue: hold model, increments round(Exp(1) ms) in integer ns (mean 1,000,000 ns)")
  const summary: string[] = []
  for (const pending of PENDING_SIZES) {
    const bench = new Bench({ name: `hold model, ${label(pending)} pending`, time: TIME_PER_TASK_MS, warmup: true })
    const ladder = new HoldModel(new LadderQueue(), pending)
    const heap = new HoldModel(new BinaryHeapQueue(), pending)
    const simulator = new SimulatorHold(pending)
    bench.add("ladder", () => ladder.hold(OPS_PER_ITERATION))
    bench.add("heap", () => heap.hold(OPS_PER_ITERATION))
    bench.add("simulator (ladder)", () => simulator.run(OPS_PER_ITERATION))
    await bench.run()
    console.log(`${bench.name} (${OPS_PER_ITERATION.toLocaleString("en-US")} events per iteration)`)
    console.table(bench.table())
    summary.push(
      `${bench.name}: ladder ${formatRate(eventsPerSecond(bench, "ladder"))}, ` +
        `heap ${formatRate(eventsPerSecond(bench, "heap"))}, ` +
        `simulator ${formatRate(eventsPerSecond(bench, "simulator (ladder)"))}`,
    )
  }
  for (const line of summary) console.log(line)
}
