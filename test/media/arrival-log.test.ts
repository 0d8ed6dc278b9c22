import { describe, expect, it } from "vitest"
import { Simulator } from "../../sim/simulator.ts"
import { RandomSource } from "../../sim/random.ts"
import { FixedJitterBuffer } from "../../src/jitter/fixed.ts"
import { ArrivalLog, type ArrivedPacket, type ArrivalProcessor } from "../../src/media/arrival-log.ts"
import { StreamReceiver } from "../../src/media/stream-receiver.ts"
import { VoicePacket, VoicePacketPool } from "../../src/media/voice-packet.ts"

const MS = 1_000_000

/** Remembers what it was handed (copies: the log reuses its record). */
class Recorder implements ArrivalProcessor {
  readonly seen: [number, number][] = []
  process(p: ArrivedPacket): void {
    this.seen.push([p.seq, p.arrivalNs])
  }
}

const packet = (seq: number, sentNs: number) => new VoicePacket(0, 0, seq, seq * 160, seq === 0, sentNs, 200, 46)

describe("arrival log", () => {
  it("hands each receiver its arrivals in arrival order, in batches, and only those due", () => {
    const log = new ArrivalLog(4)
    const a = new Recorder()
    const b = new Recorder()
    const ia = log.register(a)
    const ib = log.register(b)
    log.record(ia, packet(1, 0), 10, 10)
    log.record(ib, packet(7, 0), 11, 11)
    log.record(ia, packet(2, 0), 12, 12)
    log.record(ib, packet(8, 0), 13, 13)
    expect(a.seen).toEqual([]) // not yet: the log is full only now
    log.record(ia, packet(3, 0), 20, 20) // no room: what has arrived is processed first
    expect(a.seen).toEqual([[1, 10], [2, 12]])
    expect(b.seen).toEqual([[7, 11], [8, 13]])
    log.record(ib, packet(9, 0), 30, 20) // handed over ahead of its arrival
    log.flush(25) // only what arrived by 25
    expect(a.seen.at(-1)).toEqual([3, 20])
    expect(b.seen).toHaveLength(2)
    expect(log.pending).toBe(1)
    log.flush(Infinity)
    expect(b.seen.at(-1)).toEqual([9, 30])
    expect(log.pending).toBe(0)
  })

  it("never processes an arrival before its time, growing while most records are still on their way", () => {
    const log = new ArrivalLog(2)
    const [a, b, c] = [new Recorder(), new Recorder(), new Recorder()]
    const [ia, ib, ic] = [log.register(a), log.register(b), log.register(c)]
    log.record(ia, packet(1, 0), 100, 0)
    log.record(ib, packet(7, 0), 100, 0)
    log.record(ia, packet(2, 0), 101, 1) // full, and nothing has arrived by 1: the log grows
    log.record(ic, packet(4, 0), 5, 2) // over a shorter last link: arrives before the records ahead of it
    expect([a.seen, b.seen, c.seen]).toEqual([[], [], []])
    log.record(ia, packet(3, 0), 102, 6) // full again: only c's packet has arrived by 6
    expect([a.seen, b.seen, c.seen]).toEqual([[], [], [[4, 5]]])
    log.flush(100)
    expect([a.seen, b.seen]).toEqual([[[1, 100]], [[7, 100]]])
    log.flush(Infinity)
    expect(a.seen).toEqual([[1, 100], [2, 101], [3, 102]])
    expect(log.pending).toBe(0)
  })

  it("receivers end with the same state whether arrivals are processed at once or in batches", () => {
    // Two sets of receivers fed the same arrivals: one log processes every arrival as it comes
    // (capacity 1), the other in batches. Reordering and loss make the streams exercise late
    // packets, concealment and the RTP statistics.
    const run = (capacity: number) => {
      const sim = new Simulator()
      const log = new ArrivalLog(capacity)
      const pool = new VoicePacketPool()
      const config = { clockRateHz: 8000, ptimeNs: 20 * MS, samplesPerPacket: 160, initialTimestamp: 0, packetCount: 500 }
      const receivers = [0, 1, 2].map(() => new StreamReceiver(sim, config, new FixedJitterBuffer(40 * MS, 20 * MS, 160), undefined, log, pool))
      const rng = new RandomSource(5).stream("arrivals")
      const arrivals: [number, number, number][] = [] // time, stream, seq
      for (let s = 0; s < 3; s++)
        for (let seq = 0; seq < 500; seq++) if (rng.nextFloat() > 0.03) arrivals.push([seq * 20 * MS + 5 * MS + Math.floor(rng.nextFloat() * 100 * MS), s, seq])
      arrivals.sort((x, y) => x[0] - y[0] || x[1] - y[1])
      const feeder = {
        handleEvent(i: number) {
          const [, s, seq] = arrivals[i]!
          receivers[s]!.receive(pool.acquire(s, 0, seq, seq * 160, seq === 0, seq * 20 * MS, 200, 46))
        },
      }
      arrivals.forEach(([t], i) => sim.scheduleAt(t, feeder, i))
      sim.runUntil(11_000 * MS)
      for (const r of receivers) r.playUntil(11_000 * MS)
      return receivers.map((r) => ({
        received: r.rtp.packetsReceived,
        lost: r.rtp.packetsLost,
        jitter: r.rtp.jitterRtpUnits,
        late: r.packetsLate,
        played: r.framesPlayed,
        concealed: r.framesConcealed,
        delayMean: r.oneWayDelayNs.mean,
        delayP95: r.oneWayDelayNs.quantile(0.95),
        bufferMean: r.jitterBufferDelayNs.mean,
        bufferP95: r.jitterBufferDelayNs.quantile(0.95),
        burst: r.playoutLoss.burstR,
      }))
    }
    const atOnce = run(1)
    expect(atOnce[0]!.late).toBeGreaterThan(0)
    expect(atOnce[0]!.concealed).toBeGreaterThan(0)
    expect(run(64)).toEqual(atOnce)
    expect(run(100_000)).toEqual(atOnce)
  })
})
