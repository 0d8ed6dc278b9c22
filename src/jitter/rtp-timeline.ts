/**
 * Maps 32-bit RTP timestamps, which wrap (RFC 3550 §5.1), onto a continuous count of samples since
 * the stream's first packet. Each step is the signed 32-bit difference from the previous packet's
 * timestamp, so reordering and wrap-around are both fine while packets are less than 2^31 samples apart
 * (as WebRTC's TimestampUnwrapper does for NetEq's packet_arrival_history.cc).
 */
export class RtpTimeline {
  private started = false
  private lastTimestamp = 0
  private lastSamples = 0

  /** Samples from the first packet's timestamp to `rtpTimestamp` (negative for a packet older than the first). */
  samplesOf(rtpTimestamp: number): number {
    if (!this.started) {
      this.started = true
      this.lastTimestamp = rtpTimestamp
      return 0
    }
    this.lastSamples += (rtpTimestamp - this.lastTimestamp) | 0
    this.lastTimestamp = rtpTimestamp
    return this.lastSamples
  }
}
