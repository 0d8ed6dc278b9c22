import { readdirSync, readFileSync } from "node:fs"
import { describe, expect, it } from "vitest"
import { buildModel } from "../../src/engine/build-model.ts"
import { simulate } from "../../src/engine/simulate.ts"
import { formatReportJson } from "../../src/report/format-json.ts"
import { parseScenario } from "../../src/scenario/load.ts"
import type { Scenario } from "../../src/scenario/schema.ts"
import { scenarioFrom } from "./scenario-text.ts"

// Links commit packets ahead and hand them to receivers ahead (see NetworkOptions); the
// reference gives every transmission and arrival its own event. Reports must not differ by a byte.
const bothWays = (scenario: Scenario) => [
  formatReportJson(simulate(scenario)),
  formatReportJson(simulate(scenario, { eventPerPacket: true })),
]

/** 40 calls over three hops with a congested, jittery, lossy priority bottleneck and cross traffic; it ends with packets in flight. */
const busyTrunk = scenarioFrom(`
name: busy trunk
seed: 11
duration: 7.0123s
nodes: [{ id: a, kind: pbx }, { id: ra, kind: router }, { id: rb, kind: router }, { id: b, kind: pbx }, { id: web, kind: host }]
links:
  - { id: lan-a, between: [a, ra], bandwidth: 100Mbit/s, delay: 0.2ms }
  - id: core
    between: [ra, rb]
    bandwidth: 4Mbit/s
    delay: 15ms
    jitter: 2ms
    loss: 1%
    queue: { discipline: priority, limit: 30KB }
  - { id: lan-b, between: [rb, b], bandwidth: 100Mbit/s, delay: 4ms, duplicate: 1% }
  - { id: lan-web, between: [rb, web], bandwidth: 100Mbit/s, delay: 0.2ms }
calls:
${Array.from({ length: 40 }, (_, i) => `  - { id: c${i}, from: a, to: b, codec: G.711u, ptime: 20ms, start: ${(i % 7) * 0.3}ms }`).join("\n")}
traffic:
  - { id: bulk, kind: poisson, from: ra, to: web, rate: 2Mbit/s, packetSize: imix }
`)

describe("fewer events, same results", () => {
  it("a congested three-hop trunk reports the same either way, with far fewer events", () => {
    const [fast, reference] = bothWays(busyTrunk)
    expect(fast).toBe(reference)
    const report = JSON.parse(fast!) as { links: { id: string; packetsDropped: number; packetsInFlight: number }[] }
    expect(report.links.find((l) => l.id === "core")!.packetsDropped).toBeGreaterThan(0) // the core queue overflows
    // The run ends with packets on the last link, handed to their receivers but not yet arrived.
    expect(report.links.find((l) => l.id === "lan-b")!.packetsInFlight).toBeGreaterThan(0)

    const events = (eventPerPacket: boolean) => {
      const model = buildModel(busyTrunk, busyTrunk.seed, undefined, { eventPerPacket })
      model.sim.runUntil(busyTrunk.durationNs)
      return model.sim.processedEvents
    }
    expect(events(false)).toBeLessThan(0.6 * events(true))
  })

  const files = readdirSync("scenarios").filter((f) => /\.(ya?ml|json)$/.test(f))
  it.each(files)("%s reports the same either way", (file) => {
    const parsed = parseScenario(readFileSync(`scenarios/${file}`, "utf8"), `scenarios/${file}`, {
      readFile: (name) => readFileSync(`scenarios/${name}`, "utf8"),
    })
    if (!parsed.ok) throw new Error(parsed.errors[0]!.format())
    const [fast, reference] = bothWays(parsed.scenario)
    expect(fast).toBe(reference)
  })
})
