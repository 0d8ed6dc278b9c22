import type { RandomStream } from "../../sim/random.ts"
import type { Simulator } from "../../sim/simulator.ts"
import type { PacketOwner, PacketSink } from "../network/packet.ts"
import { DataPacket } from "./data-packet.ts"
import type { PacketSizeModel } from "./packet-size.ts"

/** Builds a source's packets (size, seq, timestamps), counts them and hands them to the first hop. */
export class PacketEmitter {
  packetsSent = 0
  bytesSent = 0

  constructor(
    private readonly sim: Simulator,
    private readonly firstHop: PacketSink<DataPacket>,
    private readonly destination: number,
    private readonly flow: number,
    private readonly dscp: number,
    private readonly sizes: PacketSizeModel,
    private readonly sizeRng: RandomStream,
    private readonly owner: PacketOwner,
  ) {}

  /** The seq the next packet will carry. */
  get nextSeq(): number {
    return this.packetsSent
  }

  /** Counters are updated before the hand-off, so a drop reported synchronously finds them current. */
  emit(): DataPacket {
    const sizeBytes = this.sizes.sampleBytes(this.sizeRng)
    const packet = new DataPacket(sizeBytes, this.dscp, this.destination, this.flow, this.owner, this.packetsSent, this.sim.nowNs)
    this.packetsSent++
    this.bytesSent += sizeBytes
    this.firstHop.receive(packet)
    return packet
  }
}
