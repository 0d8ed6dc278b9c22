import { describe, expect, it } from "vitest"
import { Simulator, type EventHandler } from "../../sim/simulator.ts"
import { VideoReceiver } from "../../src/media/video-receiver.ts"
import { VideoPacket } from "../../src/media/video-sender.ts"

const MS = 1_000_000

/** Hands each packet to the receiver at its arrival time. */
class Deliveries implements EventHandler {
  constructor(
    private readonly sim: Simulator,
    private readonly receiver: VideoReceiver,
  ) {}
  at(arrivalMs: number, packet: VideoPacket): void {
    this.sim.scheduleAt(arrivalMs * MS, this, 0, packet)
  }
  handleEvent(_arg: number, ref: unknown): void {
    this.receiver.receive(ref as VideoPacket)
  }
}

// 10 frames/s: frame k is captured at 100·k ms and carries RTP timestamp 9000·k (90 kHz).
const packet = (frame: number, index: number, count: number, seq: number, copy = false): VideoPacket =>
  new VideoPacket(0, 1, seq, 9000 * frame, index === count - 1, 100 * frame * MS, 1000, 34, frame, index, count, 100 * frame * MS, copy)

const setUp = (frameCount: number) => {
  const sim = new Simulator()
  const receiver = new VideoReceiver(sim, { startNs: 0, frameRateFps: 10, playoutDelayNs: 50 * MS, frameCount })
  return { sim, receiver, deliver: new Deliveries(sim, receiver) }
}

describe("video receiver", () => {
  it("scores each frame due by the end as complete, late, incomplete or lost", () => {
    const { sim, receiver, deliver } = setUp(6)
    // The first arrival (10 ms, captured at 0) sets frame k's playout time to 10 + 50 + 100·k ms.
    deliver.at(10, packet(0, 0, 2, 100))
    deliver.at(20, packet(0, 1, 2, 101)) // frame 0: complete
    deliver.at(110, packet(1, 0, 3, 102))
    deliver.at(120, packet(1, 1, 3, 103))
    deliver.at(170, packet(1, 2, 3, 104)) // after 160 ms: frame 1 is late
    deliver.at(210, packet(2, 0, 2, 105))
    deliver.at(215, packet(2, 0, 2, 105, true)) // a copy does not stand in for the missing packet: frame 2 is incomplete
    // frame 3 (seq 107, 108) never arrives: lost
    deliver.at(410, packet(4, 0, 1, 109)) // frame 4: complete
    deliver.at(505, packet(5, 0, 1, 110)) // frame 5 plays at 560 ms, after the end: not scored
    sim.runUntil(500 * MS)
    receiver.playUntil(500 * MS)

    expect(receiver.framesScored).toBe(5)
    expect([receiver.framesComplete, receiver.framesLate, receiver.framesIncomplete, receiver.framesLost]).toEqual([2, 1, 1, 1])
    expect(receiver.packetsLate).toBe(1)
    expect(receiver.packetsDuplicate).toBe(1)
    // RFC 3550 A.3: seq 100…109 expected (110 arrives after the end); 106–108 missing, and the copy counts as received.
    expect(receiver.rtp.packetsExpected).toBe(10)
    expect(receiver.rtp.packetsLost).toBe(2)
    // Capture to last packet, for frames that arrived whole: 20, 70 and 10 ms.
    expect(receiver.frameDelayNs.count).toBe(3)
    expect(receiver.frameDelayNs.mean).toBeCloseTo((100 * MS) / 3, 0)
  })

  it("computes RFC 3550 jitter at the 90 kHz clock", () => {
    const { sim, receiver, deliver } = setUp(2)
    deliver.at(10, packet(0, 0, 1, 0)) // delay 10 ms
    deliver.at(126, packet(1, 0, 1, 1)) // delay 26 ms: |D| = 16 ms = 1440 ticks
    sim.runUntil(200 * MS)
    receiver.playUntil(200 * MS)
    // RFC 3550 A.8: J += (|D| − J)/16 → 1440/16 = 90 ticks = 1 ms.
    expect(receiver.rtp.jitterRtpUnits).toBeCloseTo(90, 9)
    expect(receiver.rtp.jitterMs).toBeCloseTo(1, 9)
  })

  it("counts every frame lost when nothing arrives", () => {
    const { sim, receiver } = setUp(3)
    sim.runUntil(500 * MS)
    receiver.playUntil(500 * MS)
    expect(receiver.framesScored).toBe(3)
    expect(receiver.framesLost).toBe(3)
  })
})
