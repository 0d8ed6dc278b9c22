/**
 * A Reno congestion window counted in packets (RFC 5681): slow start below ssthresh (+1 per ACK,
 * doubling per RTT), congestion avoidance above it (+1/cwnd per ACK, +1 per RTT), halving on loss
 * and a restart from 1 after a retransmission timeout.
 */
export class RenoWindow {
  cwndPackets: number
  ssthreshPackets: number

  constructor(
    initialCwndPackets: number,
    private readonly maxCwndPackets: number = Infinity,
    initialSsthreshPackets: number = Infinity,
  ) {
    if (!(initialCwndPackets >= 1) || !Number.isFinite(initialCwndPackets)) {
      throw new RangeError(`the initial window must be finite and ≥ 1 packet, got ${initialCwndPackets}`)
    }
    if (!(maxCwndPackets >= initialCwndPackets)) throw new RangeError(`the window limit (${maxCwndPackets}) is below the initial window`)
    this.cwndPackets = initialCwndPackets
    this.ssthreshPackets = initialSsthreshPackets // RFC 5681 §3.1: "arbitrarily high" at first
  }

  get inSlowStart(): boolean {
    return this.cwndPackets < this.ssthreshPackets
  }

  /** An ACK of new data. RFC 5681 §3.1: slow start +1 SMSS, congestion avoidance +SMSS·SMSS/cwnd (eq. 3). */
  onAck(): void {
    const grown = this.inSlowStart ? this.cwndPackets + 1 : this.cwndPackets + 1 / this.cwndPackets
    this.cwndPackets = Math.min(grown, this.maxCwndPackets)
  }

  /** A loss found by (duplicate) ACKs: ssthresh = max(FlightSize/2, 2) (RFC 5681 eq. 4, FlightSize ≈ cwnd), cwnd = ssthresh. */
  onLoss(): void {
    this.ssthreshPackets = Math.max(this.cwndPackets / 2, 2)
    this.cwndPackets = this.ssthreshPackets
  }

  /** A retransmission timeout: the same ssthresh, and cwnd = the loss window, 1 packet (RFC 5681 §3.1). */
  onTimeout(): void {
    this.ssthreshPackets = Math.max(this.cwndPackets / 2, 2)
    this.cwndPackets = 1
  }
}
