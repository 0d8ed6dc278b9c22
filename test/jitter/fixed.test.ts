import { describe, expect, it } from "vitest"
import { FixedJitterBuffer } from "../../src/jitter/fixed.ts"
import type { JitterPacket } from "../../src/jitter/jitter-buffer.ts"
import { MS, playTrace, stream } from "./play-trace.ts"

const packet = (seq: number, rtpTimestamp: number, arrivalMs: number): JitterPacket => ({
  seq,
  rtpTimestamp,
  marker: false,
  arrivalNs: arrivalMs * MS,
})

describe("fixed jitter buffer", () => {
  // 20 ms frames of 160 samples, 40 ms playout delay. The first packet arrives at 10 ms, so frame k
  // plays at 50 + 20k ms. Arrivals: frame 1 at 75 (due 70: late), frame 2 at 80 (due 90: fine),
  // frame 3 never, frame 4 at 130 (due 130: just in time).
  it("plays each frame at a fixed offset from the first arrival and discards late packets", () => {
    const jb = new FixedJitterBuffer(40 * MS, 20 * MS, 160)
    const base = 4_294_967_200 // close to 2^32: the timestamps wrap during the test
    expect(jb.insert(packet(1, base, 10), 10 * MS)).toBe("accepted")
    expect(jb.playoutStartNs).toBe(50 * MS)
    expect(jb.pull(50 * MS)?.seq).toBe(1)
    expect(jb.pull(70 * MS)).toBeNull() // frame 1 not there yet: concealed
    expect(jb.insert(packet(2, (base + 160) >>> 0, 75), 75 * MS)).toBe("late") // late
    expect(jb.insert(packet(3, (base + 320) >>> 0, 80), 80 * MS)).toBe("accepted")
    expect(jb.snapshot().bufferedPackets).toBe(1)
    expect(jb.pull(90 * MS)?.seq).toBe(3)
    expect(jb.pull(110 * MS)).toBeNull() // frame 3 lost
    expect(jb.insert(packet(5, (base + 640) >>> 0, 130), 130 * MS)).toBe("accepted")
    expect(jb.pull(130 * MS)?.seq).toBe(5)
    expect(jb.snapshot()).toEqual({ bufferedPackets: 0, targetDelayNs: 40 * MS })
  })

  it("says what each tick played: a concealed frame is given up, the next one merges", () => {
    const jb = new FixedJitterBuffer(40 * MS, 20 * MS, 160)
    jb.insert(packet(1, 0, 10), 10 * MS)
    jb.pull(50 * MS)
    expect(jb.decision).toMatchObject({ kind: "normal", framesConsumed: 1, targetDelayNs: 40 * MS })
    expect(jb.decision.packet?.seq).toBe(1)
    expect(jb.pull(70 * MS)).toBeNull()
    expect(jb.decision).toMatchObject({ kind: "expand", packet: null, framesConsumed: 1 })
    jb.insert(packet(3, 320, 80), 80 * MS)
    const decision = jb.decision
    expect(jb.pull(90 * MS)?.seq).toBe(3)
    expect(jb.decision.kind).toBe("merge")
    expect(jb.decision).toBe(decision) // the same record on every pull
    expect(jb.stats).toMatchObject({ packetsAccepted: 2, framesPlayed: 2, normals: 1, expands: 1, merges: 1, lateDiscards: 0 })
  })

  it("discards duplicates and packets of frames already played", () => {
    const jb = new FixedJitterBuffer(20 * MS, 20 * MS, 160)
    expect(jb.insert(packet(10, 1600, 0), 0)).toBe("accepted")
    expect(jb.insert(packet(11, 1760, 5), 5 * MS)).toBe("accepted")
    expect(jb.insert(packet(11, 1760, 6), 6 * MS)).toBe("duplicate")
    expect(jb.pull(20 * MS)?.seq).toBe(10)
    expect(jb.insert(packet(10, 1600, 21), 21 * MS)).toBe("late") // already played
    expect(jb.pull(40 * MS)?.seq).toBe(11)
    expect(jb.stats).toMatchObject({ duplicates: 1, lateDiscards: 1 })
  })

  it("keeps copies: the receiver may reuse the packet object it inserted", () => {
    const jb = new FixedJitterBuffer(20 * MS, 20 * MS, 160)
    const p = { seq: 1, rtpTimestamp: 160, marker: true, arrivalNs: 0 }
    expect(jb.insert(p, 0)).toBe("accepted")
    Object.assign(p, { seq: 2, rtpTimestamp: 320, marker: false, arrivalNs: 3 * MS })
    expect(jb.insert(p, 3 * MS)).toBe("accepted")
    expect(jb.pull(20 * MS)).toEqual({ seq: 1, rtpTimestamp: 160, marker: true, arrivalNs: 0 })
    expect(jb.pull(40 * MS)).toEqual({ seq: 2, rtpTimestamp: 320, marker: false, arrivalNs: 3 * MS })
    expect(jb.pull(60 * MS)).toBeNull()
  })

  // Sequence numbers wrap from 65535 to 0 and packets 2 and 3 swap places: the buffer orders by
  // timestamp, so neither matters. Delay 30 ms after the first arrival at 5 ms: frame k at 35 + 20k.
  it("orders by timestamp: reordering and sequence wrap-around are harmless", () => {
    const jb = new FixedJitterBuffer(30 * MS, 20 * MS, 160)
    const trace = [
      { seq: 65534, rtpTimestamp: 0, arrivalMs: 5 },
      { seq: 65535, rtpTimestamp: 160, arrivalMs: 28 },
      { seq: 1, rtpTimestamp: 480, arrivalMs: 60 },
      { seq: 0, rtpTimestamp: 320, arrivalMs: 66 },
    ]
    const r = playTrace(jb, trace, 20, 95)
    expect(r.inserts).toEqual(["65534 accepted", "65535 accepted", "1 accepted", "0 accepted"])
    expect(r.ticks).toEqual(["35 normal 65534", "55 normal 65535", "75 normal 0", "95 normal 1"])
  })

  // Delay 40 ms, first arrival at 10: frame k at 50 + 20k. Frames 5–7 are caught in a spike and
  // arrive together at 190, after their times (150, 170) except frame 7 (due 190, but the tick at
  // 190 runs first): all late, concealed. The fixed buffer does not adapt: frame 8 plays at 210.
  it("does not adapt: a delay spike is lost", () => {
    const jb = new FixedJitterBuffer(40 * MS, 20 * MS, 160)
    const r = playTrace(jb, stream(10, (k) => (k >= 5 && k < 8 ? 190 - 20 * k : 10)), 20, 230)
    expect(r.inserts.filter((s) => s.endsWith("late"))).toEqual(["5 late", "6 late", "7 late"])
    expect(r.ticks.slice(4)).toEqual(["130 normal 4", "150 expand -", "170 expand -", "190 expand -", "210 merge 8", "230 normal 9"])
    expect(jb.stats).toMatchObject({ lateDiscards: 3, expands: 3, merges: 1, framesPlayed: 7 })
  })

  it("has no room for a frame 256 or more ahead of the playout point", () => {
    const jb = new FixedJitterBuffer(20 * MS, 20 * MS, 160)
    jb.insert(packet(0, 0, 0), 0)
    expect(jb.insert(packet(256, 256 * 160, 10), 10 * MS)).toBe("overflow")
    expect(jb.insert(packet(255, 255 * 160, 10), 10 * MS)).toBe("accepted")
  })
})
