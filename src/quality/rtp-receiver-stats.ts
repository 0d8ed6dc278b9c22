/**
 * RFC 3550 receiver statistics for one RTP stream (one SSRC): sequence-number tracking with
 * wrap-around (Appendix A.1), expected / lost counts (Appendix A.3) and the interarrival
 * jitter estimate (Appendix A.8 and §6.4.1).
 *
 * Runs once per received packet in the simulator's hot loop: O(1), no allocation.
 *
 * Deliberate simplifications, all documented here:
 * - No probation (A.1 MIN_SEQUENTIAL): the simulator knows its sources, so the first packet
 *   is trusted and initialises the sequence state (as A.1 does once probation ends).
 * - Large jumps follow A.1 exactly: a jump of MAX_DROPOUT (3000) or more ahead, or more than
 *   MAX_MISORDER (100) behind, is not counted; if the very next packet continues from it
 *   (seq === bad_seq) the stream is assumed to have restarted and all counters are re-based
 *   on that packet (A.1 init_seq). As in A.1, the rejected packet itself is never counted.
 * - On such a re-sync the jitter estimate J is kept but the transit reference is reset, so the
 *   discontinuity of the restarted source's timestamps does not enter J as one huge |D|.
 * - Jitter is kept as a float in RTP timestamp units and arrival times are not rounded to
 *   timestamp ticks (A.8 uses integers); D is computed from arrival and timestamp
 *   *differences*, the timestamp difference taken modulo 2^32 as a signed 32-bit value,
 *   which is the A.8 transit difference with 32-bit timestamp wrap handled.
 * - packetsLost is the true cumulative count; the 24-bit clamp applies only when it is
 *   written into an RTCP report block (§6.4.1) and is left to the RTCP writer.
 */

// RFC 3550 Appendix A.1: RTP_SEQ_MOD = 1 << 16, MAX_DROPOUT = 3000, MAX_MISORDER = 100.
const RTP_SEQ_MOD = 65536
const MAX_DROPOUT = 3000
const MAX_MISORDER = 100

const NS_PER_S = 1e9

export class RtpReceiverStats {
  readonly clockRateHz: number

  private started = false
  private baseSeq = 0
  private maxSeq = 0
  private cycles = 0
  private badSeq = RTP_SEQ_MOD + 1
  private received = 0

  private hasTransitReference = false
  private lastArrivalNs = 0
  private lastRtpTimestamp = 0
  private jitter = 0

  constructor(clockRateHz: number) {
    if (!(Number.isFinite(clockRateHz) && clockRateHz > 0)) {
      throw new RangeError(`clockRateHz must be a positive finite number, got ${clockRateHz}`)
    }
    this.clockRateHz = clockRateHz
  }

  /**
   * Feeds one received packet, in arrival order.
   * @param seq 16-bit RTP sequence number (masked to 16 bits)
   * @param rtpTimestamp 32-bit unsigned RTP timestamp (taken modulo 2^32)
   * @param arrivalNs arrival time at the receiver, nanoseconds on the simulation clock
   */
  onPacket(seq: number, rtpTimestamp: number, arrivalNs: number): void {
    const seq16 = seq & 0xffff
    const ts32 = rtpTimestamp >>> 0

    if (!this.started) {
      this.started = true
      this.initSeq(seq16)
      this.received = 1
      this.setTransitReference(arrivalNs, ts32)
      return
    }

    // RFC 3550 A.1 update_seq(): udelta = seq - max_seq as a 16-bit unsigned value.
    const udelta = (seq16 - this.maxSeq) & 0xffff
    let resynced = false
    if (udelta < MAX_DROPOUT) {
      // In order, with a permissible gap; a smaller seq means the 16-bit counter wrapped.
      if (seq16 < this.maxSeq) this.cycles += RTP_SEQ_MOD
      this.maxSeq = seq16
    } else if (udelta <= RTP_SEQ_MOD - MAX_MISORDER) {
      // A very large jump: accept only if the next packet continues it (A.1 bad_seq).
      if (seq16 === this.badSeq) {
        this.initSeq(seq16)
        resynced = true
      } else {
        this.badSeq = (seq16 + 1) & 0xffff
        return
      }
    }
    // else: duplicate or reordered packet; counted as received, max_seq unchanged.
    this.received++

    if (this.hasTransitReference && !resynced) this.updateJitter(arrivalNs, ts32)
    this.setTransitReference(arrivalNs, ts32)
  }

  /** Packets counted as received, duplicates included (RFC 3550 A.3). */
  get packetsReceived(): number {
    return this.received
  }

  /** Extended highest sequence number received: cycles * 65536 + max_seq (RFC 3550 A.1). 0 before any packet. */
  get extendedHighestSeq(): number {
    return this.cycles + this.maxSeq
  }

  /** RFC 3550 A.3: expected = extended max - base_seq + 1 (0 before any packet). */
  get packetsExpected(): number {
    return this.started ? this.cycles + this.maxSeq - this.baseSeq + 1 : 0
  }

  /** RFC 3550 A.3 / §6.4.1: expected - received; negative when duplicates outnumber losses. */
  get packetsLost(): number {
    return this.packetsExpected - this.received
  }

  /** RFC 3550 A.8 interarrival jitter J in RTP timestamp units (float). */
  get jitterRtpUnits(): number {
    return this.jitter
  }

  /** Interarrival jitter J converted to milliseconds: J / clockRateHz * 1000. */
  get jitterMs(): number {
    return (this.jitter * 1000) / this.clockRateHz
  }

  /** Forgets everything, as if newly constructed with the same clock rate. */
  reset(): void {
    this.started = false
    this.baseSeq = 0
    this.maxSeq = 0
    this.cycles = 0
    this.badSeq = RTP_SEQ_MOD + 1
    this.received = 0
    this.hasTransitReference = false
    this.lastArrivalNs = 0
    this.lastRtpTimestamp = 0
    this.jitter = 0
  }

  // RFC 3550 A.1 init_seq(); received is reset here and incremented by the caller.
  private initSeq(seq16: number): void {
    this.baseSeq = seq16
    this.maxSeq = seq16
    this.badSeq = RTP_SEQ_MOD + 1
    this.cycles = 0
    this.received = 0
  }

  // RFC 3550 A.8 / §6.4.1: D(i,j) = (Rj - Ri) - (Sj - Si); J += (|D| - J) / 16.
  private updateJitter(arrivalNs: number, ts32: number): void {
    const arrivalDeltaRtpUnits = ((arrivalNs - this.lastArrivalNs) * this.clockRateHz) / NS_PER_S
    const timestampDeltaRtpUnits = (ts32 - this.lastRtpTimestamp) | 0
    const d = arrivalDeltaRtpUnits - timestampDeltaRtpUnits
    const absD = d < 0 ? -d : d
    this.jitter += (absD - this.jitter) / 16
  }

  private setTransitReference(arrivalNs: number, ts32: number): void {
    this.hasTransitReference = true
    this.lastArrivalNs = arrivalNs
    this.lastRtpTimestamp = ts32
  }
}
