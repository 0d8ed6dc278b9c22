import { parseScenario } from "../../src/scenario/load.ts"
import type { Scenario } from "../../src/scenario/schema.ts"

/** A two-phone scenario for engine tests; `link` and `call` lines override the defaults. */
export const twoPhones = (o: { bandwidth?: string; delay?: string; link?: string; call?: string; duration?: string } = {}): Scenario => {
  const text = `
name: test
seed: 1
duration: ${o.duration ?? "10s"}
nodes: [{ id: a, kind: phone }, { id: b, kind: phone }]
links:
  - { id: ab, between: [a, b], bandwidth: ${o.bandwidth ?? "10Mbit/s"}, delay: ${o.delay ?? "5ms"}${o.link ? `, ${o.link}` : ""} }
calls:
  - { id: c1, from: a, to: b, codec: G.711u, ptime: 20ms${o.call ? `, ${o.call}` : ""} }
`
  return scenarioFrom(text)
}

/** A valid scenario from its text; a test fixture that does not validate fails with its errors. */
export const scenarioFrom = (text: string, fileName = "test.yaml"): Scenario => {
  const result = parseScenario(text, fileName)
  if (!result.ok) throw new Error(result.errors.map((e) => e.format()).join("\n"))
  return result.scenario
}
