import { describe, expect, it } from "vitest"
import { FrameStore, type PacketCopy } from "../../src/jitter/frame-store.ts"

const packet = (seq: number, arrivalNs = seq * 10) => ({ seq, rtpTimestamp: seq * 160, marker: seq === 0, arrivalNs })

describe("frame store", () => {
  it("keeps copies by frame, knows its lowest and highest, and frees slots on take", () => {
    const s = new FrameStore(8)
    expect(s.put(5, packet(5), 42)).toBe("accepted")
    expect(s.put(3, packet(3))).toBe("accepted")
    expect(s.put(9, packet(9))).toBe("accepted")
    expect(s.put(9, packet(9))).toBe("duplicate")
    expect([s.count, s.lowest, s.highest, s.spanFrames]).toEqual([3, 3, 9, 7])
    expect(s.aux(5)).toBe(42)
    const into: PacketCopy = { seq: 0, rtpTimestamp: 0, marker: false, arrivalNs: 0 }
    s.take(3, into)
    expect(into).toEqual({ seq: 3, rtpTimestamp: 480, marker: false, arrivalNs: 30 })
    expect([s.lowest, s.highest]).toEqual([5, 9]) // scanned up from 3 to the next held
    s.remove(9)
    expect([s.lowest, s.highest, s.has(9)]).toEqual([5, 5, false])
    s.remove(5)
    expect([s.count, s.spanFrames, Number.isNaN(s.lowest)]).toEqual([0, 0, true])
  })

  it("refuses a frame that would make the held span reach its capacity, and reuses slots around the ring", () => {
    const s = new FrameStore(8)
    expect(s.put(10, packet(10))).toBe("accepted")
    expect(s.put(17, packet(17))).toBe("accepted") // span 8 frames: 10..17
    expect(s.put(18, packet(18))).toBe("overflow") // 18 would share 10's slot
    expect(s.put(2, packet(2))).toBe("overflow")
    s.remove(10)
    expect(s.put(18, packet(18))).toBe("accepted") // slot 18 & 7 = slot 10 & 7, now free
    expect(s.has(10)).toBe(false)
    expect(s.clear()).toBe(2)
    expect(s.count).toBe(0)
  })
})
