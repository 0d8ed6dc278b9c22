import { Effect } from "effect"
import { NS_PER_MS } from "../../sim/time.ts"
import { CODECS, lookupCodec, spellingKey, type Codec } from "../media/codecs.ts"
import { defaultPtimeMs } from "../planning/call-quality.ts"
import { parseDuration, parsePercentage } from "../scenario/units.ts"
import { InputError } from "./input-error.ts"

/**
 * Flag values that carry units, parsed the way scenario files parse them ("20ms", "2%"), so a
 * mistake reads the same on the command line as in a file: one line naming the flag.
 */

const fail = (flag: string, message: string): Effect.Effect<never, InputError> =>
  Effect.fail(new InputError({ message: `${flag}: ${message}` }))

/** "150ms", "2min" → milliseconds (not negative). */
export const durationMs = (flag: string, text: string): Effect.Effect<number, InputError> => {
  const parsed = parseDuration(text)
  return parsed.ok ? Effect.succeed(parsed.value / NS_PER_MS) : fail(flag, parsed.message)
}

/** A duration that must be more than zero, in milliseconds. */
export const positiveDurationMs = (flag: string, text: string): Effect.Effect<number, InputError> =>
  Effect.flatMap(durationMs(flag, text), (ms) => (ms > 0 ? Effect.succeed(ms) : fail(flag, `expected a duration above 0, got ${JSON.stringify(text)}`)))

/** "2%" → 0.02, within [0, 100 %]; 0 % too unless `zero` is "excluded". */
export const fraction = (flag: string, text: string, zero: "allowed" | "excluded" = "allowed"): Effect.Effect<number, InputError> => {
  const parsed = parsePercentage(text)
  if (!parsed.ok) return fail(flag, parsed.message)
  const low = zero === "excluded" ? parsed.value > 0 : parsed.value >= 0
  if (!low || parsed.value > 1) {
    return fail(flag, `expected a percentage ${zero === "excluded" ? "above 0%" : "from 0%"} up to 100%, got ${JSON.stringify(text)}`)
  }
  return Effect.succeed(parsed.value)
}

export const requireThat = (ok: boolean, flag: string, message: string): Effect.Effect<void, InputError> =>
  ok ? Effect.void : fail(flag, message)

// "G.711" names no law, but µ-law and A-law packets and E-model values are the same, so planning
// questions have one answer for both; PCMU (RFC 3551's payload type 0) stands for the pair.
const FAMILY_NAMES: ReadonlyMap<string, string> = new Map([[spellingKey("G.711"), "G.711u"]])

/** Any catalogue codec, from any accepted spelling (`lookupCodec`); an unknown one lists them all. */
export const catalogueCodec = (text: string): Effect.Effect<Codec, InputError> => {
  const codec = lookupCodec(FAMILY_NAMES.get(spellingKey(text)) ?? text)
  if (codec !== undefined) return Effect.succeed(codec)
  const known = CODECS.map((c) => c.name).join(", ")
  return fail("--codec", `unknown codec ${JSON.stringify(text)}; known codecs: ${known} (aliases: voiplab codecs)`)
}

/**
 * The packetization time in ms: `text` if given, else `defaultPtimeMs`. A packet carries whole
 * frames (RFC 3551 §4.2), so a ptime must be a multiple of the frame; any multiple is accepted, not
 * only the catalogue's usual ones, because planning tables also list 60 ms and longer packets.
 */
export const packetTimeMs = (codec: Codec, text: string | undefined): Effect.Effect<number, InputError> => {
  const wholeFrames = (ms: number): boolean => Number.isInteger((ms * NS_PER_MS) / codec.frameNs)
  if (text === undefined) return Effect.succeed(defaultPtimeMs(codec))
  return Effect.flatMap(positiveDurationMs("--ptime", text), (ms) =>
    wholeFrames(ms)
      ? Effect.succeed(ms)
      : fail("--ptime", `${codec.name} packets carry whole ${codec.frameNs / NS_PER_MS} ms frames (${codec.ptimesMs.join(", ")} ms are usual), got ${text}`),
  )
}

/** Runs a library function; its RangeError (input out of range) becomes one line of bad input, anything else stays a defect. */
export const attempt = <A>(run: () => A): Effect.Effect<A, InputError> =>
  Effect.suspend(() => {
    try {
      return Effect.succeed(run())
    } catch (e) {
      if (e instanceof RangeError) return Effect.fail(new InputError({ message: e.message }))
      throw e
    }
  })

/** Rounds for display without trailing zeros: 31.2, 25.867, 0.7142. */
export const round = (x: number, decimals: number): string => `${Number(x.toFixed(decimals))}`

/** A probability as a percentage with 4 significant digits: 0.036497 → "3.65%", 2.0943e-26 → "2.094e-24%". */
export const percent = (p: number): string => `${Number((p * 100).toPrecision(4))}%`
