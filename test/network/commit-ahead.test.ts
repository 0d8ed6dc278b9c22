import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { RandomSource } from "../../sim/random.ts"
import { Simulator } from "../../sim/simulator.ts"
import { DSCP } from "../../src/network/dscp.ts"
import { BernoulliLoss } from "../../src/network/loss/bernoulli.ts"
import { DropTailQueue } from "../../src/network/queues/drop-tail.ts"
import type { EgressQueue } from "../../src/network/queues/egress-queue.ts"
import { StrictPriorityQueue } from "../../src/network/queues/strict-priority.ts"
import { TokenBucket } from "../../src/network/queues/token-bucket.ts"
import { makeTestLink, TestPacket } from "./test-link.ts"

const MS = 1_000_000
const CLASSES = [DSCP.ef, DSCP.af41, DSCP.be] as const

interface Offer {
  readonly atNs: number
  readonly sizeBytes: number
  readonly dscp: number
}

type QueueKind = "fifo" | "priority" | "priority-policed" | "priority-shaped-top"

const queueOf = (kind: QueueKind): EgressQueue<TestPacket> => {
  const limits = { limitBytes: 6_000, limitPackets: 12 }
  if (kind === "fifo") return new DropTailQueue(limits)
  if (kind === "priority") return new StrictPriorityQueue(limits)
  if (kind === "priority-policed")
    return new StrictPriorityQueue(limits, [
      { mode: "police", bucket: new TokenBucket(1_000_000, 6_000) },
      undefined,
      { mode: "shape", bucket: new TokenBucket(300_000, 1_500) },
    ])
  return new StrictPriorityQueue(limits, [{ mode: "shape", bucket: new TokenBucket(500_000, 1_500) }])
}

/** Everything a link reports, and each packet's arrival, for one run of `offers`. */
const runLink = (kind: QueueKind, offers: readonly Offer[], commitAhead: boolean) => {
  const sim = new Simulator()
  const { link, arrived } = makeTestLink(sim, {
    bandwidthBps: 1_000_000,
    queue: queueOf(kind),
    propagationNs: 3 * MS,
    jitterNs: 2 * MS,
    loss: new BernoulliLoss(0.05, new RandomSource(3).stream("loss")),
    duplicateRate: 0.02,
    corruptRate: 0.02,
    commitAhead,
  })
  const packets = offers.map((o) => new TestPacket(o.sizeBytes, o.dscp))
  offers.forEach((o, i) => sim.scheduleAt(o.atNs, { handleEvent: () => link.receive(packets[i]!) }))
  const endNs = 1_000 * MS
  sim.runUntil(endNs)
  return {
    arrivals: arrived.map((p) => [packets.indexOf(p), p.arrivedNs]),
    counters: [link.packetsSent, link.packetsDelivered, link.packetsDropped, link.packetsLost, link.packetsCorrupted, link.packetsDuplicated, link.packetsInFlight],
    busyNs: link.busyNsUntil(endNs),
    classes: link.classes.map((c) => ({
      sent: c.packetsSent,
      dropped: c.packetsDropped,
      delayed: c.queueDelayNs.count,
      meanNs: c.queueDelayNs.mean,
      maxNs: c.queueDelayNs.max,
      p95Ns: c.queueDelayNs.quantile(0.95),
    })),
  }
}

// Bursts of packets into a 1 Mbit/s link, so queues build, overflow and drain.
const offersArbitrary = fc.array(
  fc.record({
    atNs: fc.integer({ min: 0, max: 300 * MS }),
    sizeBytes: fc.integer({ min: 40, max: 1_500 }),
    dscp: fc.constantFrom(...CLASSES),
  }),
  { minLength: 1, maxLength: 300, size: "max" },
)

describe("committing packets ahead", () => {
  for (const kind of ["fifo", "priority", "priority-policed", "priority-shaped-top"] as const) {
    it(`${kind}: gives every packet the arrival, and the link the counters and queue delays, of queueing it`, () => {
      fc.assert(
        fc.property(offersArbitrary, (offers) => {
          expect(runLink(kind, offers, true)).toEqual(runLink(kind, offers, false))
        }),
        { numRuns: 60 },
      )
    })
  }

  it("agrees with queueing when packets arrive at the very nanosecond others start", () => {
    // 100-byte packets take 800 µs at 1 Mbit/s; one arrives every 700 µs, so the queue fills to its
    // limit and arrivals keep landing on transmission starts (every 5.6 ms), where a drop depends on
    // whether the transmitter picks first (it does, both ways).
    const offers = Array.from({ length: 1_000 }, (_, i): Offer => ({ atNs: i * 700_000, sizeBytes: 100, dscp: i % 3 === 0 ? DSCP.ef : DSCP.be }))
    for (const kind of ["fifo", "priority", "priority-policed"] as const) {
      const fast = runLink(kind, offers, true)
      expect(fast.counters[2]).toBeGreaterThan(0) // drops happen
      expect(fast).toEqual(runLink(kind, offers, false))
    }
  })

  it("leaves no event per queued packet on a busy FIFO link", () => {
    const offers = Array.from({ length: 1_000 }, (_, i): Offer => ({ atNs: i * 500_000, sizeBytes: 100, dscp: DSCP.ef }))
    const events = (commitAhead: boolean) => {
      const sim = new Simulator()
      const { link } = makeTestLink(sim, { bandwidthBps: 1_000_000, commitAhead })
      offers.forEach((o) => sim.scheduleAt(o.atNs, { handleEvent: () => link.receive(new TestPacket(o.sizeBytes, o.dscp)) }))
      sim.run()
      return sim.processedEvents
    }
    // 100-byte packets every 0.5 ms on 1 Mbit/s (0.8 ms each): the queue never empties.
    expect(events(false)).toBeGreaterThan(2_900)
    expect(events(true)).toBe(2_000) // one offer and one arrival per packet
  })
})
