import { Schema } from "effect"

/**
 * The run report: the public contract of `voiplab run --json`. Fields may be added; renaming one
 * needs a reason in the changelog. Times in ms, rates as percentages or fractions as named.
 * A statistic over no samples (a stream that received nothing) is null.
 */
const Ms = Schema.NullOr(Schema.Number)

export const DelaySummaryMs = Schema.Struct({ mean: Ms, p50: Ms, p95: Ms, p99: Ms, max: Ms })

export const StreamReport = Schema.Struct({
  from: Schema.String,
  to: Schema.String,
  /** Every RTP packet: voice and silence descriptors. */
  packetsSent: Schema.Number,
  voicePacketsSent: Schema.Number,
  /** Silence-descriptor (comfort-noise) packets, one as each pause starts (VAD only). */
  sidPacketsSent: Schema.Number,
  /** Fraction of the sender's ptime ticks that sent voice: 1 without VAD; null before it sent. */
  voiceActivity: Schema.NullOr(Schema.Number),
  packetsReceived: Schema.Number,
  /** RFC 3550 cumulative number of packets lost in the network (expected − received). */
  packetsLost: Schema.Number,
  /** Arrived after their playout time: discarded by the jitter buffer. */
  packetsLate: Schema.Number,
  /** Network loss, RFC 3550: packetsLost / expected, in percent. */
  lossPercent: Schema.Number,
  /** Frames concealed at playout (network loss and late loss together), in percent: the E-model's Ppl. */
  effectiveLossPercent: Schema.Number,
  /** G.107 BurstR estimated from the playout loss pattern (1 = random loss). */
  burstRatio: Schema.Number,
  /** RFC 3550 interarrival jitter at the end of the stream. */
  jitterMs: Schema.Number,
  oneWayDelayMs: DelaySummaryMs,
  jitterBufferDelayMs: Schema.Struct({ mean: Ms, p95: Ms }),
  /** Packetization + codec lookahead + mean network delay + mean jitter-buffer delay: the E-model's Ta. */
  mouthToEarDelayMs: Schema.Number,
  /** Null when the stream sent no voice (its call failed, or its side never talked): there is nothing to score. */
  rFactor: Schema.NullOr(Schema.Number),
  mos: Schema.NullOr(Schema.Number),
})

/** How a call's SIP set-up and tear-down went (see docs/sip.md for the model). */
export const SignalingReport = Schema.Struct({
  protocol: Schema.Literal("sip"),
  /** "calling": no final response yet when the run ended; "idle": the run ended before the call. */
  outcome: Schema.Literals(["idle", "calling", "established", "timeout", "rejected", "no-common-codec"]),
  /** The final response to the INVITE; null after Timer B or without one. */
  finalStatusCode: Schema.NullOr(Schema.Number),
  /** First INVITE → first 180 Ringing (or the 200 OK when none came before it) at the caller. */
  postDialDelayMs: Ms,
  /** First INVITE → 200 OK at the caller. */
  setupTimeMs: Ms,
  /** First INVITE → the caller learns the call failed (Timer B, or a failure response). */
  failedAfterMs: Ms,
  retransmissions: Schema.Struct({
    invite: Schema.Number,
    responseToInviteCopy: Schema.Number,
    finalResponse: Schema.Number,
    ack: Schema.Number,
    bye: Schema.Number,
    byeResponse: Schema.Number,
  }),
  /** Both user agents' messages and their IP bytes, retransmissions included. */
  messagesSent: Schema.Number,
  bytesSent: Schema.Number,
})

export const CallReport = Schema.Struct({
  id: Schema.String,
  codec: Schema.String,
  ptimeMs: Schema.Number,
  streams: Schema.Array(StreamReport),
  /** Only for calls with signaling. */
  signaling: Schema.optionalKey(SignalingReport),
})

const QueueDelayMs = Schema.Struct({ mean: Ms, p95: Ms, max: Ms })

/** One DSCP priority class on a link direction (EF, AF, best effort), whatever the queue discipline. */
export const LinkClassReport = Schema.Struct({
  class: Schema.String,
  packetsSent: Schema.Number,
  packetsDropped: Schema.Number,
  queueDelayMs: QueueDelayMs,
})

export const LinkReport = Schema.Struct({
  id: Schema.String,
  direction: Schema.String,
  bandwidthBps: Schema.Number,
  /** Fraction of the simulated time the transmitter was busy, 0..1. */
  utilization: Schema.Number,
  packetsSent: Schema.Number,
  packetsDelivered: Schema.Number,
  /** Refused by the full egress queue. */
  packetsDropped: Schema.Number,
  /** Lost by the channel's loss model. */
  packetsLost: Schema.Number,
  /** Arrived damaged and discarded by the receiver's checksum. */
  packetsCorrupted: Schema.Number,
  /** Extra copies the channel made. */
  packetsDuplicated: Schema.Number,
  /** Offered while the link was down, or queued, on the wire or propagating when it went down. */
  packetsDroppedDown: Schema.Number,
  /** Still queued, on the wire or propagating when the run ended. */
  packetsInFlight: Schema.Number,
  queueDelayMs: QueueDelayMs,
  classes: Schema.Array(LinkClassReport),
})

/** One cross-traffic source: what it sent and what arrived. */
export const TrafficReport = Schema.Struct({
  id: Schema.String,
  kind: Schema.String,
  from: Schema.String,
  to: Schema.String,
  packetsSent: Schema.Number,
  packetsReceived: Schema.Number,
  /** Reported dropped by the network: queues, channel loss, corruption, link down. */
  packetsDropped: Schema.Number,
  /** Bits received per simulated second. */
  goodputBps: Schema.Number,
  oneWayDelayMs: Schema.Struct({ mean: Ms, max: Ms }),
})

export const Report = Schema.Struct({
  scenario: Schema.String,
  seed: Schema.Number,
  simulatedSeconds: Schema.Number,
  calls: Schema.Array(CallReport),
  links: Schema.Array(LinkReport),
  traffic: Schema.Array(TrafficReport),
})

export type Report = typeof Report.Type
export type CallReport = typeof CallReport.Type
export type SignalingReport = typeof SignalingReport.Type
export type StreamReport = typeof StreamReport.Type
export type LinkReport = typeof LinkReport.Type
export type LinkClassReport = typeof LinkClassReport.Type
export type TrafficReport = typeof TrafficReport.Type
