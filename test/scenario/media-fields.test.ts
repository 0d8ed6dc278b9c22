import { describe, expect, it } from "vitest"
import { parseScenario } from "../../src/scenario/load.ts"
import type { Scenario } from "../../src/scenario/schema.ts"

const base = (extra: { call?: string; top?: string; nodes?: string } = {}) => `
name: media
seed: 1
duration: 60s
nodes:
  - { id: a, kind: phone }
  - { id: b, kind: phone }
  - { id: c, kind: softphone }
  - { id: mcu, kind: bridge }
  - { id: r, kind: router }
${extra.nodes ?? ""}
links:
  - { id: ar, between: [a, r], bandwidth: 10Mbit/s }
  - { id: br, between: [b, r], bandwidth: 10Mbit/s }
  - { id: cr, between: [c, r], bandwidth: 10Mbit/s }
  - { id: mr, between: [mcu, r], bandwidth: 10Mbit/s }
calls:
  - { id: call-1, from: a, to: b, codec: G.711u, ptime: 20ms, jitterBuffer: 80ms${extra.call ? `, ${extra.call}` : ""} }
${extra.top ?? ""}
`

const parsed = (text: string): Scenario => {
  const result = parseScenario(text, "media.yaml")
  if (!result.ok) throw new Error(result.errors.map((e) => e.format()).join("\n"))
  return result.scenario
}
const errorsOf = (text: string): string[] => {
  const result = parseScenario(text, "media.yaml")
  if (result.ok) throw new Error("parsed, but should not have")
  return result.errors.map((e) => e.format())
}

describe("a call's video", () => {
  it("video: true takes the stream model's defaults and plays out with the call's jitter buffer", () => {
    expect(parsed(base({ call: "video: true" })).calls[0]!.video).toEqual({
      targetBitrateBps: 1_500_000,
      frameRateFps: 30,
      keyFrameIntervalFrames: 60,
      keyFrameSizeRatio: 8,
      frameSizeCv: 0.105,
      maxPayloadBytes: 1200,
      pacing: "paced",
      dscp: 34, // AF41
      playoutDelayNs: 80_000_000,
    })
  })

  it("settings override the defaults; the key-frame interval becomes frames", () => {
    const video = parsed(
      base({ call: "video: { bitrate: 800kbit/s, frameRate: 15, keyFrameInterval: 4s, keyFrameSizeRatio: 5, frameSizeCv: 20%, maxPayload: 1000B, pacing: burst, class: af42, playoutDelay: 100ms }" }),
    ).calls[0]!.video
    expect(video).toEqual({
      targetBitrateBps: 800_000,
      frameRateFps: 15,
      keyFrameIntervalFrames: 60,
      keyFrameSizeRatio: 5,
      frameSizeCv: 0.2,
      maxPayloadBytes: 1000,
      pacing: "burst",
      dscp: 36,
      playoutDelayNs: 100_000_000,
    })
  })

  it("video: false, or no video field, is a voice-only call", () => {
    expect("video" in parsed(base({ call: "video: false" })).calls[0]!).toBe(false)
    expect("video" in parsed(base()).calls[0]!).toBe(false)
  })

  it("refuses what no stream can send, naming the field", () => {
    expect(errorsOf(base({ call: "video: { keyFrameInterval: 10ms }" }))[0]).toMatch(
      /calls\[0\]\.video\.keyFrameInterval: a key-frame interval of 10ms is shorter than one frame at 30 frames\/s/,
    )
    expect(errorsOf(base({ call: "video: { frameRate: 0 }" }))[0]).toMatch(/calls\[0\]\.video\.frameRate: .*frames per second greater than 0/)
    expect(errorsOf(base({ call: "video: { bitrate: 2 }" }))[0]).toMatch(/calls\[0\]\.video\.bitrate: expected a bit rate with a unit/)
    expect(errorsOf(base({ call: "video: { pacing: smooth }" }))[0]).toMatch(/calls\[0\]\.video\.pacing/)
    expect(errorsOf(base({ call: "video: yes please" }))[0]).toMatch(/calls\[0\]\.video: expected true, false or video settings/)
  })
})

describe("conferences", () => {
  const conf = (fields: string) => base({ top: `conferences:\n  - { id: standup, bridge: mcu, codec: G.711u, ptime: 20ms, ${fields} }` })

  it("decode with their defaults: 60 ms jitter buffer, 20 ms mixing delay, PLC, until the scenario ends", () => {
    expect(parsed(conf("participants: [a, b, c], start: 10s")).conferences).toEqual([
      {
        id: "standup",
        bridge: "mcu",
        participants: ["a", "b", "c"],
        codec: "G.711u",
        ptimeNs: 20_000_000,
        jitterBuffer: { kind: "fixed", delayNs: 60_000_000 },
        plc: true,
        startNs: 10_000_000_000,
        durationNs: 50_000_000_000,
        mixingDelayNs: 20_000_000,
      },
    ])
    expect(parsed(conf("participants: [a, b], mixingDelay: 5ms, jitterBuffer: 40ms")).conferences![0]).toMatchObject({
      mixingDelayNs: 5_000_000,
      jitterBuffer: { kind: "fixed", delayNs: 40_000_000 },
    })
  })

  it("a scenario without conferences has none in its model", () => {
    expect("conferences" in parsed(base())).toBe(false)
  })

  it("refuses a bridge that is not one, unknown or repeated participants, and too few", () => {
    expect(errorsOf(conf("participants: [a, b]").replace("bridge: mcu", "bridge: r"))[0]).toMatch(
      /conferences\[0\]\.bridge: "r" is a router; a conference is hosted on a node of kind bridge/,
    )
    expect(errorsOf(conf("participants: [a, zed]"))[0]).toMatch(/conferences\[0\]\.participants\[1\]: unknown node "zed"/)
    expect(errorsOf(conf("participants: [a, b, a]"))[0]).toMatch(/conferences\[0\]\.participants\[2\]: "a" is listed twice/)
    expect(errorsOf(conf("participants: [a, r]"))[0]).toMatch(/conferences\[0\]\.participants\[1\]: "r" is a router/)
    expect(errorsOf(conf("participants: [a, mcu]"))[0]).toMatch(/conferences\[0\]\.participants\[1\]: "mcu" is the bridge itself/)
    expect(errorsOf(conf("participants: [a]"))[0]).toMatch(/conferences\[0\]\.participants: a conference needs at least 2 participants, got 1/)
  })

  it("refuses an unreachable participant, a bad ptime, a clashing id and a conference past the end", () => {
    expect(errorsOf(base({ nodes: "  - { id: island, kind: phone }", top: "conferences:\n  - { id: x, bridge: mcu, codec: G.711u, ptime: 20ms, participants: [a, island] }" }))[0]).toMatch(
      /conferences\[0\]\.participants\[1\]: no route between island and the bridge mcu/,
    )
    expect(errorsOf(conf("participants: [a, b]").replace("ptime: 20ms, participants", "ptime: 25ms, participants"))[0]).toMatch(/conferences\[0\]\.ptime: G\.711u packets carry/)
    expect(errorsOf(conf("participants: [a, b]").replace("id: standup", "id: a"))[0]).toMatch(/conferences\[0\]\.id: duplicate id "a"/)
    expect(errorsOf(conf("participants: [a, b], start: 50s, duration: 20s"))[0]).toMatch(
      /conferences\[0\]\.duration: the conference would end at 70s, after the scenario ends at 60s/,
    )
  })
})
