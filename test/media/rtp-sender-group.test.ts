import { describe, expect, it } from "vitest"
import { Simulator } from "../../sim/simulator.ts"
import { RtpSender, RtpSenderClock, type RtpSenderConfig } from "../../src/media/rtp-sender.ts"
import type { VoicePacket } from "../../src/media/voice-packet.ts"
import { VoicePacketPool } from "../../src/media/voice-packet.ts"

const MS = 1_000_000

const config = (flow: number, ptimeMs: number, packetCount: number): RtpSenderConfig => ({
  flow,
  destination: 1,
  ptimeNs: ptimeMs * MS,
  samplesPerPacket: 8 * ptimeMs,
  packetBytes: 40 + 8 * ptimeMs,
  dscp: 46,
  packetCount,
  initialSeq: 100 * flow,
  initialTimestamp: 1000 * flow,
})

/** Every packet sent, as (time, flow, seq, timestamp), in sending order. */
const sendAll = (start: (sim: Simulator, sender: RtpSender, atNs: number) => void) => {
  const sim = new Simulator()
  const sent: [number, number, number, number][] = []
  const network = { receive: (p: VoicePacket) => sent.push([sim.nowNs, p.flow, p.seq, p.rtpTimestamp]) }
  // Same start, different ptimes, interleaved; a later start; different lengths.
  const plan: [number, number, number][] = [
    [20, 0, 50],
    [30, 0, 40],
    [20, 0, 30],
    [20, 5, 50],
    [30, 0, 0],
    [20, 0, 50],
  ]
  plan.forEach(([ptimeMs, startMs, count], flow) => start(sim, new RtpSender(sim, config(flow, ptimeMs, count), network), startMs * MS))
  sim.run()
  return sent
}

describe("RTP senders clocked in groups", () => {
  it("send the same packets at the same times in the same order as one event per sender", () => {
    const alone = sendAll((_, sender, atNs) => sender.start(atNs))
    const clock = new Map<Simulator, RtpSenderClock>()
    const grouped = sendAll((sim, sender, atNs) => {
      if (!clock.has(sim)) clock.set(sim, new RtpSenderClock(sim))
      clock.get(sim)!.start(sender, atNs)
    })
    expect(alone).toHaveLength(50 + 40 + 30 + 50 + 50)
    expect(grouped).toEqual(alone)
  })

  it("recycled packets carry only their new contents", () => {
    const sim = new Simulator()
    const pool = new VoicePacketPool()
    const seen: [number, number, boolean, number][] = []
    const network = {
      receive: (p: VoicePacket) => {
        seen.push([p.seq, p.rtpTimestamp, p.marker, p.sentNs])
        p.queuedAtNs = 12345
        pool.release(p) // hand it straight back: the next send reuses it
      },
    }
    const sender = new RtpSender(sim, config(1, 20, 3), network, pool)
    sender.start(0)
    sim.run()
    expect(pool.size).toBe(1)
    expect(seen).toEqual([
      [100, 1000, true, 0],
      [101, 1160, false, 20 * MS],
      [102, 1320, false, 40 * MS],
    ])
  })
})
