/**
 * The scenario file format, field by field, as the user writes it.
 *
 * Decoding this schema converts units (see quantities.ts) and applies the
 * defaults that need no context; they are declared next to their field, in
 * the file's own syntax. The two defaults that depend on the rest of the
 * scenario (a call's id and duration) stay optional here and are filled in
 * by normalize.ts. Keys keep the file's names so that issue paths point at
 * the text the user wrote.
 */
import { Effect, Schema, SchemaGetter, SchemaIssue } from "effect"
import { findCodec, ptimeAllowed } from "../media/codecs.ts"
import { SRTP_TAG_BYTES } from "../media/headers.ts"
import { LINK_FRAMINGS } from "../media/overhead/index.ts"
import { VIDEO_STREAM_DEFAULTS } from "../media/video/video-config.ts"
import { DSCP, PRIORITY_CLASSES } from "../network/dscp.ts"
import type { ImpairmentSpec } from "../network/impairment-spec.ts"
import { parseNetem } from "../network/netem/parse-netem.ts"
import { CapacityTraceField } from "./capacity-trace.ts"
import { CODEC_NAMES, resolveCodec, unknownCodecMessage } from "./codecs.ts"
import { NodeKind } from "./model.ts"
import { BitRate, ByteSize, Duration, Percentage, PositiveDuration } from "./quantities.ts"
import { formatDuration } from "./units.ts"

// A default written in the file's own syntax ("64KB"), decoded like user input.
const defaultTo = <S extends Schema.Constraint>(encoded: S["Encoded"]) => Schema.withDecodingDefaultKey<S>(Effect.succeed(encoded))

const ID_EXPECTED = `an id made of letters, digits, "-", "_" or ".", like alice`
const Id = Schema.String.annotate({ expected: ID_EXPECTED }).check(
  Schema.isPattern(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/u, { expected: ID_EXPECTED }),
)

const Name = Schema.String.annotate({ expected: "a name, like Two phones on a LAN" }).check(
  Schema.isPattern(/\S/u, { expected: "a name that is not blank" }),
)

// A safe integer, so the seed survives a round trip through JSON and the CLI.
const Seed = Schema.Number.annotate({ expected: "a whole number ≥ 0, like 1" }).check(
  Schema.makeFilter((n: number) => Number.isSafeInteger(n) && n >= 0, {
    expected: `a whole number from 0 to ${Number.MAX_SAFE_INTEGER}`,
  }),
)

/** A routing cost: a plain number > 0 (no unit); paths minimise the sum. */
const Cost = Schema.Number.annotate({ expected: "a routing cost: a number greater than 0, like 10" }).check(
  Schema.makeFilter((n: number) => Number.isFinite(n) && n > 0, { expected: "a routing cost greater than 0, like 10" }),
)

/** A whole number of packets > 0 (a count needs no unit). */
const PositiveCount = Schema.Number.annotate({ expected: "a whole number of packets, like 100" }).check(
  Schema.makeFilter((n: number) => Number.isSafeInteger(n) && n > 0, { expected: "a whole number of packets greater than 0, like 100" }),
)

const Node = Schema.Struct({
  id: Id,
  kind: NodeKind.annotate({ expected: `a node kind: ${NodeKind.literals.join(", ")}` }),
})

const Correlation = Schema.optionalKey(Percentage)

const Jitter = Schema.Union([
  Duration, // shorthand: uniform ± this much, as in netem
  Schema.Struct({ distribution: Schema.Literal("none") }),
  Schema.Struct({ distribution: Schema.Literal("uniform"), range: Duration, correlation: Correlation }),
  // One member per table distribution, so a wrong name lists every choice.
  ...(["normal", "pareto", "paretonormal"] as const).map((name) =>
    Schema.Struct({ distribution: Schema.Literal(name), stddev: Duration, correlation: Correlation }),
  ),
]).annotate({
  expected:
    "a jitter like 0.2ms, { distribution: uniform, range: 0.2ms } or { distribution: normal|pareto|paretonormal, stddev: 0.2ms, correlation: 25% }",
})

const Loss = Schema.Union([
  Percentage, // shorthand: Bernoulli
  Schema.Struct({ model: Schema.Literal("bernoulli"), rate: Percentage, correlation: Correlation }),
  // netem `loss gemodel p [r [1-h [1-k]]]`
  Schema.Struct({
    model: Schema.Literal("gilbert-elliott"),
    p: Percentage,
    r: Schema.optionalKey(Percentage),
    lossInBad: Schema.optionalKey(Percentage),
    lossInGood: Schema.optionalKey(Percentage),
  }),
  // netem `loss state p13 [p31 [p32 [p23 [p14]]]]`
  Schema.Struct({
    model: Schema.Literal("markov4"),
    p13: Percentage,
    p31: Schema.optionalKey(Percentage),
    p32: Schema.optionalKey(Percentage),
    p23: Schema.optionalKey(Percentage),
    p14: Schema.optionalKey(Percentage),
  }),
]).annotate({
  expected: "a loss like 0.1%, { model: bernoulli, rate: 0.1% }, { model: gilbert-elliott, p: 1%, r: 30% } or { model: markov4, p13: 1% }",
})

const PriorityClass = Schema.Literals(PRIORITY_CLASSES).annotate({ expected: `a priority class: ${PRIORITY_CLASSES.join(", ")}` })

/** A token bucket on one priority class: hold packets until they conform (shape) or drop the excess (police). */
const RateLimit = Schema.Struct({ class: PriorityClass, rate: BitRate, burst: ByteSize })

const Queue = Schema.Struct({
  discipline: Schema.optionalKey(
    Schema.Literals(["fifo", "priority"]).annotate({ expected: "a queue discipline: fifo or priority (strict priority by DSCP)" }),
  ),
  limit: Schema.optionalKey(ByteSize),
  limitPackets: Schema.optionalKey(PositiveCount),
  shape: Schema.optionalKey(Schema.Array(RateLimit)),
  police: Schema.optionalKey(Schema.Array(RateLimit)),
})

/** A netem option string, decoded by parseNetem: the message of a bad one lands at the field. */
const NetemString = Schema.String.annotate({ expected: 'netem options, like "delay 40ms 10ms 25% loss gemodel 1% 30%"' }).pipe(
  Schema.decodeTo(Schema.declare<ImpairmentSpec>((u): u is ImpairmentSpec => typeof u === "object" && u !== null), {
    decode: SchemaGetter.transformEffect((text: string) => {
      const parsed = parseNetem(text)
      if (!parsed.ok) return Effect.fail(new SchemaIssue.InvalidValue({ message: `netem: ${parsed.message}` }))
      if (parsed.spec.reorder.rate > 0)
        return Effect.fail(new SchemaIssue.InvalidValue({ message: "netem reorder is not simulated; jitter reorders packets as in netem" }))
      return Effect.succeed(parsed.spec)
    }),
    encode: SchemaGetter.forbidden(() => "netem strings are not written back"),
  }),
)

const Framing = Schema.Literals(LINK_FRAMINGS).annotate({ expected: `a link framing: ${LINK_FRAMINGS.join(", ")}` })

/** RFC 2508 header compression of the voice packets: `true` (2 bytes over IPv4, 4 over IPv6) or the header size. */
const Crtp = Schema.Union([
  Schema.Boolean,
  Schema.Struct({ headerBytes: Schema.Literals([2, 4]).annotate({ expected: "2 or 4 (with the UDP checksum)" }) }),
]).annotate({ expected: "true, false or { headerBytes: 2 } (RFC 2508 cRTP)" })

/** What a link direction can be given; every field optional here, defaults apply after presets and overrides. */
const linkParams = {
  bandwidth: Schema.optionalKey(BitRate),
  /** Instead of bandwidth: mahimahi-style delivery opportunities (src/scenario/capacity-trace.ts). */
  capacityTrace: Schema.optionalKey(CapacityTraceField),
  delay: Schema.optionalKey(Duration),
  jitter: Schema.optionalKey(Jitter),
  loss: Schema.optionalKey(Loss),
  duplicate: Schema.optionalKey(Percentage),
  corrupt: Schema.optionalKey(Percentage),
  keepOrder: Schema.optionalKey(Schema.Boolean.annotate({ expected: "true or false" })),
  /** Instead of delay, jitter, loss, duplicate and corrupt: the same written as netem options. */
  impairment: Schema.optionalKey(NetemString),
  queue: Schema.optionalKey(Queue),
  /** What the link puts around each IP packet (src/media/overhead/link-framing.ts); default none. */
  framing: Schema.optionalKey(Framing),
  /** cRTP on the voice packets; ppp, mlppp and frame-relay only (consistency.ts). */
  crtp: Schema.optionalKey(Crtp),
}

export const LinkParams = Schema.Struct(linkParams)
export type LinkParams = typeof LinkParams.Type

/** A preset: shared fields and per-direction overrides, as a link would write them. */
export const PresetLink = Schema.Struct({ ...linkParams, up: Schema.optionalKey(LinkParams), down: Schema.optionalKey(LinkParams) })

const Link = Schema.Struct({
  id: Id,
  between: Schema.Tuple([Id, Id]).annotate({ expected: "two node ids, like [alice, bob]" }),
  preset: Schema.optionalKey(Schema.String.annotate({ expected: "a link preset name, like dsl-8m-1m" })),
  cost: Schema.optionalKey(Cost),
  ...linkParams,
  /** Overrides for the direction from the first node of `between` to the second. */
  up: Schema.optionalKey(LinkParams),
  /** Overrides for the direction from the second node to the first. */
  down: Schema.optionalKey(LinkParams),
})

const Codec = Schema.String.annotate({ expected: "a codec name, like G.711u" }).pipe(
  Schema.decodeTo(Schema.Literals(CODEC_NAMES), {
    decode: SchemaGetter.transformEffect((text: string) => {
      const codec = resolveCodec(text)
      return codec === undefined
        ? Effect.fail(new SchemaIssue.InvalidValue({ message: unknownCodecMessage(text) }))
        : Effect.succeed(codec)
    }),
    encode: SchemaGetter.transform((codec: string) => codec),
  }),
)

const JitterBuffer = Schema.Union([
  Duration, // shorthand: fixed, this deep
  Schema.Struct({ kind: Schema.Literal("fixed"), delay: Duration }),
]).annotate({ expected: "a jitter buffer like 60ms or { kind: fixed, delay: 60ms }" })

const SRTP_EXPECTED = `true, false or an SRTP crypto suite: ${Object.keys(SRTP_TAG_BYTES).join(", ")}`

/** SRTP's authentication tag; `true` means AES_CM_128_HMAC_SHA1_80, a 10-byte tag (RFC 4568 §6.2.1). */
const Srtp = Schema.Union([
  Schema.Boolean,
  Schema.Literals(Object.keys(SRTP_TAG_BYTES) as (keyof typeof SRTP_TAG_BYTES)[]).annotate({ expected: SRTP_EXPECTED }),
]).annotate({ expected: SRTP_EXPECTED })

const EspCipher = Schema.Literals(["aes-gcm-16", "aes-cbc-hmac-sha1-96"]).annotate({ expected: "an ESP cipher: aes-gcm-16 or aes-cbc-hmac-sha1-96" })

const TUNNEL_EXPECTED = "a tunnel: wireguard, or { kind: ipsec-esp, cipher: aes-gcm-16 or aes-cbc-hmac-sha1-96, natTraversal: true }"

/** A tunnel the voice packets travel in, end to end; ESP names its cipher, which sets its padding and trailer. */
const Tunnel = Schema.Union([
  Schema.Literal("wireguard").annotate({ expected: TUNNEL_EXPECTED }),
  Schema.Struct({ kind: Schema.Literal("wireguard") }),
  Schema.Struct({
    kind: Schema.Literal("ipsec-esp"),
    cipher: EspCipher,
    natTraversal: Schema.optionalKey(Schema.Boolean.annotate({ expected: "true or false" })),
  }),
]).annotate({ expected: TUNNEL_EXPECTED })
const DscpClass = Schema.Literals(Object.keys(DSCP) as (keyof typeof DSCP)[]).annotate({
  expected: `a DSCP class name: ${Object.keys(DSCP).join(", ")}`,
})

/** A plain number > 0: frames per second have no unit to write. */
const FrameRate = Schema.Number.annotate({ expected: "frames per second, a number like 30" }).check(
  Schema.makeFilter((n: number) => Number.isFinite(n) && n > 0, { expected: "frames per second greater than 0, like 30" }),
)

const KeyFrameSizeRatio = Schema.Number.annotate({ expected: "how many times a P-frame a key frame is, a number ≥ 1, like 8" }).check(
  Schema.makeFilter((n: number) => Number.isFinite(n) && n >= 1, { expected: "a ratio ≥ 1, like 8" }),
)

/** Every field defaults to the stream model's value (src/media/video/video-config.ts), the playout delay to the call's jitter buffer. */
const VideoSettings = Schema.Struct({
  bitrate: Schema.optionalKey(BitRate),
  frameRate: Schema.optionalKey(FrameRate),
  keyFrameInterval: Schema.optionalKey(PositiveDuration),
  keyFrameSizeRatio: Schema.optionalKey(KeyFrameSizeRatio),
  frameSizeCv: Schema.optionalKey(Percentage),
  maxPayload: Schema.optionalKey(ByteSize),
  pacing: Schema.optionalKey(Schema.Literals(["paced", "burst"]).annotate({ expected: "paced (2.5 × the bitrate, within a frame interval) or burst" })),
  class: Schema.optionalKey(DscpClass),
  playoutDelay: Schema.optionalKey(Duration),
}).check(
  Schema.makeFilter((v) => {
    const fps = v.frameRate ?? VIDEO_STREAM_DEFAULTS.frameRateFps
    // normalize.ts rounds the interval to whole frames; a GOP needs at least one.
    if (v.keyFrameInterval !== undefined && Math.round((v.keyFrameInterval * fps) / 1e9) < 1)
      return { path: ["keyFrameInterval"], issue: `a key-frame interval of ${formatDuration(v.keyFrameInterval)} is shorter than one frame at ${fps} frames/s` }
    // An H.264 FU-A fragment needs its 2 header bytes and 1 byte of data (RFC 6184 §5.8).
    if (v.maxPayload !== undefined && v.maxPayload < 3) return { path: ["maxPayload"], issue: `a video payload needs at least 3 bytes, got ${v.maxPayload}B` }
    return undefined
  }),
)

const Video = Schema.Union([Schema.Boolean, VideoSettings]).annotate({
  expected: "true, false or video settings like { bitrate: 1.5Mbit/s, frameRate: 30, keyFrameInterval: 2s }",
})

/** Why a codec cannot carry `ptime` of audio per packet, or undefined when it can. */
const ptimeIssue = (codecName: string, ptime: number): string | undefined => {
  const codec = findCodec(codecName)
  if (codec === undefined) return `codec ${codecName} is not supported by the simulator yet`
  if (ptimeAllowed(codec, ptime)) return undefined
  const ms = codec.ptimesMs
  const allowed = ms.length > 1 ? `${ms.slice(0, -1).join(", ")} or ${ms.at(-1)} ms` : `${ms[0]} ms`
  return `${codecName} packets carry ${allowed} of audio, got ${formatDuration(ptime)}`
}

const Call = Schema.Struct({
  id: Schema.optionalKey(Id),
  from: Id,
  to: Id,
  codec: Codec,
  ptime: PositiveDuration,
  jitterBuffer: JitterBuffer.pipe(defaultTo("60ms")),
  plc: Schema.Boolean.annotate({ expected: "true or false" }).pipe(defaultTo(true)),
  start: Duration.pipe(defaultTo("0s")),
  duration: Schema.optionalKey(PositiveDuration),
  ipVersion: Schema.Literals([4, 6]).annotate({ expected: "an IP version: 4 or 6" }).pipe(defaultTo(4)),
  srtp: Srtp.pipe(defaultTo(false)),
  tunnel: Schema.optionalKey(Tunnel),
  video: Schema.optionalKey(Video),
  /** Voice activity detection with DTX (default false). */
  vad: Schema.optionalKey(Schema.Boolean.annotate({ expected: "true or false" })),
  /** Call set-up and tear-down (default none: media from `start`). */
  signaling: Schema.optionalKey(Schema.Literals(["none", "sip"]).annotate({ expected: "none or sip" })),
  /** With sip: the SIP packets' DSCP class (default cs3). */
  signalingDscp: Schema.optionalKey(DscpClass),
  /** With sip: from 180 Ringing to 200 OK (default 6s). */
  ringTime: Schema.optionalKey(Duration),
}).check(
  // The media layer owns which packetization times a codec supports, and which codecs have DTX.
  Schema.makeFilter((call) => {
    const codec = findCodec(call.codec)
    if (codec === undefined) return { path: ["codec"], issue: `codec ${call.codec} is not supported by the simulator yet` }
    if (call.vad === true && codec.comfortNoise === null)
      return {
        path: ["vad"],
        issue: `${call.codec} has no silence descriptor to send in pauses, so no VAD here${call.codec === "G.729A" ? "; G.729B (Annex B) has one" : ""}`,
      }
    if (ptimeAllowed(codec, call.ptime)) return undefined
    const ms = codec.ptimesMs
    const allowed = ms.length > 1 ? `${ms.slice(0, -1).join(", ")} or ${ms.at(-1)} ms` : `${ms[0]} ms`
    return { path: ["ptime"], issue: `${call.codec} packets carry ${allowed} of audio, got ${formatDuration(call.ptime)}` }
  }),
)

/** A conference on a bridge node: each participant's voice goes to the bridge, which sends each one the mix of the others. */
const Conference = Schema.Struct({
  id: Id,
  bridge: Id,
  participants: Schema.Array(Id).annotate({ expected: "a list of endpoint ids, like [alice, bob, carol]" }),
  codec: Codec,
  ptime: PositiveDuration,
  jitterBuffer: JitterBuffer.pipe(defaultTo("60ms")),
  plc: Schema.Boolean.annotate({ expected: "true or false" }).pipe(defaultTo(true)),
  start: Duration.pipe(defaultTo("0s")),
  duration: Schema.optionalKey(PositiveDuration),
  mixingDelay: Duration.pipe(defaultTo("20ms")),
}).check(
  Schema.makeFilter((c) => {
    const issue = ptimeIssue(c.codec, c.ptime)
    return issue === undefined ? undefined : { path: ["ptime"], issue }
  }),
)
export type FileConference = typeof Conference.Type

const PacketSize = Schema.Union([
  ByteSize,
  Schema.Struct({ min: ByteSize, max: ByteSize }),
  Schema.Literal("imix"),
]).annotate({ expected: "a packet size like 1500B, { min: 64B, max: 1500B } or imix" })

/** A rate change of an open-loop source from `at` on: `scale` × its configured rate. */
const RateStep = Schema.Struct({
  at: Duration,
  scale: Schema.Number.annotate({ expected: "a factor ≥ 0, like 2" }).check(
    Schema.makeFilter((n: number) => Number.isFinite(n) && n >= 0, { expected: "a factor ≥ 0, like 2" }),
  ),
})

/** A plain number > 1 (a Pareto shape has no unit). */
const ParetoShape = Schema.Number.annotate({ expected: "a Pareto shape greater than 1, like 1.5" }).check(
  Schema.makeFilter((n: number) => Number.isFinite(n) && n > 1, { expected: "a Pareto shape greater than 1, like 1.5" }),
)

/** Cross traffic: which fields a kind needs is checked in consistency.ts. */
const Traffic = Schema.Struct({
  id: Schema.optionalKey(Id),
  kind: Schema.Literals(["poisson", "cbr", "on-off", "bulk"]).annotate({ expected: "a traffic kind: poisson, cbr, on-off or bulk" }),
  from: Id,
  to: Id,
  rate: Schema.optionalKey(BitRate),
  peakRate: Schema.optionalKey(BitRate),
  onMean: Schema.optionalKey(PositiveDuration),
  offMean: Schema.optionalKey(PositiveDuration),
  paretoShape: Schema.optionalKey(ParetoShape),
  ackDelay: Schema.optionalKey(Duration),
  maxWindow: Schema.optionalKey(PositiveCount),
  packetSize: PacketSize.pipe(defaultTo("1500B")),
  class: DscpClass.pipe(defaultTo("be")),
  start: Duration.pipe(defaultTo("0s")),
  stop: Schema.optionalKey(Duration),
  ramp: Schema.optionalKey(Schema.Array(RateStep)),
})
export type FileTraffic = typeof Traffic.Type

/** What an event may change on a running link: anything but its queue and its framing. */
const { queue: _queue, framing: _framing, crtp: _crtp, ...changeableParams } = linkParams
const LinkChange = Schema.Struct(changeableParams)

/** A scheduled change to one link: it goes down or up, or some of its parameters change. */
const Event = Schema.Struct({
  at: Duration,
  link: Id,
  /** Which direction the change applies to; default both. */
  direction: Schema.optionalKey(Schema.Literals(["up", "down", "both"]).annotate({ expected: "up, down or both" })),
  state: Schema.optionalKey(Schema.Literals(["up", "down"]).annotate({ expected: "the link state: up or down" })),
  set: Schema.optionalKey(LinkChange),
})
export type FileEvent = typeof Event.Type

const PositiveNumber = (expected: string) =>
  Schema.Number.annotate({ expected }).check(Schema.makeFilter((n: number) => Number.isFinite(n) && n > 0, { expected }))

/**
 * Calls that arrive as a Poisson process and hold for exponential (or fixed) times, offered to a
 * group of trunks (a PBX's or SBC's limit): admitted calls are like `call`, from its `start` on.
 */
const Load = Schema.Struct({
  id: Id,
  callsPerHour: PositiveNumber("calls per hour, a number > 0 like 300"),
  holding: PositiveDuration,
  holdingDistribution: Schema.Literals(["exponential", "fixed"]).annotate({ expected: "exponential or fixed" }).pipe(defaultTo("exponential")),
  trunks: Schema.Number.annotate({ expected: "a whole number of trunks ≥ 1, like 30" }).check(
    Schema.makeFilter((n: number) => Number.isInteger(n) && n >= 1 && n <= 2 ** 24, { expected: "a whole number of trunks ≥ 1, like 30" }),
  ),
  call: Call,
})
export type FileLoad = typeof Load.Type

export const ScenarioFile = Schema.Struct({
  name: Name,
  seed: Seed,
  duration: PositiveDuration,
  nodes: Schema.Array(Node).annotate({ expected: "a list of nodes, like - { id: alice, kind: phone }" }),
  links: Schema.Array(Link).annotate({ expected: "a list of links" }),
  calls: Schema.Array(Call).annotate({ expected: "a list of calls" }).pipe(defaultTo([])),
  traffic: Schema.Array(Traffic).annotate({ expected: "a list of traffic sources, like - { kind: poisson, from: a, to: b, rate: 1Mbit/s }" }).pipe(defaultTo([])),
  events: Schema.Array(Event).annotate({ expected: "a list of events, like - { at: 30s, link: wan, state: down }" }).pipe(defaultTo([])),
  conferences: Schema.Array(Conference)
    .annotate({ expected: "a list of conferences, like - { id: standup, bridge: mcu, participants: [a, b, c], codec: G.711u, ptime: 20ms }" })
    .pipe(defaultTo([])),
  loads: Schema.Array(Load)
    .annotate({ expected: "a list of call loads, like - { id: busy-hour, callsPerHour: 300, holding: 3min, trunks: 30, call: { from: a, to: b, codec: G.711u, ptime: 20ms } }" })
    .pipe(defaultTo([])),
})

export type ScenarioFile = typeof ScenarioFile.Type
