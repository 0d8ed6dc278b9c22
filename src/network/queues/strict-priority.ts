import type { TimeNs } from "../../../sim/time.ts"
import { PRIORITY_CLASSES, priorityClassOf } from "../dscp.ts"
import type { WirePacket } from "../packet.ts"
import { DropTailQueue, type QueueLimits } from "./drop-tail.ts"
import type { EgressQueue } from "./egress-queue.ts"
import type { TokenBucket } from "./token-bucket.ts"

/** How a class's token bucket acts: hold packets until they conform (shape) or drop them (police). */
export interface ClassRateLimit {
  readonly mode: "shape" | "police"
  readonly bucket: TokenBucket
}

/**
 * Strict priority by DSCP class (EF, then AF, then best effort), each class its own drop-tail
 * FIFO with the link's limits, as Linux `prio` or a router's low-latency queue. A lower class is
 * served only when every higher class is empty or held back by its shaper.
 */
export class StrictPriorityQueue<P extends WirePacket> implements EgressQueue<P> {
  private readonly classes: DropTailQueue<P>[]
  /** Packets in all classes, kept as they come and go: the link asks after every transmission. */
  private count = 0

  constructor(
    limits: QueueLimits,
    private readonly rateLimits: readonly (ClassRateLimit | undefined)[] = [],
  ) {
    this.classes = PRIORITY_CLASSES.map(() => new DropTailQueue<P>(limits))
  }

  get length(): number {
    return this.count
  }

  get backlogBytes(): number {
    let bytes = 0
    for (const q of this.classes) bytes += q.backlogBytes
    return bytes
  }

  offer(packet: P, nowNs: TimeNs): boolean {
    const c = priorityClassOf(packet.dscp)
    if (!this.policed(c, packet.sizeBytes, nowNs) || !this.classes[c]!.offer(packet)) return false
    this.count++
    return true
  }

  /** The top class, unless shaped: nothing that arrives later overtakes it, and it overtakes every other class. */
  servesInArrivalOrder(packet: P): boolean {
    return priorityClassOf(packet.dscp) === 0 && this.rateLimits[0]?.mode !== "shape"
  }

  admitAhead(packet: P, nowNs: TimeNs, waitingPackets: number, waitingBytes: number): boolean {
    const c = priorityClassOf(packet.dscp)
    return this.policed(c, packet.sizeBytes, nowNs) && this.classes[c]!.admitAhead(packet, nowNs, waitingPackets, waitingBytes)
  }

  /** False when class `c`'s policer drops the packet; a conforming packet takes its tokens. */
  private policed(c: number, sizeBytes: number, nowNs: TimeNs): boolean {
    const limit = this.rateLimits[c]
    if (limit?.mode !== "police") return true
    if (!limit.bucket.conforms(sizeBytes, nowNs)) return false
    limit.bucket.take(sizeBytes, nowNs)
    return true
  }

  poll(nowNs: TimeNs): P | undefined {
    if (this.count === 0) return undefined
    for (let c = 0; c < this.classes.length; c++) {
      const queue = this.classes[c]!
      if (queue.length === 0) continue
      const limit = this.rateLimits[c]
      if (limit?.mode === "shape") {
        const head = queue.peek()!
        if (!limit.bucket.conforms(head.sizeBytes, nowNs)) continue
        limit.bucket.take(head.sizeBytes, nowNs)
      }
      this.count--
      return queue.poll()
    }
    return undefined
  }

  nextReleaseNs(nowNs: TimeNs): TimeNs {
    let earliest = Infinity
    for (let c = 0; c < this.classes.length; c++) {
      const head = this.classes[c]!.peek()
      const limit = this.rateLimits[c]
      if (head !== undefined && limit?.mode === "shape")
        earliest = Math.min(earliest, limit.bucket.readyAtNs(head.sizeBytes, nowNs))
    }
    return earliest
  }

  flush(discard: (packet: P) => void): void {
    this.count = 0
    for (const q of this.classes) q.flush(discard)
  }
}
