import type { EventHandler, Simulator } from "../../sim/simulator.ts"
import { RunningStats } from "../../sim/stats.ts"
import { newDelayHistogramNs } from "./delay-histogram.ts"
import type { TimeNs } from "../../sim/time.ts"
import type { Channel } from "./channel.ts"
import { PRIORITY_CLASSES, priorityClassOf } from "./dscp.ts"
import type { PacketSink, RoutedPacket } from "./packet.ts"
import type { EgressQueue } from "./queues/egress-queue.ts"
import type { Serializer } from "./serializers/serializer.ts"

export { serializationNs } from "./serializers/fixed-rate.ts"

// Event kinds; the link's epoch (bumped when it goes down) rides in the same arg, so events of
// packets that were on the wire or propagating when the link failed can recognise themselves.
// A packet's fate and arrival are drawn when its serialization starts, so an idle link costs one
// event per packet (its arrival); TRANSMIT_DONE is scheduled only when packets wait behind it,
// and packets that leave at the same instant (sharing a trace's delivery opportunity) share it.
const TRANSMIT_DONE = 0
const ARRIVE = 1
const ARRIVE_CORRUPTED = 2
const WAKE_UP = 3
const KINDS = 4

/** Packets a link copies on duplication: the copy travels and arrives on its own. */
export interface LinkPacket extends RoutedPacket {
  duplicate(): LinkPacket
}

export interface LinkDirectionConfig<P extends LinkPacket> {
  readonly linkId: string
  /** "a->b", from the node that transmits to the node that receives. */
  readonly direction: string
  /** Fixed rate or capacity trace (src/network/serializers). */
  readonly serializer: Serializer
  readonly queue: EgressQueue<P>
  readonly channel: Channel
}

/** Per-class counters and queue-delay meters (classes as in `PRIORITY_CLASSES`). */
export class ClassStats {
  packetsSent = 0
  packetsDropped = 0
  readonly queueDelayNs = new RunningStats()
  readonly queueDelayHistogramNs = newDelayHistogramNs()
}

/**
 * One direction of a link: egress queue -> serializer -> channel (delay, loss, duplication,
 * corruption) -> sink. It can go down (everything queued, on the wire or propagating is lost)
 * and come back, and its serializer (bandwidth or capacity trace) can change while it runs.
 *
 * Conservation: packetsSent + packetsDuplicated = packetsDelivered + packetsLost + packetsCorrupted
 *   + packetsDropped + packetsDroppedDown + packetsInFlight.
 */
export class LinkDirection<P extends LinkPacket> implements PacketSink<P>, EventHandler {
  readonly linkId: string
  readonly direction: string
  private serializer: Serializer
  /** Busy time of the serializers this one replaced. */
  private retiredBusyNs = 0
  private readonly queue: EgressQueue<P>
  private channel: Channel
  /** The transmitter is busy until then. */
  private busyUntilNs: TimeNs = 0
  /** A TRANSMIT_DONE is scheduled to serve the queue. */
  private donePending = false
  private wakeUpPending = false
  private epoch = 0
  private down = false

  packetsSent = 0
  packetsDelivered = 0
  /** Refused by the egress queue (full, or policed). */
  packetsDropped = 0
  packetsLost = 0
  packetsCorrupted = 0
  packetsDuplicated = 0
  /** Offered while down, or queued, on the wire or propagating when the link went down. */
  packetsDroppedDown = 0
  readonly queueDelayNs = new RunningStats()
  readonly classes = PRIORITY_CLASSES.map(() => new ClassStats())

  constructor(
    private readonly sim: Simulator,
    config: LinkDirectionConfig<P>,
    private readonly sink: PacketSink<P>,
  ) {
    this.linkId = config.linkId
    this.direction = config.direction
    this.serializer = config.serializer
    this.queue = config.queue
    this.channel = config.channel
  }

  /** The configured rate, or a capacity trace's mean rate. */
  get bandwidthBps(): number {
    return this.serializer.bandwidthBps
  }

  get currentSerializer(): Serializer {
    return this.serializer
  }

  /** Time the transmitter was busy until `untilNs`; a trace counts used over offered bytes. */
  busyNsUntil(untilNs: TimeNs): number {
    return this.retiredBusyNs + this.serializer.busyNs(untilNs)
  }

  get busyNs(): number {
    return this.busyNsUntil(this.sim.nowNs)
  }

  get isUp(): boolean {
    return !this.down
  }

  /** Packets accepted but not yet delivered or lost: queued, on the wire, or propagating. */
  get packetsInFlight(): number {
    return (
      this.packetsSent +
      this.packetsDuplicated -
      this.packetsDelivered -
      this.packetsLost -
      this.packetsCorrupted -
      this.packetsDropped -
      this.packetsDroppedDown
    )
  }

  /** A packet enters the link from the transmitting node. */
  receive(packet: P): void {
    this.packetsSent++
    this.classes[priorityClassOf(packet.dscp)]!.packetsSent++
    if (this.down) return this.discardDown(packet)
    packet.queuedAtNs = this.sim.nowNs
    if (!this.queue.offer(packet, this.sim.nowNs)) {
      this.packetsDropped++
      this.classes[priorityClassOf(packet.dscp)]!.packetsDropped++
      packet.owner?.packetDropped(packet)
      return
    }
    if (this.donePending) return
    if (this.sim.nowNs >= this.busyUntilNs) this.transmitNext()
    else this.scheduleDone()
  }

  /** The link fails: what is queued, on the wire or propagating is lost; new packets are dropped. */
  goDown(): void {
    if (this.down) return
    this.down = true
    this.epoch++
    this.busyUntilNs = this.sim.nowNs // what was on the wire is lost with the epoch
    this.serializer.cancel(this.sim.nowNs)
    this.donePending = false
    this.queue.flush((p) => this.discardDown(p))
  }

  goUp(): void {
    this.down = false
  }

  /** A new rate or trace for the packets taken from now on; the one on the wire keeps its departure. */
  setSerializer(serializer: Serializer): void {
    if (serializer === this.serializer) return
    this.retiredBusyNs += this.serializer.busyNs(this.sim.nowNs)
    this.serializer = serializer
  }

  /** New impairments from now on; packets already propagating keep the delays they drew. */
  setChannel(channel: Channel): void {
    this.channel = channel
  }

  handleEvent(arg: number, ref: unknown): void {
    const kind = arg % KINDS
    if (kind === WAKE_UP) {
      this.wakeUpPending = false
      if (!this.down && !this.donePending && this.sim.nowNs >= this.busyUntilNs) this.transmitNext()
      return
    }
    const stale = (arg - kind) / KINDS !== this.epoch // the link went down meanwhile
    if (kind === TRANSMIT_DONE) {
      if (stale) return
      this.donePending = false
      this.transmitNext()
      return
    }
    const packet = ref as P
    if (stale) return this.discardDown(packet)
    if (kind === ARRIVE) {
      this.packetsDelivered++
      this.sink.receive(packet)
    } else if (kind === ARRIVE_CORRUPTED) {
      this.packetsCorrupted++ // the receiver's checksum discards it
      packet.owner?.packetDropped(packet)
    }
  }

  /** Serialization ends at `departNs`: the channel decides the packet's fate (and maybe a copy's). */
  private launch(packet: P, departNs: TimeNs): void {
    if (this.channel.isLost()) {
      this.packetsLost++
      packet.owner?.packetDropped(packet)
      return
    }
    this.propagate(packet, departNs)
    if (this.channel.isDuplicated()) {
      this.packetsDuplicated++
      this.propagate(packet.duplicate() as P, departNs)
    }
  }

  private propagate(packet: P, departNs: TimeNs): void {
    const kind = this.channel.isCorrupted() ? ARRIVE_CORRUPTED : ARRIVE
    this.sim.scheduleAt(this.channel.arrivalNs(departNs), this, this.epoch * KINDS + kind, packet)
  }

  private scheduleDone(): void {
    this.donePending = true
    this.sim.scheduleAt(this.busyUntilNs, this, this.epoch * KINDS + TRANSMIT_DONE)
  }

  private transmitNext(): void {
    const nowNs = this.sim.nowNs
    for (;;) {
      const packet = this.queue.poll(nowNs)
      if (packet === undefined) return this.wakeUpForShaper(nowNs)
      const waitedNs = nowNs - packet.queuedAtNs
      this.queueDelayNs.add(waitedNs)
      const stats = this.classes[priorityClassOf(packet.dscp)]!
      stats.queueDelayNs.add(waitedNs)
      stats.queueDelayHistogramNs.add(waitedNs)
      this.busyUntilNs = this.serializer.departureNs(packet.sizeBytes, nowNs, packet.queuedAtNs)
      this.launch(packet, this.busyUntilNs)
      // A drop notice may have sent a packet in (and scheduled the next TRANSMIT_DONE) meanwhile.
      if (this.donePending || this.queue.length === 0) return
      if (this.busyUntilNs > nowNs) return this.scheduleDone()
    }
  }

  private wakeUpForShaper(nowNs: TimeNs): void {
    const releaseNs = this.queue.length > 0 ? this.queue.nextReleaseNs(nowNs) : Infinity
    if (releaseNs !== Infinity && !this.wakeUpPending) {
      this.wakeUpPending = true
      this.sim.scheduleAt(releaseNs, this, WAKE_UP)
    }
  }

  private discardDown(packet: P): void {
    this.packetsDroppedDown++
    packet.owner?.packetDropped(packet)
  }
}
