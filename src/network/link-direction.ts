import type { EventHandler, Simulator } from "../../sim/simulator.ts"
import type { LogHistogram } from "../../sim/stats.ts"
import { newDelayHistogramNs } from "./delay-histogram.ts"
import type { TimeNs } from "../../sim/time.ts"
import type { Channel } from "./channel.ts"
import { CommittedBacklog, type StartListener } from "./committed-backlog.ts"
import { PRIORITY_CLASSES, priorityClassOf } from "./dscp.ts"
import { AheadDeliveries } from "./ahead-deliveries.ts"
import { HEADER_STACK_COUNT, type PacketSink, type RecorderLookup, type RoutedPacket } from "./packet.ts"
import type { EgressQueue } from "./queues/egress-queue.ts"
import type { Serializer } from "./serializers/serializer.ts"

export { serializationNs } from "./serializers/fixed-rate.ts"

// Event kinds; the link's epoch (bumped when it goes down) rides in the same arg, so events of
// packets that were on the wire or propagating when the link failed can recognise themselves.
// A packet's fate and arrival are drawn when its serialization starts, so an idle link costs one
// event per packet (its arrival); TRANSMIT_DONE is scheduled only when packets wait behind it,
// and packets that leave at the same instant (sharing a trace's delivery opportunity) share it.
// With `commitAhead`, packets the queue serves in arrival order skip the queue altogether (see
// `commit`): on a FIFO link every packet costs one event whatever the load.
//
// Ties: a transmitter that frees up at an instant picks its next packet before packets arriving
// at that instant are considered, whichever event the kernel runs first (an arrival runs the
// due pick itself; the TRANSMIT_DONE then finds nothing to do). Committing ahead follows the same
// rule, so both ways agree to the nanosecond.
const TRANSMIT_DONE = 0
const ARRIVE = 1
const ARRIVE_CORRUPTED = 2
const WAKE_UP = 3
const KINDS = 4

/** Packets a link copies on duplication: the copy travels and arrives on its own. */
export interface LinkPacket extends RoutedPacket {
  duplicate(): LinkPacket
}

/**
 * What a direction puts around each packet it serializes, worked out once per direction (the
 * engine derives it from src/media/overhead) so that a packet costs an array read and a max.
 */
export interface WireFraming {
  /** The framing's name and whether cRTP is on, for the report. */
  readonly name: string
  readonly crtp: boolean
  /**
   * Bytes the wire adds to a packet's IP size, by its `headerStack`: the framing, less what cRTP
   * saves on RTP/UDP/IP headers (so possibly negative).
   */
  readonly bytesByStack: readonly number[]
  /** Shorter frames are padded up to this (Ethernet's minimum frame); 0 for none. */
  readonly minFrameBytes: number
}

/** Packets cross the wire at their IP size. */
export const NO_FRAMING: WireFraming = { name: "none", crtp: false, bytesByStack: new Array<number>(HEADER_STACK_COUNT).fill(0), minFrameBytes: 0 }

export interface LinkDirectionConfig<P extends LinkPacket> {
  readonly linkId: string
  /** "a->b", from the node that transmits to the node that receives. */
  readonly direction: string
  /** Fixed rate or capacity trace (src/network/serializers). */
  readonly serializer: Serializer
  readonly queue: EgressQueue<P>
  readonly channel: Channel
  /** Link framing and header compression; NO_FRAMING by default. Queue limits still count IP bytes. */
  readonly framing?: WireFraming
  /**
   * Fix the transmission start of packets the queue serves in arrival order (FIFO; strict
   * priority's top class) when they arrive, and draw their fate then, instead of queueing them:
   * the same results with no event per queued packet. Changes (`goDown`, `setSerializer`,
   * `setChannel`) then reach only packets that arrive afterwards, so the engine commits ahead only
   * on directions at a fixed rate that no scheduled event changes.
   */
  readonly commitAhead?: boolean
  /**
   * The receiving node, to hand packets for recording sinks (RecordingSink) over at launch with
   * their arrival time instead of on an ARRIVE event. Only for a channel that keeps packets in
   * order, and a direction no scheduled event changes: an outage cannot take them back.
   */
  readonly recorders?: RecorderLookup<P>
}

/** Per-class counters and queue delays (classes as in `PRIORITY_CLASSES`). */
export class ClassStats {
  packetsSent = 0
  packetsDropped = 0
  /** Exact count, mean and max; quantiles within 1 %. */
  readonly queueDelayNs = newDelayHistogramNs()
}

/**
 * One direction of a link: egress queue -> serializer -> channel (delay, loss, duplication,
 * corruption) -> sink. It can go down (everything queued, on the wire or propagating is lost)
 * and come back, and its serializer (bandwidth or capacity trace) can change while it runs.
 *
 * Conservation: packetsSent + packetsDuplicated = packetsDelivered + packetsLost + packetsCorrupted
 *   + packetsDropped + packetsDroppedDown + packetsInFlight.
 */
export class LinkDirection<P extends LinkPacket> implements PacketSink<P>, EventHandler, StartListener {
  readonly linkId: string
  readonly direction: string
  readonly framing: WireFraming
  /** `framing` as plain fields, read per packet. */
  private readonly overheadByStack: Int32Array
  private readonly minFrameBytes: number
  /** Frame bytes whose serialization has started (committed packets count once they start). */
  private bytesStarted = 0
  /** The frame that ends last: it may still be on the wire, and counts as carried once it has left. */
  private lastFrameBytes = 0
  private lastFrameEndNs: TimeNs = -1
  private serializer: Serializer
  /** Busy time of the serializers this one replaced. */
  private retiredBusyNs = 0
  private readonly queue: EgressQueue<P>
  private channel: Channel
  /** The transmitter is busy until then. */
  private busyUntilNs: TimeNs = 0
  /** A TRANSMIT_DONE is scheduled to serve the queue, at doneAtNs. */
  private donePending = false
  private doneAtNs: TimeNs = 0
  private wakeUpPending = false
  private epoch = 0
  private down = false
  private readonly commitAhead: boolean
  /** Committed ahead, not yet started: they count as queued, and their queue delay is recorded when they start. */
  private readonly committed = new CommittedBacklog()
  private readonly recorders: RecorderLookup<P> | undefined
  private readonly deliveredAhead = new AheadDeliveries()
  /** Delivered on an ARRIVE event (the others were handed over ahead). */
  private deliveredOnArrival = 0

  packetsSent = 0
  /** Refused by the egress queue (full, or policed). */
  packetsDropped = 0
  packetsLost = 0
  packetsCorrupted = 0
  packetsDuplicated = 0
  /** Offered while down, or queued, on the wire or propagating when the link went down. */
  packetsDroppedDown = 0
  private readonly classStats = PRIORITY_CLASSES.map(() => new ClassStats())

  constructor(
    private readonly sim: Simulator,
    config: LinkDirectionConfig<P>,
    private readonly sink: PacketSink<P>,
  ) {
    this.linkId = config.linkId
    this.direction = config.direction
    this.framing = config.framing ?? NO_FRAMING
    this.overheadByStack = Int32Array.from(this.framing.bytesByStack)
    if (this.overheadByStack.length !== HEADER_STACK_COUNT) throw new RangeError(`framing needs ${HEADER_STACK_COUNT} overheads, one per header stack`)
    this.minFrameBytes = this.framing.minFrameBytes
    this.serializer = config.serializer
    this.queue = config.queue
    this.channel = config.channel
    this.commitAhead = config.commitAhead ?? false
    this.recorders = config.recorders
  }

  /** Packets that have reached the far end by now. */
  get packetsDelivered(): number {
    return this.deliveredOnArrival + this.deliveredAhead.arrivedBy(this.sim.nowNs)
  }

  /** Queue delay of every packet that has started transmission (the classes' together). */
  get queueDelayNs(): LogHistogram {
    const all = newDelayHistogramNs()
    for (const c of this.classes) all.merge(c.queueDelayNs)
    return all
  }

  /** Bytes of the frames whose serialization has ended by now, framing included. */
  get bytesCarried(): number {
    const nowNs = this.sim.nowNs
    this.committed.retire(nowNs, this)
    return this.bytesStarted - (this.lastFrameEndNs > nowNs ? this.lastFrameBytes : 0)
  }

  /** What `packet` occupies on the wire: its IP size plus this direction's framing, padded to the minimum frame. */
  wireBytes(packet: P): number {
    const bytes = packet.sizeBytes + this.overheadByStack[packet.headerStack]!
    return bytes > this.minFrameBytes ? bytes : this.minFrameBytes
  }

  /** Per-class counters and queue delays, up to now. */
  get classes(): readonly ClassStats[] {
    this.committed.retire(this.sim.nowNs, this)
    return this.classStats
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
    this.committed.retire(this.sim.nowNs, this)
    return this.retiredBusyNs + this.serializer.busyNs(untilNs) - this.committed.pendingDurationNs
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
    const stats = this.classStats[priorityClassOf(packet.dscp)]!
    stats.packetsSent++
    if (this.down) return this.discardDown(packet)
    const nowNs = this.sim.nowNs
    if (this.donePending && this.doneAtNs <= nowNs && this.busyUntilNs <= nowNs) this.pickNow() // see Ties above
    if (this.commitAhead && this.queue.servesInArrivalOrder(packet)) return this.commit(packet, stats, nowNs)
    packet.queuedAtNs = nowNs
    if (!this.queue.offer(packet, nowNs)) return this.drop(packet, stats)
    if (this.donePending) return
    if (nowNs >= this.busyUntilNs) this.transmitNext()
    else this.scheduleDone()
  }

  /** StartListener: a committed packet has started transmission. */
  started(priorityClass: number, waitedNs: number, wireBytes: number, endNs: TimeNs): void {
    // Told lazily: a frame started since (a queued packet's) may end later, and stays the last one.
    if (endNs < this.lastFrameEndNs) this.bytesStarted += wireBytes
    else this.frameOnWire(wireBytes, endNs)
    this.recordQueueDelay(this.classStats[priorityClass]!, waitedNs)
  }

  /** A frame starts that ends after every frame before it: frames leave one after another, so only it can still be on the wire. */
  private frameOnWire(wireBytes: number, endNs: TimeNs): void {
    this.bytesStarted += wireBytes
    this.lastFrameBytes = wireBytes
    this.lastFrameEndNs = endNs
  }

  /**
   * Nothing offered later goes before this packet, and it goes before everything still queued:
   * it starts once the transmitter has finished what is on the wire and committed.
   */
  private commit(packet: P, stats: ClassStats, nowNs: TimeNs): void {
    const committed = this.committed
    committed.retire(nowNs, this)
    if (!this.queue.admitAhead(packet, nowNs, committed.length, committed.backlogBytes)) return this.drop(packet, stats)
    const startNs = this.busyUntilNs > nowNs ? this.busyUntilNs : nowNs
    const wireBytes = this.wireBytes(packet)
    this.busyUntilNs = this.serializer.departureNs(wireBytes, startNs, nowNs)
    if (startNs === nowNs) {
      this.frameOnWire(wireBytes, this.busyUntilNs)
      this.recordQueueDelay(stats, 0)
    } else committed.push(startNs, this.busyUntilNs - startNs, packet.sizeBytes, priorityClassOf(packet.dscp), startNs - nowNs, wireBytes)
    this.launch(packet, this.busyUntilNs)
  }

  private drop(packet: P, stats: ClassStats): void {
    this.packetsDropped++
    stats.packetsDropped++
    packet.owner?.packetDropped(packet)
  }

  private recordQueueDelay(stats: ClassStats, waitedNs: number): void {
    stats.queueDelayNs.add(waitedNs)
  }

  /** The link fails: what is queued, on the wire or propagating is lost; new packets are dropped. */
  goDown(): void {
    if (this.down) return
    this.down = true
    this.epoch++
    this.busyUntilNs = this.sim.nowNs // what was on the wire is lost with the epoch
    this.committed.retire(this.sim.nowNs, this)
    if (this.lastFrameEndNs > this.sim.nowNs) {
      this.bytesStarted -= this.lastFrameBytes // cut off: it never left whole
      this.lastFrameEndNs = this.sim.nowNs
    }
    this.retiredBusyNs -= this.committed.pendingDurationNs // committed packets that never started
    this.committed.clear() // their arrivals, already scheduled, are stale now
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
      if (this.down || this.donePending) return
      if (this.sim.nowNs >= this.busyUntilNs) this.transmitNext()
      else this.scheduleDone() // busy with packets committed since
      return
    }
    const stale = (arg - kind) / KINDS !== this.epoch // the link went down meanwhile
    if (kind === TRANSMIT_DONE) {
      // Not if the link went down, or an arrival at this instant already ran the pick.
      if (stale || !this.donePending || this.doneAtNs !== this.sim.nowNs) return
      if (this.busyUntilNs > this.sim.nowNs) this.scheduleDone() // packets committed meanwhile go first
      else this.pickNow()
      return
    }
    const packet = ref as P
    if (stale) return this.discardDown(packet)
    if (kind === ARRIVE) {
      this.deliveredOnArrival++
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
    const arrivalNs = this.channel.arrivalNs(departNs)
    const recorder = kind === ARRIVE ? this.recorders?.recorderFor(packet) : undefined
    if (recorder === undefined) return this.sim.post(arrivalNs, this, this.epoch * KINDS + kind, packet)
    this.deliveredAhead.push(arrivalNs, this.sim.nowNs)
    recorder.receiveAt(packet, arrivalNs)
  }

  private pickNow(): void {
    this.donePending = false
    this.transmitNext()
  }

  private scheduleDone(): void {
    this.donePending = true
    this.doneAtNs = this.busyUntilNs
    this.sim.post(this.busyUntilNs, this, this.epoch * KINDS + TRANSMIT_DONE)
  }

  private transmitNext(): void {
    const nowNs = this.sim.nowNs
    for (;;) {
      const packet = this.queue.poll(nowNs)
      if (packet === undefined) return this.wakeUpForShaper(nowNs)
      this.recordQueueDelay(this.classStats[priorityClassOf(packet.dscp)]!, nowNs - packet.queuedAtNs)
      const wireBytes = this.wireBytes(packet)
      this.busyUntilNs = this.serializer.departureNs(wireBytes, nowNs, packet.queuedAtNs)
      this.frameOnWire(wireBytes, this.busyUntilNs)
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
      this.sim.post(releaseNs, this, WAKE_UP)
    }
  }

  private discardDown(packet: P): void {
    this.packetsDroppedDown++
    packet.owner?.packetDropped(packet)
  }
}
