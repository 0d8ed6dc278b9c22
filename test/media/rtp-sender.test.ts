import { describe, expect, it } from "vitest"
import { Simulator } from "../../sim/simulator.ts"
import { findCodec, payloadBytes, samplesPerPacket } from "../../src/media/codecs.ts"
import { rtpPacketBytes } from "../../src/media/headers.ts"
import { RtpSender } from "../../src/media/rtp-sender.ts"
import type { VoicePacket } from "../../src/media/voice-packet.ts"

const MS = 1_000_000

describe("G.711 packetization", () => {
  it("20 ms of G.711 is 160 payload bytes, 160 timestamp ticks and a 200-byte IPv4 packet", () => {
    const g711 = findCodec("G.711u")!
    expect(payloadBytes(g711, 20 * MS)).toBe(160) // 64 kbit/s × 20 ms
    expect(samplesPerPacket(g711, 20 * MS)).toBe(160) // RFC 3551 §4.5.14: 8000 Hz clock
    expect(rtpPacketBytes(160)).toBe(200) // + RTP 12 + UDP 8 + IPv4 20
    expect(payloadBytes(g711, 30 * MS)).toBe(240)
  })

  it("emits one packet per ptime with consecutive sequence numbers and timestamps, wrapping both", () => {
    const sim = new Simulator()
    const sent: VoicePacket[] = []
    const sender = new RtpSender(
      sim,
      { flow: 0, destination: 1, ptimeNs: 20 * MS, samplesPerPacket: 160, packetBytes: 200, dscp: 46, packetCount: 4,
        initialSeq: 65534, initialTimestamp: 4_294_967_000 },
      { receive: (p) => sent.push(p) },
    )
    sender.start(5 * MS)
    sim.run()
    expect(sent.map((p) => p.sentNs)).toEqual([5, 25, 45, 65].map((ms) => ms * MS))
    expect(sent.map((p) => p.seq)).toEqual([65534, 65535, 0, 1])
    expect(sent.map((p) => p.rtpTimestamp)).toEqual([4_294_967_000, 4_294_967_160, 24, 184])
    expect(sent.map((p) => p.marker)).toEqual([true, false, false, false])
    expect(sender.packetsSent).toBe(4)
  })
})
