import type { EventHandler, Simulator } from "../../sim/simulator.ts"
import type { TimeNs } from "../../sim/time.ts"
import { HEADER_STACK, type HeaderStack, type PacketSink } from "../network/packet.ts"
import { VoicePacketPool, type VoicePacket } from "./voice-packet.ts"

export interface RtpSenderConfig {
  readonly flow: number
  readonly destination: number
  readonly ptimeNs: TimeNs
  readonly samplesPerPacket: number
  /** The IP packet, headers included (`voicePacketLayers(…).ipBytes`). */
  readonly packetBytes: number
  /** What links with header compression may compress; RTP/UDP/IPv4 by default. */
  readonly headerStack?: HeaderStack
  readonly dscp: number
  readonly packetCount: number
  /** Random initial sequence number and timestamp (RFC 3550 §5.1), drawn by the caller. */
  readonly initialSeq: number
  readonly initialTimestamp: number
}

/** Emits one RTP packet per packetization interval, continuously (no voice-activity detection yet). */
export class RtpSender implements EventHandler {
  packetsSent = 0
  // The config's numbers as fields of their own, read on every packet (small integers, stored
  // unboxed; the initial timestamp as an int32, which `>>> 0` maps back modulo 2^32).
  private readonly packetCount: number
  private readonly flow: number
  private readonly destination: number
  private readonly initialSeq: number
  private readonly initialTimestamp: number
  private readonly samplesPerPacket: number
  private readonly packetBytes: number
  private readonly dscp: number
  private readonly headerStack: HeaderStack

  constructor(
    private readonly sim: Simulator,
    readonly config: RtpSenderConfig,
    private readonly network: PacketSink<VoicePacket>,
    private readonly packets: VoicePacketPool = new VoicePacketPool(),
  ) {
    this.packetCount = config.packetCount
    this.flow = config.flow
    this.destination = config.destination
    this.initialSeq = config.initialSeq
    this.initialTimestamp = config.initialTimestamp | 0
    this.samplesPerPacket = config.samplesPerPacket
    this.packetBytes = config.packetBytes
    this.dscp = config.dscp
    this.headerStack = config.headerStack ?? HEADER_STACK.rtpIpv4
  }

  /** Sends its packets every ptime from `atNs`, on an event of its own. */
  start(atNs: TimeNs): void {
    if (this.packetCount > 0) this.sim.scheduleAt(atNs, this)
  }

  get done(): boolean {
    return this.packetsSent >= this.packetCount
  }

  handleEvent(): void {
    this.send()
    if (!this.done) this.sim.post(this.sim.nowNs + this.config.ptimeNs, this)
  }

  /** Sends the next packet now. */
  send(): void {
    const n = this.packetsSent++
    const seq = (this.initialSeq + n) & 0xffff
    const timestamp = (this.initialTimestamp + n * this.samplesPerPacket) >>> 0
    // The marker bit flags the first packet of a talkspurt (RFC 3551 §4.1); without VAD, only the first.
    const packet = this.packets.acquire(this.flow, this.destination, seq, timestamp, n === 0, this.sim.nowNs, this.packetBytes, this.dscp, this.headerStack)
    this.network.receive(packet)
  }
}

/**
 * Senders that start at the same time with the same ptime, clocked by one event per tick that
 * sends for each of them in the order they joined: a trunk of a thousand calls needs a few dozen
 * events per tick instead of two thousand.
 *
 * Same packets at the same times in the same order as one event per sender, with one documented
 * difference at exact ties: the group's next tick is scheduled after all its members have sent,
 * so an event that a member's packet schedules for exactly one ptime later (to the ns) runs
 * before the whole group then, instead of between that member and the one before it.
 */
export class RtpSenderGroup implements EventHandler {
  private readonly senders: RtpSender[] = []

  constructor(
    private readonly sim: Simulator,
    readonly ptimeNs: TimeNs,
    startNs: TimeNs,
  ) {
    sim.scheduleAt(startNs, this)
  }

  add(sender: RtpSender): void {
    this.senders.push(sender)
  }

  handleEvent(): void {
    const senders = this.senders
    let more = false
    for (let i = 0; i < senders.length; i++) {
      const sender = senders[i]!
      if (sender.done) continue
      sender.send()
      if (!sender.done) more = true
    }
    if (more) this.sim.post(this.sim.nowNs + this.ptimeNs, this)
  }
}

/**
 * Starts senders in groups (see RtpSenderGroup). A sender joins the group last started at its
 * start time if that group has its ptime; otherwise it opens a new one. So on the first tick the
 * groups, like the senders they replace, send in the order the senders were started.
 */
export class RtpSenderClock {
  private readonly lastGroupAt = new Map<TimeNs, RtpSenderGroup>()

  constructor(private readonly sim: Simulator) {}

  start(sender: RtpSender, atNs: TimeNs): void {
    if (sender.done) return
    let group = this.lastGroupAt.get(atNs)
    if (group === undefined || group.ptimeNs !== sender.config.ptimeNs) {
      group = new RtpSenderGroup(this.sim, sender.config.ptimeNs, atNs)
      this.lastGroupAt.set(atNs, group)
    }
    group.add(sender)
  }
}
