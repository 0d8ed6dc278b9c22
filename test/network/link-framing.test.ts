import { describe, expect, it } from "vitest"
import { Simulator } from "../../sim/simulator.ts"
import { wireFramingOf } from "../../src/engine/wire-framing.ts"
import { makeTestLink, TestPacket } from "./test-link.ts"

const ETHERNET = wireFramingOf({ framing: "ethernet" })

describe("a framed link direction", () => {
  it("serializes the IP packet plus its framing: 200 bytes on Ethernet at 64 kbit/s take 218 × 8 / 64000 s", () => {
    const sim = new Simulator()
    const { link, arrived } = makeTestLink(sim, { bandwidthBps: 64_000, framing: ETHERNET })
    link.receive(new TestPacket(200))
    link.receive(new TestPacket(40)) // padded to Ethernet's 64-byte minimum frame (IEEE 802.3 §4.4.2)
    sim.run()
    expect(arrived.map((p) => p.arrivedNs)).toEqual([27_250_000, 27_250_000 + 8_000_000])
    expect(link.bytesCarried).toBe(218 + 64)
  })

  it.each([false, true])("counts IP bytes against the queue's byte limit (commit ahead: %s)", (commitAhead) => {
    const sim = new Simulator()
    const { link, arrived } = makeTestLink(sim, { bandwidthBps: 1_000_000, limitBytes: 600, framing: ETHERNET, commitAhead })
    // One on the wire; three 200-byte packets fill 600 bytes (654 as frames would not fit a third).
    for (let i = 0; i < 6; i++) link.receive(new TestPacket(200))
    sim.run()
    expect(link.packetsDropped).toBe(2)
    expect(arrived).toHaveLength(4)
  })

  it.each([false, true])("carries a frame once its last bit has left; an outage cuts the one on the wire (commit ahead: %s)", (commitAhead) => {
    const sim = new Simulator()
    const { link } = makeTestLink(sim, { bandwidthBps: 8_000_000, framing: ETHERNET, commitAhead }) // 1 byte per µs
    for (let i = 0; i < 3; i++) link.receive(new TestPacket(982)) // 1000-byte frames: 0–1, 1–2, 2–3 ms
    sim.runUntil(1_500_000)
    expect(link.bytesCarried).toBe(1000)
    sim.runUntil(2_000_000)
    expect(link.bytesCarried).toBe(2000)
    sim.runUntil(2_500_000)
    link.goDown()
    sim.run()
    expect(link.bytesCarried).toBe(2000)
  })
})
