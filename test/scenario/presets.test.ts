import { describe, expect, it } from "vitest"
import { simulate } from "../../src/engine/simulate.ts"
import { LINK_PRESETS } from "../../src/network/presets.ts"
import { parseScenario } from "../../src/scenario/load.ts"

const withPreset = (preset: string, extra = "") => `
name: preset ${preset}
seed: 3
duration: 2s
nodes: [{ id: home, kind: phone }, { id: far, kind: phone }]
links:
  - { id: wan, between: [home, far], preset: ${preset}${extra} }
calls:
  - { from: home, to: far, codec: G.711u, ptime: 20ms }
`

describe("link presets through the real schema", () => {
  it.each(Object.keys(LINK_PRESETS))("%s decodes like user input and runs", (name) => {
    const r = parseScenario(withPreset(name), "p.yaml")
    if (!r.ok) throw new Error(r.errors[0]!.format())
    const report = simulate(r.scenario)
    expect(report.calls[0]!.streams[0]!.packetsReceived).toBeGreaterThan(0)
  })

  it("fields written on the link override the preset's, in both directions", () => {
    const r = parseScenario(withPreset("dsl-8m-1m", ", bandwidth: 20Mbit/s"), "p.yaml")
    if (!r.ok) throw new Error(r.errors[0]!.format())
    expect(r.scenario.links[0]!.up.bandwidthBps).toBe(20_000_000)
    expect(r.scenario.links[0]!.down.bandwidthBps).toBe(20_000_000)
    const plain = parseScenario(withPreset("dsl-8m-1m"), "p.yaml")
    if (!plain.ok) throw new Error(plain.errors[0]!.format())
    expect(plain.scenario.links[0]!.up.bandwidthBps).toBeLessThan(plain.scenario.links[0]!.down.bandwidthBps)
  })

  it("an unknown preset is an error that lists the known ones", () => {
    const r = parseScenario(withPreset("dialup"), "p.yaml")
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.errors[0]!.format()).toMatch(/^p\.yaml:7:\d+: links\[0\]\.preset: unknown preset "dialup"; the presets are ethernet-lan, /)
  })
})
