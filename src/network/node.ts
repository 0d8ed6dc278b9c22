import type { PacketSink, RoutedPacket } from "./packet.ts"

/**
 * A network node: it hands packets addressed to itself to the local flow's sink and forwards the
 * others on the link toward their destination. It does not know what the flows carry.
 */
export class Node<P extends RoutedPacket> implements PacketSink<P> {
  private readonly nextHops: (PacketSink<P> | undefined)[] = []
  private readonly flows = new Map<number, PacketSink<P>>()
  packetsUnroutable = 0

  constructor(
    readonly id: string,
    readonly index: number,
  ) {}

  setRoute(destination: number, nextHop: PacketSink<P>): void {
    this.nextHops[destination] = nextHop
  }

  attachFlow(flow: number, sink: PacketSink<P>): void {
    this.flows.set(flow, sink)
  }

  receive(packet: P): void {
    const sink = packet.destination === this.index ? this.flows.get(packet.flow) : this.nextHops[packet.destination]
    if (sink === undefined) this.packetsUnroutable++
    else sink.receive(packet)
  }
}
