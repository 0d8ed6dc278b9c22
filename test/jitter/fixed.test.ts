import { describe, expect, it } from "vitest"
import { FixedJitterBuffer } from "../../src/jitter/fixed.ts"
import type { JitterPacket } from "../../src/jitter/jitter-buffer.ts"

const MS = 1_000_000
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

  it("discards duplicates and packets of frames already played", () => {
    const jb = new FixedJitterBuffer(20 * MS, 20 * MS, 160)
    expect(jb.insert(packet(10, 1600, 0), 0)).toBe("accepted")
    expect(jb.insert(packet(11, 1760, 5), 5 * MS)).toBe("accepted")
    expect(jb.insert(packet(11, 1760, 6), 6 * MS)).toBe("duplicate")
    expect(jb.pull(20 * MS)?.seq).toBe(10)
    expect(jb.insert(packet(10, 1600, 21), 21 * MS)).toBe("late") // already played
    expect(jb.pull(40 * MS)?.seq).toBe(11)
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
})
