import type { TimeNs } from "../../sim/time.ts"

/**
 * NetEq's packet arrival history (modules/audio_coding/neteq/packet_arrival_history.cc): the
 * arrivals of the last `windowNs` of RTP time, and each packet's delay relative to the fastest of
 * them: max(0, (arrival − rtp) − min over the window of (arrival − rtp)).
 *
 * Times are in ns rather than whole ms. At most `capacity` arrivals are kept (the oldest go first):
 * 1,024 cover the 2 s window at 2 ms per packet.
 */
export class NetEqArrivalHistory {
  private readonly rtpNs: Float64Array
  private readonly arrivalNs: Float64Array
  private readonly mask: number
  private head = 0 // position of the oldest entry, counted since the start
  private tail = 0 // position after the newest
  private minAt = -1 // position of the entry with the least arrival − rtp; -1: to find
  private newestRtpNs = -Infinity

  constructor(
    private readonly windowNs: TimeNs,
    capacity = 1024,
  ) {
    this.rtpNs = new Float64Array(capacity)
    this.arrivalNs = new Float64Array(capacity)
    this.mask = capacity - 1
  }

  get size(): number {
    return this.tail - this.head
  }

  /** PacketArrivalHistory::Insert. */
  insert(rtpNs: TimeNs, arrivalNs: TimeNs): void {
    if (rtpNs > this.newestRtpNs) this.newestRtpNs = rtpNs
    if (this.size === this.mask + 1) this.dropOldest()
    const at = this.tail++ & this.mask
    this.rtpNs[at] = rtpNs
    this.arrivalNs[at] = arrivalNs
    if (this.minAt >= 0 && arrivalNs - rtpNs <= this.transit(this.minAt)) this.minAt = this.tail - 1
    while (this.rtpNs[this.head & this.mask]! + this.windowNs < rtpNs) this.dropOldest()
    if (this.minAt < 0) this.findMin()
  }

  /** PacketArrivalHistory::GetDelayMs: a packet's delay beyond the fastest in the window. */
  delayNs(rtpNs: TimeNs, arrivalNs: TimeNs): TimeNs {
    if (this.minAt < 0) return 0
    return Math.max(arrivalNs - rtpNs - this.transit(this.minAt), 0)
  }

  /** PacketArrivalHistory::IsNewestRtpTimestamp: false for a packet that came after a later one (reordered). */
  isNewest(rtpNs: TimeNs): boolean {
    return rtpNs === this.newestRtpNs
  }

  private transit(position: number): number {
    const at = position & this.mask
    return this.arrivalNs[at]! - this.rtpNs[at]!
  }

  private dropOldest(): void {
    if (this.head === this.minAt) this.minAt = -1
    this.head++
  }

  private findMin(): void {
    for (let p = this.head; p < this.tail; p++) if (this.minAt < 0 || this.transit(p) <= this.transit(this.minAt)) this.minAt = p
  }
}
