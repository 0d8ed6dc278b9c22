import { describe, expect, it } from "vitest"
import { parseScenario } from "../../src/scenario/load.ts"

/** Two phones and one call whose fields end with `extra`. */
const text = (extra: string, codec = "G.711u") => `name: t
seed: 1
duration: 10s
nodes: [{ id: a, kind: phone }, { id: b, kind: phone }]
links: [{ id: ab, between: [a, b], bandwidth: 1Mbit/s }]
calls:
  - { from: a, to: b, codec: ${codec}, ptime: 20ms${extra} }
`

const call = (extra: string, codec?: string) => {
  const result = parseScenario(text(extra, codec), "t.yaml")
  if (!result.ok) throw new Error(result.errors[0]!.format())
  return result.scenario.calls[0]!
}
const firstError = (extra: string, codec?: string) => {
  const result = parseScenario(text(extra, codec), "t.yaml")
  if (result.ok) throw new Error("parsed, but should not have")
  return result.errors[0]!.format()
}

describe("call fields for VAD and SIP", () => {
  it("off by default: a call without them decodes with neither key", () => {
    const c = call("")
    expect("vad" in c).toBe(false)
    expect("sip" in c).toBe(false)
    expect("vad" in call(", vad: false, signaling: none")).toBe(false)
  })

  it("vad: true; signaling: sip with CS3 and a 6 s ring unless given", () => {
    expect(call(", vad: true").vad).toBe(true)
    expect(call(", signaling: sip").sip).toEqual({ dscp: 24, ringTimeNs: 6_000_000_000 })
    expect(call(", signaling: sip, signalingDscp: cs5, ringTime: 1.5s").sip).toEqual({ dscp: 40, ringTimeNs: 1_500_000_000 })
  })

  it.each([
    ["VAD with a codec without a silence descriptor", ", vad: true", "G.729A", "t.yaml:7:56: calls[0].vad: G.729A has no silence descriptor to send in pauses, so no VAD here; G.729B (Annex B) has one"],
    ["VAD with Opus", ", vad: true", "Opus-NB-12k", "t.yaml:7:61: calls[0].vad: Opus-NB-12k has no silence descriptor to send in pauses, so no VAD here"],
    ["an unknown signaling protocol", ", signaling: h323", "G.711u", 't.yaml:7:62: calls[0].signaling: expected none or sip, got "h323"'],
    ["a signaling DSCP without SIP", ", signalingDscp: cs5", "G.711u", "t.yaml:7:66: calls[0].signalingDscp: signalingDscp sets up SIP signaling: it needs signaling: sip"],
    ["a ring time without SIP", ", signaling: none, ringTime: 2s", "G.711u", "t.yaml:7:78: calls[0].ringTime: ringTime sets up SIP signaling: it needs signaling: sip"],
  ])("%s is an error at the field", (_, extra, codec, expected) => {
    expect(firstError(extra, codec)).toBe(expected)
  })
})
