import type { TimeNs } from "../../sim/time.ts"

/** Most channels a group may have: each busy channel holds a pending simulator event (2^24 at most). */
export const MAX_CHANNELS = 2 ** 24

/**
 * A group of N interchangeable channels — a PBX's trunk group or an SBC's session limit — with
 * blocked calls cleared: a call that finds every channel busy is lost. Bookkeeping only; the
 * caller says when. Counts offered, carried and blocked calls and integrates the number of
 * busy channels over time, whose mean is the carried traffic in Erlangs.
 */
export class TrunkGroup {
  readonly channels: number
  private offeredCalls = 0
  private carriedCalls = 0
  private busy = 0
  /** Free channel indices as a stack: seize and release are O(1) and allocate nothing. */
  private readonly freeStack: Int32Array
  private freeCount: number
  private readonly inUse: Uint8Array
  /** ∫ busy channels dt from statsStartNs to lastChangeNs, in channel·ns. */
  private busyChannelNs = 0
  private lastChangeNs: TimeNs
  private statsStartNs: TimeNs

  constructor(channels: number, startNs: TimeNs = 0) {
    if (!Number.isSafeInteger(channels) || channels < 0 || channels > MAX_CHANNELS) {
      throw new RangeError(`channels must be an integer in [0, ${MAX_CHANNELS}], got ${channels}`)
    }
    this.channels = channels
    this.freeStack = new Int32Array(channels)
    // Channel 0 on top: an idle group hands out 0, 1, 2, … in order.
    for (let i = 0; i < channels; i++) this.freeStack[i] = channels - 1 - i
    this.freeCount = channels
    this.inUse = new Uint8Array(channels)
    this.lastChangeNs = startNs
    this.statsStartNs = startNs
  }

  /** Calls offered since the start or the last `resetStatistics`. */
  get offered(): number {
    return this.offeredCalls
  }

  /** Offered calls that got a channel. */
  get carried(): number {
    return this.carriedCalls
  }

  /** Offered calls that found every channel busy. */
  get blocked(): number {
    return this.offeredCalls - this.carriedCalls
  }

  /** Fraction of offered calls blocked (0 before any call): the estimate of Erlang B. */
  get blockingRatio(): number {
    return this.offeredCalls === 0 ? 0 : this.blocked / this.offeredCalls
  }

  get busyChannels(): number {
    return this.busy
  }

  /** Offers a call at `nowNs`: the channel it seizes, or -1 if it is blocked. */
  seize(nowNs: TimeNs): number {
    this.offeredCalls++
    if (this.freeCount === 0) return -1
    this.advance(nowNs)
    const channel = this.freeStack[--this.freeCount]!
    this.inUse[channel] = 1
    this.busy++
    this.carriedCalls++
    return channel
  }

  /** Frees a channel that `seize` handed out. */
  release(channel: number, nowNs: TimeNs): void {
    if (this.inUse[channel] !== 1) throw new RangeError(`channel ${channel} is not in use`)
    this.advance(nowNs)
    this.inUse[channel] = 0
    this.freeStack[this.freeCount++] = channel
    this.busy--
  }

  /**
   * Time-weighted mean of busy channels from the statistics start to `nowNs`: the carried
   * traffic in Erlangs. Over an empty interval, the current number of busy channels.
   */
  meanBusyChannels(nowNs: TimeNs): number {
    const elapsedNs = nowNs - this.statsStartNs
    if (!(nowNs >= this.lastChangeNs)) throw new RangeError(`time ${nowNs} ns is before the last change at ${this.lastChangeNs} ns`)
    if (elapsedNs === 0) return this.busy
    return (this.busyChannelNs + this.busy * (nowNs - this.lastChangeNs)) / elapsedNs
  }

  /** Starts the counters and the time average afresh at `nowNs` (after a warm-up); calls in progress stay. */
  resetStatistics(nowNs: TimeNs): void {
    this.advance(nowNs)
    this.offeredCalls = 0
    this.carriedCalls = 0
    this.busyChannelNs = 0
    this.statsStartNs = nowNs
  }

  private advance(nowNs: TimeNs): void {
    if (!(nowNs >= this.lastChangeNs)) throw new RangeError(`time ${nowNs} ns is before the last change at ${this.lastChangeNs} ns`)
    this.busyChannelNs += this.busy * (nowNs - this.lastChangeNs)
    this.lastChangeNs = nowNs
  }
}
