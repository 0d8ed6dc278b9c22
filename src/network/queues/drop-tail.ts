import type { WirePacket } from "../packet.ts"

/**
 * FIFO queue that refuses a packet when its bytes would exceed the limit (drop-tail).
 * The packet being serialized is not in the queue, as in a router's egress buffer.
 */
export class DropTailQueue<P extends WirePacket> {
  private ring: (P | undefined)[] = new Array(16)
  private head = 0
  private count = 0
  private bytes = 0

  constructor(readonly limitBytes: number) {}

  get length(): number {
    return this.count
  }

  get backlogBytes(): number {
    return this.bytes
  }

  /** Appends the packet, or returns false (dropped) when it does not fit. */
  offer(packet: P): boolean {
    if (this.bytes + packet.sizeBytes > this.limitBytes) return false
    if (this.count === this.ring.length) this.grow()
    this.ring[(this.head + this.count) & (this.ring.length - 1)] = packet
    this.count++
    this.bytes += packet.sizeBytes
    return true
  }

  poll(): P | undefined {
    if (this.count === 0) return undefined
    const packet = this.ring[this.head] as P
    this.ring[this.head] = undefined
    this.head = (this.head + 1) & (this.ring.length - 1)
    this.count--
    this.bytes -= packet.sizeBytes
    return packet
  }

  private grow(): void {
    const bigger: (P | undefined)[] = new Array(this.ring.length * 2)
    for (let i = 0; i < this.count; i++) bigger[i] = this.ring[(this.head + i) & (this.ring.length - 1)]
    this.ring = bigger
    this.head = 0
  }
}
