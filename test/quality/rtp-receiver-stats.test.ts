import { describe, expect, it } from "vitest"
import { RtpReceiverStats } from "../../src/quality/rtp-receiver-stats.ts"

const MS = 1_000_000 // ns per ms

describe("RtpReceiverStats: RFC 3550 A.8 interarrival jitter", () => {
  // Hand-worked example, 8 kHz clock, 20 ms packets (timestamp step 160).
  // D(i-1, i) = (R_i - R_{i-1}) - (S_i - S_{i-1}) in timestamp units (1 ms = 8 units);
  // J_i = J_{i-1} + (|D| - J_{i-1}) / 16   (RFC 3550 §6.4.1 / A.8).
  //   pkt  ts   arrival  dR(units) dS   D    J
  //   0    0    0 ms     -         -    -    0
  //   1    160  20 ms    160       160  0    0
  //   2    320  45 ms    200       160  40   0 + 40/16 = 2.5
  //   3    480  60 ms    120       160  -40  2.5 + (40 - 2.5)/16 = 4.84375
  //   4    640  80 ms    160       160  0    4.84375 - 4.84375/16 = 4.541015625
  // jitterMs = 4.541015625 / 8 = 0.567626953125 ms
  const arrivalsMs = [0, 20, 45, 60, 80]

  it("matches the hand-worked J after each packet", () => {
    const stats = new RtpReceiverStats(8000)
    const expectedJ = [0, 0, 2.5, 4.84375, 4.541015625]
    arrivalsMs.forEach((ms, i) => {
      stats.onPacket(i, i * 160, ms * MS)
      expect(stats.jitterRtpUnits).toBeCloseTo(expectedJ[i] ?? Number.NaN, 12)
    })
    expect(stats.jitterMs).toBeCloseTo(0.567626953125, 12)
  })

  it("gives the same J when the 32-bit timestamp wraps inside the run", () => {
    // Start 320 units before 2^32: timestamps 4294966976, 4294967136, 0, 160, 320.
    const stats = new RtpReceiverStats(8000)
    const start = 2 ** 32 - 320
    arrivalsMs.forEach((ms, i) => stats.onPacket(i, (start + i * 160) % 2 ** 32, ms * MS))
    expect(stats.jitterRtpUnits).toBeCloseTo(4.541015625, 12)
  })

  it("is independent of the arrival clock origin and of the sequence-number start", () => {
    const stats = new RtpReceiverStats(8000)
    const originNs = 123_456_789_000
    arrivalsMs.forEach((ms, i) => stats.onPacket((65530 + i) & 0xffff, 1_000_000 + i * 160, originNs + ms * MS))
    expect(stats.jitterRtpUnits).toBeCloseTo(4.541015625, 12)
  })

  it("stays 0 for perfectly paced packets and scales jitterMs by the clock rate", () => {
    // 48 kHz, 20 ms packets: timestamp step 960, arrivals exactly 20 ms apart => D = 0 always.
    const stats = new RtpReceiverStats(48000)
    for (let i = 0; i < 100; i++) stats.onPacket(i, i * 960, i * 20 * MS)
    expect(stats.jitterRtpUnits).toBe(0)
    // One packet 1 ms late: D = 48 units => J = 48/16 = 3 units = 3/48 ms = 0.0625 ms.
    stats.onPacket(100, 100 * 960, (100 * 20 + 1) * MS)
    expect(stats.jitterRtpUnits).toBeCloseTo(3, 12)
    expect(stats.jitterMs).toBeCloseTo(0.0625, 12)
  })

  it("rejects a non-positive clock rate", () => {
    expect(() => new RtpReceiverStats(0)).toThrow(RangeError)
    expect(() => new RtpReceiverStats(Number.NaN)).toThrow(RangeError)
  })
})

/** Feeds sequence numbers with 20 ms spacing at 8 kHz; the timing is irrelevant to the counts. */
function feed(stats: RtpReceiverStats, seqs: readonly number[]): void {
  seqs.forEach((seq, i) => stats.onPacket(seq, i * 160, i * 20 * MS))
}

describe("RtpReceiverStats: RFC 3550 A.1 / A.3 loss counting", () => {
  it("counts nothing before the first packet", () => {
    const stats = new RtpReceiverStats(8000)
    expect(stats.packetsReceived).toBe(0)
    expect(stats.packetsExpected).toBe(0)
    expect(stats.packetsLost).toBe(0)
  })

  it("counts a simple gap: 10, 11, 13, 14 => 5 expected, 1 lost", () => {
    const stats = new RtpReceiverStats(8000)
    feed(stats, [10, 11, 13, 14])
    expect(stats.packetsReceived).toBe(4)
    expect(stats.extendedHighestSeq).toBe(14)
    expect(stats.packetsExpected).toBe(5) // 14 - 10 + 1
    expect(stats.packetsLost).toBe(1)
  })

  it("handles wrap-around: 65534, 65535, 0, 2 => 1 lost", () => {
    // base 65534; 0 after 65535 is in order (udelta 1) and wraps: cycles = 65536.
    // extended max = 65536 + 2 = 65538; expected = 65538 - 65534 + 1 = 5; received 4.
    const stats = new RtpReceiverStats(8000)
    feed(stats, [65534, 65535, 0, 2])
    expect(stats.extendedHighestSeq).toBe(65538)
    expect(stats.packetsExpected).toBe(5)
    expect(stats.packetsReceived).toBe(4)
    expect(stats.packetsLost).toBe(1)
  })

  it("does not count a cycle for a late packet from before the wrap", () => {
    // 65535, 1 (wrap, 0 missing), then 0 arrives late: udelta = 0 - 1 = 65535 (>= 65436) => reordered.
    const stats = new RtpReceiverStats(8000)
    feed(stats, [65534, 65535, 1, 0, 2])
    expect(stats.extendedHighestSeq).toBe(65538)
    expect(stats.packetsExpected).toBe(5)
    expect(stats.packetsLost).toBe(0)
  })

  it("counts reordering without loss: 1, 3, 2, 4 => 0 lost", () => {
    const stats = new RtpReceiverStats(8000)
    feed(stats, [1, 3, 2, 4])
    expect(stats.packetsExpected).toBe(4)
    expect(stats.packetsReceived).toBe(4)
    expect(stats.packetsLost).toBe(0)
  })

  it("counts reordering with a loss: 1, 3, 5, 4 => 1 lost", () => {
    const stats = new RtpReceiverStats(8000)
    feed(stats, [1, 3, 5, 4])
    expect(stats.packetsExpected).toBe(5)
    expect(stats.packetsLost).toBe(1)
  })

  it("lets duplicates drive the cumulative loss negative (RFC 3550 §6.4.1)", () => {
    // 1, 2, 2, 3: expected 3, received 4 => lost = -1.
    const stats = new RtpReceiverStats(8000)
    feed(stats, [1, 2, 2, 3])
    expect(stats.packetsReceived).toBe(4)
    expect(stats.packetsExpected).toBe(3)
    expect(stats.packetsLost).toBe(-1)
  })

  it("keeps counting across several wraps", () => {
    // 3 * 65536 + 10 consecutive packets, every 1000th dropped.
    const stats = new RtpReceiverStats(8000)
    const total = 3 * 65536 + 10
    let dropped = 0
    for (let i = 0; i < total; i++) {
      if (i % 1000 === 999) {
        dropped++
        continue
      }
      stats.onPacket(i & 0xffff, (i * 160) >>> 0, i * 20 * MS)
    }
    expect(stats.extendedHighestSeq).toBe(total - 1)
    expect(stats.packetsExpected).toBe(total)
    expect(stats.packetsLost).toBe(dropped)
  })

  it("ignores one stray large jump (A.1 bad_seq) and keeps the stream", () => {
    // 100, 101, then 5000 (jump of 4899 >= MAX_DROPOUT 3000) is not counted; 102, 103 continue.
    const stats = new RtpReceiverStats(8000)
    feed(stats, [100, 101, 5000, 102, 103])
    expect(stats.packetsReceived).toBe(4)
    expect(stats.packetsExpected).toBe(4)
    expect(stats.packetsLost).toBe(0)
  })

  it("re-syncs when two sequential packets confirm a large jump (A.1 init_seq)", () => {
    // 100, 101, 5000 (rejected, bad_seq = 5001), 5001 (== bad_seq: restart, base = 5001), 5002, 5004.
    // After the re-sync: expected = 5004 - 5001 + 1 = 4, received = 3, lost = 1.
    const stats = new RtpReceiverStats(8000)
    feed(stats, [100, 101, 5000, 5001, 5002, 5004])
    expect(stats.extendedHighestSeq).toBe(5004)
    expect(stats.packetsExpected).toBe(4)
    expect(stats.packetsReceived).toBe(3)
    expect(stats.packetsLost).toBe(1)
  })

  it("treats a packet more than MAX_MISORDER (100) behind as a stray jump, not a reorder", () => {
    // max 300; 150 is 150 behind => A.1 "very large jump" branch: not counted.
    const stats = new RtpReceiverStats(8000)
    feed(stats, [200, 300, 150])
    expect(stats.packetsReceived).toBe(2)
    expect(stats.packetsExpected).toBe(101)
  })

  it("does not let a re-sync's timestamp discontinuity into the jitter", () => {
    const stats = new RtpReceiverStats(8000)
    stats.onPacket(100, 0, 0)
    stats.onPacket(101, 160, 20 * MS)
    // Restarted source: new sequence and timestamp bases, same 20 ms pacing.
    stats.onPacket(9000, 777_777, 40 * MS)
    stats.onPacket(9001, 777_777 + 160, 60 * MS)
    stats.onPacket(9002, 777_777 + 320, 80 * MS)
    expect(stats.jitterRtpUnits).toBe(0)
  })

  it("reset() forgets everything", () => {
    const stats = new RtpReceiverStats(8000)
    feed(stats, [1, 5, 9])
    stats.reset()
    expect(stats.packetsExpected).toBe(0)
    feed(stats, [7, 8])
    expect(stats.packetsExpected).toBe(2)
    expect(stats.packetsLost).toBe(0)
  })
})
