import { describe, expect, it } from "vitest"
import { DelayTrace } from "../../src/engine/delay-trace.ts"
import { simulate } from "../../src/engine/simulate.ts"
import { parseScenario } from "../../src/scenario/load.ts"

// A 1 s call over a link whose both directions follow opportunities at 0, 10, 10, 30 ms, looping
// every 30 ms; no propagation delay, so a packet's one-way delay is its wait for an opportunity.
const scenario = (events = "") => {
  const r = parseScenario(
    `name: trace
seed: 1
duration: 1s
nodes: [{ id: a, kind: phone }, { id: b, kind: phone }]
links:
  - { id: ab, between: [a, b], capacityTrace: { opportunitiesMs: [0, 10, 10, 30] } }
calls:
  - { from: a, to: b, codec: G.711u, ptime: 20ms }
${events}`,
    "t.yaml",
  )
  if (!r.ok) throw new Error(r.errors[0].format())
  return r.scenario
}

const run = (events = "") => {
  const trace = new DelayTrace()
  const report = simulate(scenario(events), { observerFor: (i) => (i === 0 ? trace : undefined) })
  return { report, trace }
}

// Packets leave at k·20 ms. Opportunities repeat with 60 ms: 0, 10, 10, 30, 30, 40, 40, 60, …; a
// packet takes the first one after it was sent: 0 → 10, 20 → 30, 40 → 60 (not the 40s: same instant).
const pattern = (k: number) => [10, 10, 20][k % 3]!

describe("a call over a capacity-trace link", () => {
  it("each packet waits for the trace's next delivery opportunity", () => {
    const { trace } = run()
    expect(trace.sentMs).toEqual(Array.from({ length: 50 }, (_, k) => k * 20))
    expect(trace.delayMs).toEqual(trace.sentMs.map((_, k) => pattern(k)))
  })

  it("reports the trace's mean rate and used over offered bytes", () => {
    const { report } = run()
    const link = report.links[0]!
    expect(link.bandwidthBps).toBe(1_600_000)
    // 50 packets of 200 B + 4 = 10 200 B; opportunities up to 1000 ms: 33 cycles of 4 (to 990 ms)
    // and 990, 1000, 1000 of cycle 33: 135 · 1504 B = 203 040 B offered.
    expect(link.utilization).toBe(0.0502)
  })

  it("a change that keeps the trace leaves it running; a new trace starts at the event", () => {
    expect(run("events:\n  - { at: 510ms, link: ab, set: { loss: 0% } }").trace.delayMs).toEqual(run().trace.delayMs)

    const { trace, report } = run("events:\n  - { at: 510ms, link: ab, set: { capacityTrace: { opportunitiesMs: [5, 10] } } }")
    // Up to 500 ms as before (the packet of 500 ms leaves at 510, taken before the change);
    // then opportunities at 515, 520, 525, …: a packet sent at 520 leaves at 525.
    expect(trace.delayMs).toEqual(trace.sentMs.map((ms, k) => (ms <= 500 ? pattern(k) : 5)))
    expect(report.links[0]!.bandwidthBps).toBe(2_400_000)
  })
})
