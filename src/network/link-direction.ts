import type { EventHandler, Simulator } from "../../sim/simulator.ts"
import { LogHistogram, RunningStats } from "../../sim/stats.ts"
import type { TimeNs } from "../../sim/time.ts"
import type { DelayModel } from "./delay/delay-model.ts"
import type { LossModel } from "./loss/loss-model.ts"
import type { PacketSink, WirePacket } from "./packet.ts"
import type { DropTailQueue } from "./queues/drop-tail.ts"

const TRANSMIT_DONE = 0
const ARRIVE = 1

/** Serialization time of `sizeBytes` at `bandwidthBps`, rounded to the nanosecond. */
export const serializationNs = (sizeBytes: number, bandwidthBps: number): TimeNs =>
  Math.round((sizeBytes * 8 * 1e9) / bandwidthBps)

export interface LinkDirectionConfig<P extends WirePacket> {
  readonly linkId: string
  /** "a->b", from the node that transmits to the node that receives. */
  readonly direction: string
  readonly bandwidthBps: number
  readonly queue: DropTailQueue<P>
  readonly delay: DelayModel
  readonly loss: LossModel
}

/**
 * One direction of a link: egress queue -> serializer -> channel (delay, jitter, loss) -> sink.
 * Counters obey: offered = dropped + transmitting/queued + lost + in flight + delivered.
 */
export class LinkDirection<P extends WirePacket> implements PacketSink<P>, EventHandler {
  readonly linkId: string
  readonly direction: string
  private readonly bandwidthBps: number
  private readonly queue: DropTailQueue<P>
  private readonly delay: DelayModel
  private readonly loss: LossModel
  private transmitting = false

  packetsOffered = 0
  packetsDropped = 0
  packetsLost = 0
  packetsDelivered = 0
  busyNs: TimeNs = 0
  readonly queueDelayNs = new RunningStats()
  readonly queueDelayHistogramNs = new LogHistogram()

  constructor(
    private readonly sim: Simulator,
    config: LinkDirectionConfig<P>,
    private readonly sink: PacketSink<P>,
  ) {
    this.linkId = config.linkId
    this.direction = config.direction
    this.bandwidthBps = config.bandwidthBps
    this.queue = config.queue
    this.delay = config.delay
    this.loss = config.loss
  }

  /** Packets accepted but not yet delivered or lost: queued, on the wire, or propagating. */
  get packetsInFlight(): number {
    return this.packetsOffered - this.packetsDropped - this.packetsLost - this.packetsDelivered
  }

  /** A packet enters the link from the transmitting node. */
  receive(packet: P): void {
    this.packetsOffered++
    packet.queuedAtNs = this.sim.nowNs
    if (!this.transmitting) this.transmit(packet)
    else if (!this.queue.offer(packet)) this.packetsDropped++
  }

  handleEvent(kind: number, ref: unknown): void {
    const packet = ref as P
    if (kind === ARRIVE) {
      this.packetsDelivered++
      this.sink.receive(packet)
      return
    }
    // TRANSMIT_DONE: the last bit left; the channel now delays or loses it.
    if (this.loss.isLost()) this.packetsLost++
    else this.sim.scheduleIn(this.delay.sampleNs(), this, ARRIVE, packet)
    const next = this.queue.poll()
    if (next === undefined) this.transmitting = false
    else this.transmit(next)
  }

  private transmit(packet: P): void {
    this.transmitting = true
    const waitedNs = this.sim.nowNs - packet.queuedAtNs
    this.queueDelayNs.add(waitedNs)
    this.queueDelayHistogramNs.add(waitedNs)
    const durationNs = serializationNs(packet.sizeBytes, this.bandwidthBps)
    this.busyNs += durationNs
    this.sim.scheduleIn(durationNs, this, TRANSMIT_DONE, packet)
  }
}
