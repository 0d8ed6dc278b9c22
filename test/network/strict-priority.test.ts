import { describe, expect, it } from "vitest"
import { Simulator } from "../../sim/simulator.ts"
import { DSCP } from "../../src/network/dscp.ts"
import { serializationNs } from "../../src/network/link-direction.ts"
import { DropTailQueue } from "../../src/network/queues/drop-tail.ts"
import type { EgressQueue } from "../../src/network/queues/egress-queue.ts"
import { StrictPriorityQueue } from "../../src/network/queues/strict-priority.ts"
import { TokenBucket } from "../../src/network/queues/token-bucket.ts"
import { constantSource, makeTestLink, type TestPacket } from "./test-link.ts"

const MS = 1_000_000
const LIMITS = { limitBytes: 64_000, limitPackets: Infinity }

/** A 1 Mbit/s link saturated by 1500-byte best-effort packets (1.2 Mbit/s offered) plus 200-byte EF voice every 20 ms. */
const voiceBehindBulk = (queue: EgressQueue<TestPacket>) => {
  const sim = new Simulator()
  const { link } = makeTestLink(sim, { bandwidthBps: 1_000_000, queue })
  constantSource(sim, link, { sizeBytes: 1500, dscp: DSCP.be, gapNs: 10 * MS, endNs: 20_000 * MS })
  constantSource(sim, link, { sizeBytes: 200, dscp: DSCP.ef, gapNs: 20 * MS, startNs: 5 * MS + 1, endNs: 20_000 * MS })
  sim.runUntil(20_000 * MS)
  return link
}

describe("strict priority by DSCP", () => {
  it("EF voice waits at most one best-effort packet's serialization; FIFO makes it wait for the whole queue", () => {
    const bulkPacketNs = serializationNs(1500, 1_000_000) // 12 ms
    const prio = voiceBehindBulk(new StrictPriorityQueue(LIMITS)).classes[0]!
    expect(prio.packetsDropped).toBe(0)
    expect(prio.queueDelayNs.max).toBeLessThanOrEqual(bulkPacketNs)
    expect(prio.queueDelayNs.mean).toBeLessThan(bulkPacketNs / 2 + MS) // residual service ≈ half a packet on average

    const fifo = voiceBehindBulk(new DropTailQueue(LIMITS))
    const fifoVoice = fifo.classes[0]!
    // A full 64 KB queue drains in 64,000·8 / 1 Mbit/s = 512 ms; voice joins it at the tail.
    expect(fifoVoice.queueDelayNs.mean).toBeGreaterThan(400 * MS)
    expect(fifoVoice.packetsDropped).toBeGreaterThan(0)
    expect(fifo.classes[2]!.packetsDropped).toBeGreaterThan(0)
  })

  it("a shaped best-effort class leaves at its token rate; a policed one drops the excess", () => {
    const shaped = new Simulator()
    const bucket = new TokenBucket(200_000, 1500) // 200 kbit/s, one packet of burst
    const { link, arrived } = makeTestLink(shaped, {
      bandwidthBps: 10_000_000,
      queue: new StrictPriorityQueue<TestPacket>({ limitBytes: Infinity, limitPackets: Infinity }, [
        undefined,
        undefined,
        { mode: "shape", bucket },
      ]),
    })
    constantSource(shaped, link, { sizeBytes: 1000, dscp: DSCP.be, gapNs: 10 * MS, endNs: 1000 * MS }) // 800 kbit/s offered
    shaped.runUntil(10_000 * MS)
    // 8000-bit packets at 200 kbit/s: one per 40 ms once the 1500-byte burst is spent (the first
    // leaves at once with 500 bytes to spare, so the second follows 20 ms later).
    expect(arrived).toHaveLength(100)
    expect(arrived[1]!.arrivedNs - arrived[0]!.arrivedNs).toBeCloseTo(20 * MS, -4)
    for (let i = 2; i < arrived.length; i++) expect(arrived[i]!.arrivedNs - arrived[i - 1]!.arrivedNs).toBeCloseTo(40 * MS, -4)

    const policed = new Simulator()
    const p = makeTestLink(policed, {
      bandwidthBps: 10_000_000,
      queue: new StrictPriorityQueue<TestPacket>({ limitBytes: Infinity, limitPackets: Infinity }, [
        undefined,
        undefined,
        { mode: "police", bucket: new TokenBucket(200_000, 1000) },
      ]),
    })
    constantSource(policed, p.link, { sizeBytes: 1000, dscp: DSCP.be, gapNs: 10 * MS, endNs: 10_000 * MS })
    policed.runUntil(10_000 * MS)
    // Only a quarter of the offered 800 kbit/s conforms to 200 kbit/s.
    expect(p.arrived.length / p.link.packetsSent).toBeCloseTo(0.25, 2)
    expect(p.link.classes[2]!.packetsDropped).toBe(p.link.packetsSent - p.arrived.length)
  })

  it("length and backlog follow offers, refusals, polls and flushes", () => {
    const q = new StrictPriorityQueue<{ sizeBytes: number; dscp: number; queuedAtNs: number }>({ limitBytes: 1000, limitPackets: Infinity })
    const p = (sizeBytes: number, dscp: number) => ({ sizeBytes, dscp, queuedAtNs: 0 })
    expect(q.offer(p(400, DSCP.be), 0)).toBe(true)
    expect(q.offer(p(400, DSCP.ef), 0)).toBe(true)
    expect(q.offer(p(700, DSCP.be), 0)).toBe(false) // over the per-class byte limit
    expect(q.offer(p(300, DSCP.af11), 0)).toBe(true)
    expect([q.length, q.backlogBytes]).toEqual([3, 1100])
    expect(q.poll(0)?.dscp).toBe(DSCP.ef)
    expect(q.poll(0)?.dscp).toBe(DSCP.af11)
    expect([q.length, q.backlogBytes]).toEqual([1, 400])
    const flushed: number[] = []
    q.offer(p(100, DSCP.ef), 0)
    q.flush((x) => flushed.push(x.sizeBytes))
    expect(flushed).toEqual([100, 400])
    expect([q.length, q.backlogBytes, q.poll(0)]).toEqual([0, 0, undefined])
  })
})
