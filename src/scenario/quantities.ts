/**
 * Schema codecs for the unit-bearing fields: text such as "20ms" in the file,
 * a number in base units once decoded. A bad unit or an out-of-range value
 * fails inside the transformation, so the issue lands at the field's path
 * and its message can quote what the user wrote ("150%", not 1.5).
 */
import { Effect, Schema, SchemaGetter, SchemaIssue } from "effect"
import { formatPercentage, parseBitRate, parseByteSize, parseDuration, parsePercentage, type Parsed } from "./units.ts"

interface Range {
  readonly test: (value: number) => boolean
  /** What a valid value looks like, in the user's words. */
  readonly expected: string
}

const quote = (input: string | number): string => (typeof input === "string" ? JSON.stringify(input) : String(input))

function quantity(expected: string, parse: (input: string | number) => Parsed, encode: (n: number) => string, range?: Range) {
  // Numbers are let through to the parser so a bare `20` gets the "with a unit" message.
  const written = Schema.Union([Schema.String, Schema.Number]).annotate({ expected })
  return written.pipe(
    Schema.decodeTo(Schema.Number, {
      decode: SchemaGetter.transformEffect((input: string | number) => {
        const parsed = parse(input)
        if (!parsed.ok) return Effect.fail(new SchemaIssue.InvalidValue({ message: parsed.message }))
        if (range !== undefined && !range.test(parsed.value)) {
          return Effect.fail(new SchemaIssue.InvalidValue({ message: `expected ${range.expected}, got ${quote(input)}` }))
        }
        return Effect.succeed(parsed.value)
      }),
      encode: SchemaGetter.transform(encode),
    }),
  )
}

/** Integer nanoseconds ≥ 0. */
export const Duration = quantity("a duration with a unit, like 20ms", parseDuration, (ns) => `${ns}ns`)

/** Integer nanoseconds > 0. */
export const PositiveDuration = quantity("a duration with a unit, like 60s", parseDuration, (ns) => `${ns}ns`, {
  test: (ns) => ns > 0,
  expected: "a duration greater than 0, like 60s",
})

/** Bits per second > 0. */
export const BitRate = quantity("a bit rate with a unit, like 100Mbit/s", parseBitRate, (bps) => `${bps}bit/s`, {
  test: (bps) => bps > 0,
  expected: "a bit rate greater than 0, like 100Mbit/s",
})

/** Integer bytes > 0. */
export const ByteSize = quantity("a size with a unit, like 64KB", parseByteSize, (bytes) => `${bytes}B`, {
  test: (bytes) => bytes > 0,
  expected: "a size greater than 0, like 64KB",
})

/** A fraction in 0..1, written as a percentage. */
export const Percentage = quantity("a percentage, like 0.1%", parsePercentage, formatPercentage, {
  test: (f) => f >= 0 && f <= 1,
  expected: "a percentage between 0% and 100%",
})
