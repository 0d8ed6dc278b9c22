import { describe, expect, it } from "vitest"
import { RenoWindow } from "../../src/traffic/reno-window.ts"
import { RtoEstimator } from "../../src/traffic/rto-estimator.ts"

const MS = 1e6

describe("Reno window", () => {
  it("slow start: +1 per ACK below ssthresh, so a window's worth of ACKs doubles it", () => {
    const w = new RenoWindow(2)
    for (let i = 0; i < 2 + 4 + 8; i++) w.onAck()
    expect(w.cwndPackets).toBe(16)
    expect(w.inSlowStart).toBe(true)
  })

  it("congestion avoidance: +1/cwnd per ACK, ≈ +1 per window of ACKs; halving on loss, floor 2", () => {
    const w = new RenoWindow(20)
    w.onLoss()
    expect(w.cwndPackets).toBe(10)
    expect(w.ssthreshPackets).toBe(10)
    for (let i = 0; i < 10; i++) w.onAck()
    // Σ 1/w_k over 10 ACKs from 10: between 10/11 and 1.
    expect(w.cwndPackets).toBeGreaterThan(10 + 10 / 11)
    expect(w.cwndPackets).toBeLessThan(11)
    const small = new RenoWindow(3)
    small.onLoss()
    expect(small.cwndPackets).toBe(2)
  })

  it("timeout: ssthresh = cwnd/2, cwnd = 1, then slow start up to ssthresh", () => {
    const w = new RenoWindow(16)
    w.onTimeout()
    expect(w.cwndPackets).toBe(1)
    expect(w.ssthreshPackets).toBe(8)
    for (let i = 0; i < 7; i++) w.onAck()
    expect(w.cwndPackets).toBe(8)
    expect(w.inSlowStart).toBe(false)
  })

  it("never exceeds the receive-window cap", () => {
    const w = new RenoWindow(2, 5)
    for (let i = 0; i < 100; i++) w.onAck()
    expect(w.cwndPackets).toBe(5)
  })
})

describe("RTO estimator (RFC 6298)", () => {
  const settings = { initialRtoNs: 1000 * MS, minRtoNs: 200 * MS, maxRtoNs: 1500 * MS }

  it("first sample R: SRTT = R, RTTVAR = R/2, RTO = 3R; then the 1/8, 1/4 gains", () => {
    const rto = new RtoEstimator(settings)
    expect(rto.rtoNs).toBe(1000 * MS)
    rto.addSample(100 * MS)
    expect(rto.rtoNs).toBeCloseTo(300 * MS, 3)
    rto.addSample(200 * MS)
    // RTTVAR = 0.75·50 + 0.25·100 = 62.5 ms; SRTT = 0.875·100 + 0.125·200 = 112.5 ms; RTO = 112.5 + 4·62.5.
    expect(rto.srttNs).toBeCloseTo(112.5 * MS, 3)
    expect(rto.rttvarNs).toBeCloseTo(62.5 * MS, 3)
    expect(rto.rtoNs).toBeCloseTo(362.5 * MS, 3)
  })

  it("clamps to [min, max] and backs off by doubling", () => {
    const rto = new RtoEstimator(settings)
    rto.addSample(10 * MS)
    expect(rto.rtoNs).toBe(200 * MS)
    rto.backoff()
    expect(rto.rtoNs).toBe(400 * MS)
    rto.backoff()
    rto.backoff()
    expect(rto.rtoNs).toBe(1500 * MS)
  })
})
