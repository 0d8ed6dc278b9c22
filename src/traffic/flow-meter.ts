import type { Simulator } from "../../sim/simulator.ts"
import { RunningStats } from "../../sim/stats.ts"
import type { TimeNs } from "../../sim/time.ts"
import type { PacketSink } from "../network/packet.ts"
import type { DataPacket } from "./data-packet.ts"

/** Told of each original (non-copy) packet the meter receives: a closed-loop source's ACK path. */
export interface DeliveryListener {
  delivered(packet: DataPacket): void
}

/** The receiving end of a data flow at its destination node: counts what arrives and its one-way delay. */
export class FlowMeter implements PacketSink<DataPacket> {
  packetsReceived = 0
  bytesReceived = 0
  /** Copies made by duplicating channels; not counted in packetsReceived or bytesReceived. */
  packetsDuplicated = 0
  firstArrivalNs: TimeNs = -1
  lastArrivalNs: TimeNs = -1
  readonly oneWayDelayNs = new RunningStats()

  constructor(
    private readonly sim: Simulator,
    private readonly listener: DeliveryListener | undefined = undefined,
  ) {}

  receive(packet: DataPacket): void {
    if (packet.isCopy) {
      this.packetsDuplicated++
      return
    }
    const nowNs = this.sim.nowNs
    if (this.packetsReceived === 0) this.firstArrivalNs = nowNs
    this.lastArrivalNs = nowNs
    this.packetsReceived++
    this.bytesReceived += packet.sizeBytes
    this.oneWayDelayNs.add(nowNs - packet.sentNs)
    this.listener?.delivered(packet)
  }
}
