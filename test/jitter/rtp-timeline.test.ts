import { describe, expect, it } from "vitest"
import { RtpTimeline } from "../../src/jitter/rtp-timeline.ts"

describe("RTP timeline", () => {
  it("counts samples from the first timestamp across the 2^32 wrap", () => {
    const t = new RtpTimeline()
    expect(t.samplesOf(4_294_967_136)).toBe(0) // 2^32 − 160
    expect(t.samplesOf(0)).toBe(160) // wrapped
    expect(t.samplesOf(160)).toBe(320)
  })

  it("takes reordered and older packets as negative steps, also across the wrap", () => {
    const t = new RtpTimeline()
    expect(t.samplesOf(100)).toBe(0)
    expect(t.samplesOf(420)).toBe(320)
    expect(t.samplesOf(260)).toBe(160) // reordered
    expect(t.samplesOf(4_294_967_236)).toBe(-160) // 100 − 160 wraps below zero: older than the first
  })
})
