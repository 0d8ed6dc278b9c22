/**
 * Streaming estimate of the E-model burst ratio BurstR from the received / lost pattern of a
 * stream in sequence order, per ITU-T G.107 (06/2015) §7.5: for a 2-state Markov (Gilbert)
 * loss model with p = P(lost | previous received) and r = P(received | previous lost),
 * BurstR = 1 / (p + r); BurstR = 1 for random (Bernoulli) loss, > 1 for bursty loss.
 *
 * p and r are the maximum-likelihood estimates from transition counts. O(1) per packet,
 * no allocation.
 *
 * Degenerate cases:
 * - no loss recorded: 1 (as G.107 prescribes for the loss-free case);
 * - a state with no outgoing transition observed yet contributes 0 to p + r (e.g. losses only
 *   at the start, L L R R R: p = 0, r = 1/2, BurstR = 2);
 * - every recorded packet lost (p + r = 0): 1, since at 100 % loss random loss produces the
 *   same all-lost pattern and BurstR is otherwise undefined.
 */
export class LossBurstiness {
  private total = 0
  private lost = 0
  private previousLost = false
  private fromReceived = 0
  private receivedToLost = 0
  private fromLost = 0
  private lostToReceived = 0

  /** Records the next packet in sequence order: lost or received. */
  record(lost: boolean): void {
    if (this.total > 0) {
      if (this.previousLost) {
        this.fromLost++
        if (!lost) this.lostToReceived++
      } else {
        this.fromReceived++
        if (lost) this.receivedToLost++
      }
    }
    this.previousLost = lost
    this.total++
    if (lost) this.lost++
  }

  /** Records `count` consecutive packets with the same outcome; same result as `count` record() calls. */
  recordRun(lost: boolean, count: number): void {
    if (!(count >= 1)) return
    this.record(lost)
    const rest = Math.floor(count) - 1
    if (rest <= 0) return
    if (lost) {
      this.fromLost += rest
      this.lost += rest
    } else {
      this.fromReceived += rest
    }
    this.total += rest
  }

  /** G.107 BurstR = 1 / (p + r) from the observed transitions; 1 without loss. */
  get burstR(): number {
    if (this.lost === 0) return 1
    const p = this.fromReceived > 0 ? this.receivedToLost / this.fromReceived : 0
    const r = this.fromLost > 0 ? this.lostToReceived / this.fromLost : 0
    const sum = p + r
    return sum > 0 ? 1 / sum : 1
  }

  /** Fraction of recorded packets that were lost, 0..1 (0 before any packet). */
  get lossRate(): number {
    return this.total > 0 ? this.lost / this.total : 0
  }

  /** Loss in percent, the unit of the E-model's Ppl. */
  get lossPercent(): number {
    return this.lossRate * 100
  }

  /** Packets recorded so far. */
  get packetsRecorded(): number {
    return this.total
  }

  /** Forgets everything recorded. */
  reset(): void {
    this.total = 0
    this.lost = 0
    this.previousLost = false
    this.fromReceived = 0
    this.receivedToLost = 0
    this.fromLost = 0
    this.lostToReceived = 0
  }
}
