import type { TimeNs } from "../../../sim/time.ts"
import type { WirePacket } from "../packet.ts"
import type { EgressQueue } from "./egress-queue.ts"

export interface QueueLimits {
  /** Bytes waiting, not counting the packet being serialized (Infinity: no limit). */
  readonly limitBytes: number
  /** Packets waiting (Infinity: no limit). */
  readonly limitPackets: number
}

/** FIFO that refuses a packet that would exceed either limit (drop-tail), as a router's egress buffer. */
export class DropTailQueue<P extends WirePacket> implements EgressQueue<P> {
  private ring: (P | undefined)[] = new Array(16)
  private head = 0
  private count = 0
  private bytes = 0
  private readonly limitBytes: number
  private readonly limitPackets: number

  constructor(readonly limits: QueueLimits) {
    this.limitBytes = limits.limitBytes
    this.limitPackets = limits.limitPackets
  }

  get length(): number {
    return this.count
  }

  get backlogBytes(): number {
    return this.bytes
  }

  /** The packet that `poll` would return, without removing it. */
  peek(): P | undefined {
    return this.count === 0 ? undefined : this.ring[this.head]
  }

  offer(packet: P, _nowNs?: TimeNs): boolean {
    if (!this.admitAhead(packet, 0, 0, 0)) return false
    if (this.count === this.ring.length) this.grow()
    this.ring[(this.head + this.count) & (this.ring.length - 1)] = packet
    this.count++
    this.bytes += packet.sizeBytes
    return true
  }

  servesInArrivalOrder(): boolean {
    return true
  }

  admitAhead(packet: P, _nowNs: TimeNs, waitingPackets: number, waitingBytes: number): boolean {
    return this.bytes + waitingBytes + packet.sizeBytes <= this.limitBytes && this.count + waitingPackets + 1 <= this.limitPackets
  }

  poll(_nowNs?: TimeNs): P | undefined {
    if (this.count === 0) return undefined
    const packet = this.ring[this.head] as P
    this.ring[this.head] = undefined
    this.head = (this.head + 1) & (this.ring.length - 1)
    this.count--
    this.bytes -= packet.sizeBytes
    return packet
  }

  nextReleaseNs(): TimeNs {
    return Infinity
  }

  flush(discard: (packet: P) => void): void {
    for (let p = this.poll(); p !== undefined; p = this.poll()) discard(p)
  }

  private grow(): void {
    const bigger: (P | undefined)[] = new Array(this.ring.length * 2)
    for (let i = 0; i < this.count; i++) bigger[i] = this.ring[(this.head + i) & (this.ring.length - 1)]
    this.ring = bigger
    this.head = 0
  }
}
