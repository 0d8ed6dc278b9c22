import type { TimeNs } from "../../../sim/time.ts"
import type { TalkspurtSource } from "./talkspurt-source.ts"

/**
 * What a talker does at a sampled instant. Bit 0: talking; bit 1: the first sample of this
 * talkspurt or pause. A DTX sender sends voice while talking (RTP marker bit on TALKSPURT_START,
 * RFC 3551 §4.1) and a comfort-noise/SID update on SILENCE_START (RFC 3389 §4).
 */
export type Activity = 0 | 1 | 2 | 3
export const SILENT = 0
export const TALKING = 1
export const SILENCE_START = 2
export const TALKSPURT_START = 3

/**
 * Samples a talker at the sender's packetization ticks, in non-decreasing time order. A start is
 * flagged on the first sample of each run of talking (or silent) samples, so every run of voice
 * packets carries exactly one marker. Like a frame-based VAD, it cannot see a pause or talkspurt
 * that falls between two samples: such a pause merges the talkspurts around it.
 */
export class ActivitySampler {
  private lastNs = -1
  /** Talking at the previous sample; -1 before the first sample. */
  private last = -1

  constructor(private readonly source: TalkspurtSource) {}

  sample(tNs: TimeNs): Activity {
    if (!(tNs >= this.lastNs)) throw new RangeError(`samples must not go back in time: ${tNs} ns after ${this.lastNs} ns`)
    const source = this.source
    if (tNs < source.periodStartNs) throw new RangeError(`${tNs} ns is before the talker starts at ${source.periodStartNs} ns`)
    while (tNs >= source.periodEndNs) source.nextPeriod()
    this.lastNs = tNs
    const talking = source.talking ? 1 : 0
    const started = talking !== this.last
    this.last = talking
    return (started ? talking | 2 : talking) as Activity
  }

  /**
   * When the period holding at the last sample ends: a sender that sleeps through a pause can
   * schedule its next tick for the first one at or after this time.
   */
  get changeNs(): TimeNs {
    return this.source.periodEndNs
  }
}
