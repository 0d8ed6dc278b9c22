import { readFileSync } from "node:fs"
import { describe, expect, it } from "vitest"
import { simulate } from "../../src/engine/simulate.ts"
import type { Report } from "../../src/report/schema.ts"
import { parseScenario } from "../../src/scenario/load.ts"

const run = (file: string): Report => {
  const parsed = parseScenario(readFileSync(`scenarios/${file}`, "utf8"), `scenarios/${file}`)
  if (!parsed.ok) throw new Error(parsed.errors[0]!.format())
  return simulate(parsed.scenario)
}

describe("what the media examples teach", () => {
  it("video and voice: behind key frames in a FIFO the voice fails; with priority it keeps its MOS, the picture does not improve", () => {
    const report = run("video-and-voice.yaml")
    const call = (id: string) => report.calls.find((c) => c.id === id)!
    const wan = (direction: string) => report.links.find((l) => l.direction === direction)!
    expect(call("north-call").streams[0]!.mos).toBeLessThan(2)
    expect(call("south-call").streams[0]!.mos).toBeGreaterThan(4.3)
    expect(wan("north-router->hq-router").classes[0]!.queueDelayMs.max!).toBeGreaterThan(150)
    expect(wan("south-router->hq-router").classes[0]!.queueDelayMs.max!).toBeLessThanOrEqual(4.96) // one 1240 B video packet at 2 Mbit/s
    for (const id of ["north-call", "south-call"]) {
      const video = call(id).video!
      expect(video.streams[0]!.sentBps).toBeGreaterThan(1_500_000)
      expect(video.streams[0]!.frameLossPercent!).toBeGreaterThan(10)
    }
  })

  it("conference bridge: N streams each way at the bridge, two buffers of delay, and one lossy talker heard badly by all", () => {
    const conference = run("conference-bridge.yaml").conferences![0]!
    expect(conference.bridgeTraffic.outBps).toBe(4 * 80_000) // 4 mixes of G.711 at 20 ms
    expect(conference.bridgeTraffic.packetsOut).toBe(4 * 3000)
    for (const p of conference.participants) {
      for (const t of p.talkers) expect(t.mouthToEarDelayMs).toBeGreaterThan(160)
      if (p.id !== "mobile") expect(p.worstTalker).toBe("mobile")
    }
    const desk = conference.participants.find((p) => p.id === "desk-phone")!
    const heard = (from: string) => desk.talkers.find((t) => t.talker === from)!
    expect(heard("mobile").effectiveLossPercent).toBeGreaterThan(1)
    expect(heard("meeting-room").effectiveLossPercent).toBe(0)
    expect(heard("mobile").mos).toBeLessThan(heard("meeting-room").mos - 0.3)
  })
})
