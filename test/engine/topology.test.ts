import { describe, expect, it } from "vitest"
import { simulate } from "../../src/engine/simulate.ts"
import { scenarioFrom } from "./scenario-text.ts"

const run = (text: string) => simulate(scenarioFrom(text))

describe("multi-hop topologies", () => {
  // alice —lan1— r1 —wan— r2 —lan2— bob, and a costly direct backup link that routing avoids.
  const chain = (extra = "") => `
name: chain
seed: 1
duration: 2s
nodes:
  - { id: alice, kind: phone }
  - { id: r1, kind: router }
  - { id: r2, kind: router }
  - { id: bob, kind: phone }
links:
  - { id: lan1, between: [alice, r1], bandwidth: 100Mbit/s, delay: 1ms }
  - { id: wan, between: [r1, r2], bandwidth: 8Mbit/s, delay: 20ms, up: { bandwidth: 1Mbit/s } }
  - { id: lan2, between: [r2, bob], bandwidth: 100Mbit/s, delay: 1ms }
  - { id: backup, between: [alice, bob], bandwidth: 1Mbit/s, delay: 300ms, cost: 10 }
calls:
  - { from: alice, to: bob, codec: G.711u, ptime: 20ms }
${extra}`

  it("routes over the cheapest path and adds up each hop's serialization and propagation, per direction", () => {
    const report = run(chain())
    const [ab, ba] = report.calls[0]!.streams
    // 200-byte packets: 16 µs at 100 Mbit/s; 1.6 ms at 1 Mbit/s (the wan's up direction); 0.2 ms at 8 Mbit/s.
    expect(ab!.oneWayDelayMs.max).toBeCloseTo(1 + 0.016 + 20 + 1.6 + 1 + 0.016, 6)
    expect(ba!.oneWayDelayMs.max).toBeCloseTo(1 + 0.016 + 20 + 0.2 + 1 + 0.016, 6)
    const backup = report.links.filter((l) => l.id === "backup")
    expect(backup.map((l) => l.packetsSent)).toEqual([0, 0])
    expect(report.links.find((l) => l.direction === "r1->r2")!.bandwidthBps).toBe(1_000_000)
  })

  it("an outage loses the audio for its length, then the call recovers", () => {
    const report = run(chain(`events:
  - { at: 0.5s, link: wan, state: down }
  - { at: 1s, link: wan, state: up }`))
    for (const s of report.calls[0]!.streams) {
      // 25 packets (0.5 s of 20 ms) enter the dead link or die on it; a few more were already on their way.
      expect(s.packetsLost).toBeGreaterThanOrEqual(25)
      expect(s.packetsLost).toBeLessThanOrEqual(27)
      expect(s.packetsReceived).toBeGreaterThan(60)
    }
    const wan = report.links.filter((l) => l.id === "wan")
    expect(wan.every((l) => l.packetsDroppedDown >= 25)).toBe(true)
  })

  it("a scheduled change of loss applies from its time on, in the chosen direction only", () => {
    const report = run(chain(`events:
  - { at: 1s, link: wan, direction: up, set: { loss: 50% } }`))
    const [ab, ba] = report.calls[0]!.streams
    expect(ba!.packetsLost).toBe(0)
    // About half of the ~50 packets sent after 1 s.
    expect(ab!.packetsLost).toBeGreaterThan(10)
    expect(ab!.packetsLost).toBeLessThan(40)
    // RTP cannot see losses after the last packet it received, so the link may count a few more.
    const wanLost = report.links.find((l) => l.direction === "r1->r2")!.packetsLost
    expect(wanLost - ab!.packetsLost).toBeGreaterThanOrEqual(0)
    expect(wanLost - ab!.packetsLost).toBeLessThanOrEqual(3)
  })
})
