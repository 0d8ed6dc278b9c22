/**
 * The decoded scenario: what the simulator consumes. Every default is filled
 * in and every quantity is a number in base units, named by its unit:
 *
 *   …Ns    integer nanoseconds
 *   …Bps   bits per second
 *   …Bytes integer bytes
 *   rate   a fraction in 0..1
 *
 * The file format lives in file.ts; normalize.ts maps one onto the other.
 * New node kinds, link options, traffic and events are added here as new
 * union members or fields.
 */
import { Schema } from "effect"
import { LINK_FRAMINGS, type Tunnel as TunnelSpec } from "../media/overhead/index.ts"
import { PRIORITY_CLASSES } from "../network/dscp.ts"
import type { DelaySpec, LossSpec } from "../network/impairment-spec.ts"
import type { CapacityTrace as TraceSpec } from "../network/trace/capacity-trace.ts"
import type { TrafficConfig } from "../traffic/traffic-config.ts"
import { CODEC_NAMES } from "./codecs.ts"

/** Endpoints terminate calls; routers and switches only forward. */
export const ENDPOINT_KINDS = ["phone", "softphone", "pbx", "sbc", "bridge", "host"] as const
export const NodeKind = Schema.Literals([...ENDPOINT_KINDS, "router", "switch"])

export const Node = Schema.Struct({
  id: Schema.String,
  kind: NodeKind,
})

const isObject = (u: unknown): u is never => typeof u === "object" && u !== null

/** netem-style delay: propagation plus a random variation (see src/network/impairment-spec.ts). */
export const Delay = Schema.declare<DelaySpec>(isObject)

/** Bernoulli, Gilbert–Elliott or 4-state Markov loss, with netem's semantics. */
export const Loss = Schema.declare<LossSpec>(isObject)

const RateLimit = Schema.Struct({ class: Schema.Literals(PRIORITY_CLASSES), rateBps: Schema.Number, burstBytes: Schema.Number })

/** mahimahi-style delivery opportunities (see src/network/trace/capacity-trace.ts). */
export const CapacityTrace = Schema.declare<TraceSpec>(isObject)

/** One direction of a link, after preset, shared fields, per-direction overrides and defaults. */
export const LinkDirection = Schema.Struct({
  /** The serialization rate; with a capacity trace, the trace's mean rate. */
  bandwidthBps: Schema.Number,
  /** Packets leave at the trace's delivery opportunities instead of at bandwidthBps. */
  capacityTrace: Schema.optionalKey(CapacityTrace),
  delay: Delay,
  loss: Loss,
  duplicateRate: Schema.Number,
  corruptRate: Schema.Number,
  /** Packets never overtake each other (delays stretch instead). */
  keepOrder: Schema.Boolean,
  /** What the link puts around each IP packet on the wire (src/media/overhead/link-framing.ts). */
  framing: Schema.Literals(LINK_FRAMINGS),
  /** RFC 2508 compression of voice packets' RTP/UDP/IP headers; false when off. */
  crtp: Schema.Union([Schema.Boolean, Schema.Struct({ headerBytes: Schema.Literals([2, 4]) })]),
  queue: Schema.Struct({
    discipline: Schema.Literals(["fifo", "priority"]),
    /** Infinity when the file sets no limit of that kind. */
    limitBytes: Schema.Number,
    limitPackets: Schema.Number,
    /** Token buckets per priority class (priority discipline only). */
    shape: Schema.Array(RateLimit),
    police: Schema.Array(RateLimit),
  }),
})

export const Link = Schema.Struct({
  id: Schema.String,
  between: Schema.Tuple([Schema.String, Schema.String]),
  /** Routing cost of either direction. */
  cost: Schema.Number,
  /** between[0] → between[1]. */
  up: LinkDirection,
  /** between[1] → between[0]. */
  down: LinkDirection,
})

export const JitterBuffer = Schema.Struct({ kind: Schema.Literal("fixed"), delayNs: Schema.Number })

/** A call's video, both ways: the stream model's settings (src/media/video) and the receiver's playout delay. */
export const Video = Schema.Struct({
  targetBitrateBps: Schema.Number,
  frameRateFps: Schema.Number,
  keyFrameIntervalFrames: Schema.Number,
  keyFrameSizeRatio: Schema.Number,
  frameSizeCv: Schema.Number,
  maxPayloadBytes: Schema.Number,
  pacing: Schema.Literals(["paced", "burst"]),
  dscp: Schema.Number,
  /** A frame plays this long after its first packet would (as the voice's fixed jitter buffer). */
  playoutDelayNs: Schema.Number,
})

export const Call = Schema.Struct({
  id: Schema.String,
  from: Schema.String,
  to: Schema.String,
  codec: Schema.Literals(CODEC_NAMES),
  /** Audio per packet. */
  ptimeNs: Schema.Number,
  jitterBuffer: JitterBuffer,
  /** Packet-loss concealment (the E-model's Bpl depends on it). */
  plc: Schema.Boolean,
  startNs: Schema.Number,
  /** Media duration; with SIP, of the caller's media, from the 200 OK to its BYE. */
  durationNs: Schema.Number,
  /** The voice packets' header stack, end to end (src/media/overhead/voice-packet-layers.ts). */
  ipVersion: Schema.Literals([4, 6]),
  /** SRTP authentication tag per packet; 0 for plain RTP. */
  srtpTagBytes: Schema.Number,
  /** Every voice packet travels inside this tunnel on every link of its path. */
  tunnel: Schema.optionalKey(Schema.declare<TunnelSpec>(isObject)),
  /** Video both ways beside the voice, when the call has it. */
  video: Schema.optionalKey(Video),
  /** Voice activity detection with DTX; absent: voice every ptime. */
  vad: Schema.optionalKey(Schema.Boolean),
  /** SIP set-up and tear-down over the network; absent: media from startNs, no signaling. */
  sip: Schema.optionalKey(Schema.Struct({ dscp: Schema.Number, ringTimeNs: Schema.Number })),
})

/** Participants send their voice to the bridge; the bridge sends each of them the mix of the others. */
export const Conference = Schema.Struct({
  id: Schema.String,
  bridge: Schema.String,
  participants: Schema.Array(Schema.String),
  codec: Schema.Literals(CODEC_NAMES),
  ptimeNs: Schema.Number,
  /** The bridge's buffer for each inbound leg, and each participant's for its mix. */
  jitterBuffer: JitterBuffer,
  plc: Schema.Boolean,
  startNs: Schema.Number,
  durationNs: Schema.Number,
  /** The bridge's decode, mix and re-encode, added to every talker-to-listener delay. */
  mixingDelayNs: Schema.Number,
})

/**
 * A scheduled change, in time order (equal times keep file order). `state` switches the given
 * directions down or up; `up`/`down` are a direction's complete settings from then on (the
 * file's `set` fields applied over everything before), absent when that direction is untouched.
 */
export const Event = Schema.Struct({
  atNs: Schema.Number,
  link: Schema.String,
  directions: Schema.Array(Schema.Literals(["up", "down"])),
  state: Schema.optionalKey(Schema.Literals(["up", "down"])),
  up: Schema.optionalKey(LinkDirection),
  down: Schema.optionalKey(LinkDirection),
})

/** A cross-traffic source: its ends and its decoded settings (see src/traffic/traffic-config.ts). */
export const Traffic = Schema.Struct({
  id: Schema.String,
  from: Schema.String,
  to: Schema.String,
  config: Schema.declare<TrafficConfig>(isObject),
})

/**
 * A call load: Poisson arrivals at `callsPerHour`, holding times of mean `holdingNs`, offered to
 * `trunks`; the calls admitted are like `call`, arriving from its startNs for its durationNs.
 */
export const Load = Schema.Struct({
  id: Schema.String,
  callsPerHour: Schema.Number,
  holdingNs: Schema.Number,
  holdingDistribution: Schema.Literals(["exponential", "fixed"]),
  trunks: Schema.Number,
  call: Call,
})

export const ScenarioModel = Schema.Struct({
  name: Schema.String,
  seed: Schema.Number,
  durationNs: Schema.Number,
  nodes: Schema.Array(Node),
  links: Schema.Array(Link),
  calls: Schema.Array(Call),
  traffic: Schema.Array(Traffic),
  events: Schema.Array(Event),
  /** Absent when the file has none. */
  conferences: Schema.optionalKey(Schema.Array(Conference)),
  /** Absent when the file has none. */
  loads: Schema.optionalKey(Schema.Array(Load)),
})
