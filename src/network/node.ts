import type { PacketSink, RecorderLookup, RecordingSink, RoutedPacket } from "./packet.ts"

/**
 * A network node: it hands packets addressed to itself to the local flow's sink and forwards the
 * others on the link toward their destination. It does not know what the flows carry.
 */
export class Node<P extends RoutedPacket> implements PacketSink<P>, RecorderLookup<P> {
  private readonly nextHops: (PacketSink<P> | undefined)[] = []
  /** By flow id: flow ids are small dense integers, so an array beats a Map on every packet. */
  private readonly flows: (PacketSink<P> | undefined)[] = []
  /** The flows whose sinks only record (see RecordingSink), by flow id. */
  private readonly recorders: (RecordingSink<P> | undefined)[] = []
  packetsUnroutable = 0

  constructor(
    readonly id: string,
    readonly index: number,
  ) {}

  setRoute(destination: number, nextHop: PacketSink<P>): void {
    this.nextHops[destination] = nextHop
  }

  attachFlow(flow: number, sink: PacketSink<P>): void {
    if (!(Number.isInteger(flow) && flow >= 0)) throw new RangeError(`flow ids are integers ≥ 0, got ${flow}`)
    while (this.flows.length < flow) this.flows.push(undefined)
    this.flows[flow] = sink
  }

  /** Attaches a sink that only records: the last link may hand it packets ahead of their arrival. */
  attachRecorder(flow: number, sink: RecordingSink<P>): void {
    this.attachFlow(flow, sink)
    while (this.recorders.length < flow) this.recorders.push(undefined)
    this.recorders[flow] = sink
  }

  recorderFor(packet: P): RecordingSink<P> | undefined {
    return packet.destination === this.index ? this.recorders[packet.flow] : undefined
  }

  receive(packet: P): void {
    const sink = packet.destination === this.index ? this.flows[packet.flow] : this.nextHops[packet.destination]
    if (sink === undefined) this.packetsUnroutable++
    else sink.receive(packet)
  }
}
