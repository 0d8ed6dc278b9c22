import type { TimeNs } from "../../../sim/time.ts"
import { OPPORTUNITY_BYTES, sameTrace, traceMeanRateBps, TUN_HEADER_BYTES, type CapacityTrace } from "../trace/capacity-trace.ts"
import type { Serializer } from "./serializer.ts"

const NS_PER_MS = 1_000_000

/**
 * Sends packets at the delivery opportunities of a capacity trace, as mahimahi's LinkQueue does
 * (ravinet/mahimahi src/frontend/link_queue.cc, `rationalize`):
 *
 * - each opportunity carries OPPORTUNITY_BYTES; a packet costs its size plus the 4-byte TUN
 *   header, so one opportunity can carry several small packets, and a large packet takes bytes
 *   from as many opportunities as it needs (it leaves at the one that carries its last byte);
 * - bytes an opportunity has left after a packet leaves go to the next packet, if that one was
 *   already queued; an opportunity nobody uses is lost;
 * - a packet queued at the very time of an opportunity cannot use it (mahimahi spends the
 *   opportunities that are due before it enqueues an arriving packet: read_packet → rationalize);
 * - the trace loops: opportunity i of cycle c is at start + c·period + t[i], the period being
 *   the last time (use_a_delivery_opportunity adds schedule_.back() on wraparound), so a trace
 *   starting at 0 has two opportunities at each multiple of the period.
 *
 * The cycle and index of the next unused opportunity only move forward; an idle link skips the
 * opportunities it missed in O(log n).
 */
export class TraceSerializer implements Serializer {
  readonly bandwidthBps: number
  private readonly offsetsNs: readonly number[]
  private readonly periodNs: number
  /** The next unused opportunity: cycle and index. */
  private cycle = 0
  private index = 0
  /** The opportunity that carried the last packet's last byte, and the bytes it has left. */
  private spareAtNs = -Infinity
  private spareBytes = 0
  private usedBytes = 0

  constructor(
    readonly trace: CapacityTrace,
    private readonly startNs: TimeNs,
  ) {
    this.bandwidthBps = traceMeanRateBps(trace)
    this.offsetsNs = trace.opportunitiesMs.map((ms) => ms * NS_PER_MS)
    this.periodNs = this.offsetsNs.at(-1)!
  }

  /** This serializer already plays `trace` (a scheduled change that keeps it need not restart it). */
  plays(trace: CapacityTrace): boolean {
    return sameTrace(this.trace, trace)
  }

  departureNs(sizeBytes: number, nowNs: TimeNs, queuedAtNs: TimeNs): TimeNs {
    let bytes = sizeBytes + TUN_HEADER_BYTES
    this.usedBytes += bytes
    // Opportunities from now on, and only after the packet was queued (time is whole ns).
    const earliestNs = queuedAtNs < nowNs ? nowNs : nowNs + 1
    if (this.spareBytes > 0 && this.spareAtNs >= earliestNs) {
      const taken = Math.min(bytes, this.spareBytes)
      this.spareBytes -= taken
      bytes -= taken
      if (bytes === 0) return this.spareAtNs
    }
    if (this.nextNs() < earliestNs) this.moveTo(this.firstAtOrAfter(earliestNs))
    for (;;) {
      const atNs = this.nextNs()
      if (++this.index === this.offsetsNs.length) {
        this.index = 0
        this.cycle++
      }
      if (bytes <= OPPORTUNITY_BYTES) {
        this.spareAtNs = atNs
        this.spareBytes = OPPORTUNITY_BYTES - bytes
        return atNs
      }
      bytes -= OPPORTUNITY_BYTES
    }
  }

  /** Used bytes over offered bytes (the opportunities up to `untilNs`), as a share of the time since the start. */
  busyNs(untilNs: TimeNs): number {
    if (untilNs < this.startNs) return 0
    const at = this.firstAtOrAfter(untilNs + 1)
    const offeredBytes = (at.cycle * this.offsetsNs.length + at.index) * OPPORTUNITY_BYTES
    return offeredBytes > 0 ? Math.min(1, this.usedBytes / offeredBytes) * (untilNs - this.startNs) : 0
  }

  /** Opportunities after `nowNs` that the lost packet had claimed are free again. */
  cancel(nowNs: TimeNs): void {
    this.spareBytes = 0
    if (this.nextNs() > nowNs) this.moveTo(this.firstAtOrAfter(nowNs + 1))
  }

  private nextNs(): TimeNs {
    return this.startNs + this.cycle * this.periodNs + this.offsetsNs[this.index]!
  }

  private moveTo(at: { cycle: number; index: number }): void {
    this.cycle = at.cycle
    this.index = at.index
  }

  /**
   * The first opportunity at or after `timeNs`. Cycle c ends at (c+1)·period, so the first cycle
   * that reaches `timeNs` is ceil(rel/period) − 1; in it, a binary search finds the index.
   */
  private firstAtOrAfter(timeNs: TimeNs): { cycle: number; index: number } {
    const relNs = timeNs - this.startNs
    const cycle = Math.max(0, Math.ceil(relNs / this.periodNs) - 1)
    const targetNs = relNs - cycle * this.periodNs
    let lo = 0
    let hi = this.offsetsNs.length - 1 // offsets[last] = period ≥ targetNs
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (this.offsetsNs[mid]! < targetNs) lo = mid + 1
      else hi = mid
    }
    return { cycle, index: lo }
  }
}
