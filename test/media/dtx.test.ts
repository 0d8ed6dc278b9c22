import { describe, expect, it } from "vitest"
import { Simulator } from "../../sim/simulator.ts"
import type { TimeNs } from "../../sim/time.ts"
import { FixedJitterBuffer } from "../../src/jitter/fixed.ts"
import { ArrivalLog } from "../../src/media/arrival-log.ts"
import { RtpSender, RtpSenderClock, type RtpSenderConfig } from "../../src/media/rtp-sender.ts"
import { StreamReceiver } from "../../src/media/stream-receiver.ts"
import { ActivitySampler } from "../../src/media/voice-activity/activity-sampler.ts"
import type { TalkspurtSource } from "../../src/media/voice-activity/talkspurt-source.ts"
import type { VoicePacket } from "../../src/media/voice-packet.ts"

const MS = 1_000_000
const PTIME = 20 * MS

/** A talker that follows a script: talking in [on, off) intervals, silent between (from time 0). */
class ScriptedTalker implements TalkspurtSource {
  talking: boolean
  periodStartNs = 0
  periodEndNs: TimeNs
  private readonly changes: TimeNs[]
  constructor(talkspurtsMs: readonly (readonly [number, number])[]) {
    this.changes = talkspurtsMs.flatMap(([on, off]) => [on * MS, off * MS])
    this.talking = this.changes[0] === 0
    if (this.talking) this.changes.shift()
    this.periodEndNs = this.changes.shift() ?? Infinity
  }
  nextPeriod(): void {
    this.talking = !this.talking
    this.periodStartNs = this.periodEndNs
    this.periodEndNs = this.changes.shift() ?? Infinity
  }
}

// Talks in ticks 0–2 (0–59 ms), is silent in 3–5, talks in 6–7, silent from tick 8 on.
const SCRIPT = [[0, 50], [110, 150]] as const

const config = (packetCount: number, script?: readonly (readonly [number, number])[]): RtpSenderConfig => ({
  flow: 0,
  destination: 1,
  ptimeNs: PTIME,
  samplesPerPacket: 160,
  packetBytes: 200,
  dscp: 46,
  packetCount,
  initialSeq: 65534,
  initialTimestamp: 1000,
  ...(script === undefined ? {} : { activity: new ActivitySampler(new ScriptedTalker(script)), sidPacketBytes: 41 }),
})

const sendAll = (c: RtpSenderConfig, grouped = false) => {
  const sim = new Simulator()
  const sent: VoicePacket[] = []
  const sender = new RtpSender(sim, c, { receive: (p) => sent.push(p) })
  if (grouped) new RtpSenderClock(sim).start(sender, 0)
  else sender.start(0)
  sim.run()
  return { sender, sent }
}

describe("an RTP sender with VAD (DTX)", () => {
  it("sends voice while talking, one SID as each pause starts, nothing else in pauses", () => {
    const { sender, sent } = sendAll(config(10, SCRIPT))
    // Ticks: 0 1 2 voice (marker on 0), 3 SID, 4 5 nothing, 6 7 voice (marker on 6), 8 SID, 9 nothing.
    expect(sent.map((p) => p.sentNs / PTIME)).toEqual([0, 1, 2, 3, 6, 7, 8])
    expect(sent.map((p) => p.sizeBytes)).toEqual([200, 200, 200, 41, 200, 200, 41])
    expect(sent.map((p) => p.marker)).toEqual([true, false, false, false, true, false, false])
    // Sequence numbers count every packet sent (RFC 3550 §5.1); timestamps follow the ticks, jumping over silence.
    expect(sent.map((p) => p.seq)).toEqual([65534, 65535, 0, 1, 2, 3, 4])
    expect(sent.map((p) => (p.rtpTimestamp - 1000) / 160)).toEqual([0, 1, 2, 3, 6, 7, 8])
    expect([sender.packetsSent, sender.voicePacketsSent, sender.sidPacketsSent, sender.ticks]).toEqual([7, 5, 2, 10])
  })

  it("a group ticks a VAD sender exactly as its own event does", () => {
    const strip = (ps: VoicePacket[]) => ps.map((p) => [p.sentNs, p.seq, p.rtpTimestamp, p.marker, p.sizeBytes])
    expect(strip(sendAll(config(10, SCRIPT), true).sent)).toEqual(strip(sendAll(config(10, SCRIPT)).sent))
  })

  it("stops on request: a tick due at that instant and not yet run does not run", () => {
    const sim = new Simulator()
    const sent: VoicePacket[] = []
    const sender = new RtpSender(sim, config(Infinity), { receive: (p) => sent.push(p) })
    sender.start(0)
    sim.scheduleAt(100 * MS, { handleEvent: () => sender.stop() }) // scheduled before the tick at 100 ms is posted
    sim.run()
    expect(sent.map((p) => p.sentNs / MS)).toEqual([0, 20, 40, 60, 80])
    expect(sender.ticks).toBe(5)
    expect(sender.done).toBe(true)
  })
})

describe("a receiver of a DTX stream", () => {
  /** The SCRIPT stream over 30 ticks, each packet delayed 5 ms, minus the packets whose ticks are in `lose`. */
  const receive = (lose: readonly number[], stopAfterTicks?: number) => {
    const sim = new Simulator()
    const log = new ArrivalLog(16)
    const receiver = new StreamReceiver(
      sim,
      {
        clockRateHz: 8000,
        ptimeNs: PTIME,
        samplesPerPacket: 160,
        initialTimestamp: 1000,
        packetCount: stopAfterTicks === undefined ? 30 : Infinity,
        activity: new ActivitySampler(new ScriptedTalker(SCRIPT)),
      },
      new FixedJitterBuffer(40 * MS, PTIME, 160),
      undefined,
      log,
    )
    const sender = new RtpSender(sim, config(30, SCRIPT), {
      receive: (p) => {
        if (!lose.includes(p.sentNs / PTIME)) receiver.receiveAt(p, sim.nowNs + 5 * MS)
      },
    })
    sender.start(0)
    if (stopAfterTicks !== undefined)
      sim.scheduleAt(stopAfterTicks * PTIME - 1, {
        handleEvent: () => {
          sender.stop()
          receiver.senderStopped(sender.ticks)
        },
      })
    sim.runUntil(2_000 * MS)
    receiver.playUntil(2_000 * MS)
    return receiver
  }

  it("counts only the frames the sender sent voice for: silence is not concealed", () => {
    const r = receive([])
    expect([r.framesPlayed, r.framesConcealed, r.rtp.packetsLost]).toEqual([5, 0, 0])
    expect(r.jitterBufferDelayNs.count).toBe(5) // played voice frames only
  })

  it("a lost SID costs no frame; a lost voice packet is one concealed frame, and RFC 3550 loss counts both", () => {
    const r = receive([3, 7]) // tick 3 is a SID, tick 7 voice
    expect([r.framesPlayed, r.framesConcealed, r.rtp.packetsLost]).toEqual([4, 1, 2])
  })

  it("a sender that stops early ends the frames due", () => {
    const r = receive([], 7) // ticks 0–6 run: voice in 0–2 and 6
    expect([r.framesPlayed, r.framesConcealed]).toEqual([4, 0])
  })
})
