import type { EventHandler, Simulator } from "../../sim/simulator.ts"
import type { TimeNs } from "../../sim/time.ts"
import type { PacketSink } from "../network/packet.ts"
import { VoicePacket } from "./voice-packet.ts"

export interface RtpSenderConfig {
  readonly flow: number
  readonly destination: number
  readonly ptimeNs: TimeNs
  readonly samplesPerPacket: number
  readonly packetBytes: number
  readonly dscp: number
  readonly packetCount: number
  /** Random initial sequence number and timestamp (RFC 3550 §5.1), drawn by the caller. */
  readonly initialSeq: number
  readonly initialTimestamp: number
}

/** Emits one RTP packet per packetization interval, continuously (no voice-activity detection yet). */
export class RtpSender implements EventHandler {
  packetsSent = 0

  constructor(
    private readonly sim: Simulator,
    private readonly config: RtpSenderConfig,
    private readonly network: PacketSink<VoicePacket>,
  ) {}

  start(atNs: TimeNs): void {
    if (this.config.packetCount > 0) this.sim.scheduleAt(atNs, this)
  }

  handleEvent(): void {
    const c = this.config
    const n = this.packetsSent++
    const seq = (c.initialSeq + n) & 0xffff
    const timestamp = (c.initialTimestamp + n * c.samplesPerPacket) >>> 0
    // The marker bit flags the first packet of a talkspurt (RFC 3551 §4.1); without VAD, only the first.
    const packet = new VoicePacket(c.flow, c.destination, seq, timestamp, n === 0, this.sim.nowNs, c.packetBytes, c.dscp)
    this.network.receive(packet)
    if (this.packetsSent < c.packetCount) this.sim.scheduleIn(c.ptimeNs, this)
  }
}
