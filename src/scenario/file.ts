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
import { CODEC_NAMES, knownCodecs, resolveCodec } from "./codecs.ts"
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

const Node = Schema.Struct({
  id: Id,
  kind: NodeKind.annotate({ expected: `a node kind: ${NodeKind.literals.join(", ")}` }),
})

const Jitter = Schema.Union([
  Duration, // shorthand: uniform ± this much, as in netem
  Schema.Struct({ distribution: Schema.Literal("none") }),
  Schema.Struct({ distribution: Schema.Literal("uniform"), range: Duration }),
  Schema.Struct({ distribution: Schema.Literal("normal"), stddev: Duration }),
]).annotate({
  expected: "a jitter like 0.2ms, { distribution: uniform, range: 0.2ms } or { distribution: normal, stddev: 0.2ms }",
})

const Loss = Schema.Union([
  Percentage, // shorthand: Bernoulli
  Schema.Struct({ model: Schema.Literal("bernoulli"), rate: Percentage }),
]).annotate({ expected: "a loss like 0.1% or { model: bernoulli, rate: 0.1% }" })

const Queue = Schema.Struct({ limit: ByteSize.pipe(defaultTo("64KB")) })

const Link = Schema.Struct({
  id: Id,
  between: Schema.Tuple([Id, Id]).annotate({ expected: "two node ids, like [alice, bob]" }),
  bandwidth: BitRate,
  delay: Duration.pipe(defaultTo("0s")),
  jitter: Jitter.pipe(defaultTo({ distribution: "none" })),
  loss: Loss.pipe(defaultTo("0%")),
  queue: Queue.pipe(defaultTo({})),
})

const Codec = Schema.String.annotate({ expected: "a codec name, like G.711u" }).pipe(
  Schema.decodeTo(Schema.Literals(CODEC_NAMES), {
    decode: SchemaGetter.transformEffect((text: string) => {
      const codec = resolveCodec(text)
      return codec === undefined
        ? Effect.fail(new SchemaIssue.InvalidValue({ message: `unknown codec ${JSON.stringify(text)}; known codecs: ${knownCodecs()}` }))
        : Effect.succeed(codec)
    }),
    encode: SchemaGetter.transform((codec: string) => codec),
  }),
)

const JitterBuffer = Schema.Union([
  Duration, // shorthand: fixed, this deep
  Schema.Struct({ kind: Schema.Literal("fixed"), delay: Duration }),
]).annotate({ expected: "a jitter buffer like 60ms or { kind: fixed, delay: 60ms }" })

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
}).check(
  // The media layer owns which packetization times a codec supports.
  Schema.makeFilter((call) => {
    const codec = findCodec(call.codec)
    if (codec === undefined) return { path: ["codec"], issue: `codec ${call.codec} is not supported by the simulator yet` }
    if (ptimeAllowed(codec, call.ptime)) return undefined
    const ms = codec.ptimesMs
    const allowed = ms.length > 1 ? `${ms.slice(0, -1).join(", ")} or ${ms.at(-1)} ms` : `${ms[0]} ms`
    return { path: ["ptime"], issue: `${call.codec} packets carry ${allowed} of audio, got ${formatDuration(call.ptime)}` }
  }),
)

export const ScenarioFile = Schema.Struct({
  name: Name,
  seed: Seed,
  duration: PositiveDuration,
  nodes: Schema.Array(Node).annotate({ expected: "a list of nodes, like - { id: alice, kind: phone }" }),
  links: Schema.Array(Link).annotate({ expected: "a list of links" }),
  calls: Schema.Array(Call).annotate({ expected: "a list of calls" }),
})

export type ScenarioFile = typeof ScenarioFile.Type
