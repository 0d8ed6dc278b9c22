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
  /** One voice packet at the IP layer, every header of the call's stack included (links add their framing). */
  packetBytes: Schema.Number,
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

/** One direction of a call's video. Not scored: G.107's E-model rates speech, not pictures. */
export const VideoStreamReport = Schema.Struct({
  from: Schema.String,
  to: Schema.String,
  packetsSent: Schema.Number,
  packetsReceived: Schema.Number,
  /** RFC 3550 cumulative number of packets lost in the network (expected − received). */
  packetsLost: Schema.Number,
  /** Arrived after their frame's playout time. */
  packetsLate: Schema.Number,
  lossPercent: Schema.Number,
  framesSent: Schema.Number,
  /** Of the frames due to play by the end of the run: every packet in time. */
  framesComplete: Schema.Number,
  /** Every packet arrived, some after the frame's playout time. */
  framesLate: Schema.Number,
  /** Some packets never arrived. */
  framesIncomplete: Schema.Number,
  /** No packet arrived. */
  framesLost: Schema.Number,
  /** Frames late, incomplete or lost over frames due, in percent: frames the viewer does not see whole and in time. */
  frameLossPercent: Schema.NullOr(Schema.Number),
  /** IP packets (payload + RTP/UDP/IPv4 headers) sent, in bits per second of the call. */
  sentBps: Schema.Number,
  receivedBps: Schema.Number,
  /** RFC 3550 interarrival jitter at the 90 kHz video clock, in ms. */
  jitterMs: Schema.Number,
  /** Per packet, send → arrival. */
  oneWayDelayMs: Schema.Struct({ mean: Ms, p95: Ms }),
  /** Capture → arrival of the frame's last packet, over frames whose packets all arrived. */
  frameDelayMs: Schema.Struct({ mean: Ms, p95: Ms }),
})

/** A call's video: its settings and one stream per direction, in the order of the call's streams. */
export const VideoReport = Schema.Struct({
  targetBitrateBps: Schema.Number,
  frameRate: Schema.Number,
  playoutDelayMs: Schema.Number,
  streams: Schema.Array(VideoStreamReport),
})

export const CallReport = Schema.Struct({
  id: Schema.String,
  codec: Schema.String,
  ptimeMs: Schema.Number,
  streams: Schema.Array(StreamReport),
  /** Only on calls with video. */
  video: Schema.optionalKey(VideoReport),
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
  /** What the direction puts around each IP packet on the wire: none, ethernet, ppp, … */
  framing: Schema.String,
  /** Voice packets' RTP/UDP/IP headers are compressed on this direction (RFC 2508). */
  crtp: Schema.Boolean,
  /** Fraction of the simulated time the transmitter was busy, 0..1. */
  utilization: Schema.Number,
  /** Bits per simulated second put on the wire, framing included: frames whose serialization started. */
  carriedBps: Schema.Number,
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

/** One voice leg of a conference, to or from the bridge: a call's stream statistics, without a score of its own. */
export const ConferenceLegReport = Schema.Struct({
  from: Schema.String,
  to: Schema.String,
  packetsSent: Schema.Number,
  packetsReceived: Schema.Number,
  packetsLost: Schema.Number,
  packetsLate: Schema.Number,
  lossPercent: Schema.Number,
  effectiveLossPercent: Schema.Number,
  burstRatio: Schema.Number,
  jitterMs: Schema.Number,
  oneWayDelayMs: DelaySummaryMs,
  jitterBufferDelayMs: Schema.Struct({ mean: Ms, p95: Ms }),
})

/** One talker as one participant hears them through the bridge (see docs/report.md). */
export const ConferenceTalkerReport = Schema.Struct({
  talker: Schema.String,
  /** 1 − (1 − uplink loss)(1 − downlink loss), each the leg's effective loss, in percent. */
  effectiveLossPercent: Schema.Number,
  burstRatio: Schema.Number,
  /** Talker's packetization and lookahead, uplink, bridge jitter buffer, mixing, bridge's lookahead, downlink, listener's jitter buffer. */
  mouthToEarDelayMs: Schema.Number,
  rFactor: Schema.Number,
  mos: Schema.Number,
})

export const ConferenceParticipantReport = Schema.Struct({
  id: Schema.String,
  /** The participant's voice to the bridge. */
  uplink: ConferenceLegReport,
  /** The bridge's mix of the others to the participant. */
  downlink: ConferenceLegReport,
  talkers: Schema.Array(ConferenceTalkerReport),
  /** The talker this participant hears worst, and that talker's R and MOS. */
  worstTalker: Schema.String,
  rFactor: Schema.Number,
  mos: Schema.Number,
})

export const ConferenceReport = Schema.Struct({
  id: Schema.String,
  bridge: Schema.String,
  codec: Schema.String,
  ptimeMs: Schema.Number,
  mixingDelayMs: Schema.Number,
  /** What the bridge node receives from and sends to the participants, bits per second of the conference. */
  bridgeTraffic: Schema.Struct({ packetsIn: Schema.Number, packetsOut: Schema.Number, inBps: Schema.Number, outBps: Schema.Number }),
  participants: Schema.Array(ConferenceParticipantReport),
})

/** A call load, summarized: its calls are not listed one by one under `calls`. */
export const LoadReport = Schema.Struct({
  id: Schema.String,
  trunks: Schema.Number,
  /** Arrival rate × mean holding time. */
  offeredErlangs: Schema.Number,
  callsOffered: Schema.Number,
  callsBlocked: Schema.Number,
  blockingPercent: Schema.Number,
  /** What Erlang B predicts for the offered traffic on these trunks, to compare with. */
  erlangBPercent: Schema.Number,
  /** Time-weighted mean of busy trunks over the run. */
  carriedErlangs: Schema.Number,
  /** MOS of the streams of the admitted calls that sent voice: mean, 5th percentile, lowest. */
  mos: Schema.Struct({ streams: Schema.Number, mean: Ms, p5: Ms, min: Ms }),
  /** Calls whose SIP set-up failed (only with signaling: sip). */
  setupFailures: Schema.Number,
})

export const Report = Schema.Struct({
  scenario: Schema.String,
  seed: Schema.Number,
  simulatedSeconds: Schema.Number,
  calls: Schema.Array(CallReport),
  links: Schema.Array(LinkReport),
  traffic: Schema.Array(TrafficReport),
  /** Only when the scenario has conferences. */
  conferences: Schema.optionalKey(Schema.Array(ConferenceReport)),
  /** Only when the scenario has call loads. */
  loads: Schema.optionalKey(Schema.Array(LoadReport)),
})

export type Report = typeof Report.Type
export type CallReport = typeof CallReport.Type
export type LoadReport = typeof LoadReport.Type
export type SignalingReport = typeof SignalingReport.Type
export type StreamReport = typeof StreamReport.Type
export type LinkReport = typeof LinkReport.Type
export type LinkClassReport = typeof LinkClassReport.Type
export type TrafficReport = typeof TrafficReport.Type
export type VideoReport = typeof VideoReport.Type
export type VideoStreamReport = typeof VideoStreamReport.Type
export type ConferenceReport = typeof ConferenceReport.Type
export type ConferenceLegReport = typeof ConferenceLegReport.Type
