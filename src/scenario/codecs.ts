/**
 * The codecs a scenario may name: those of the catalogue (src/media/codecs.ts, which owns names,
 * aliases and what a codec can do) that voiplab can also score, i.e. that have narrowband E-model
 * values (src/quality/g113.ts). Other catalogue codecs are recognized and refused with the reason.
 */
import { CODECS, concealsLoss, lookupCodec, type Codec, type CodecName } from "../media/codecs.ts"
import { narrowbandImpairment } from "../quality/g113.ts"

export type { CodecName }

/** Why the simulator cannot run `codec` (with or without PLC), or undefined when it can. */
export const unsimulatedReason = (codec: Codec): string | undefined => {
  for (const plc of [true, false]) {
    const values = narrowbandImpairment(codec.impairmentKey, concealsLoss(codec, plc))
    if ("missing" in values) return values.missing
  }
  return undefined
}

const SIMULATED: readonly Codec[] = CODECS.filter((codec) => unsimulatedReason(codec) === undefined)

export const CODEC_NAMES: ReadonlyArray<CodecName> = SIMULATED.map((codec) => codec.name)

/** The canonical name of a codec the simulator runs, from any accepted spelling, or undefined. */
export const resolveCodec = (text: string): CodecName | undefined => {
  const codec = lookupCodec(text)
  return codec !== undefined && CODEC_NAMES.includes(codec.name) ? codec.name : undefined
}

/** "G.711u (PCMU), G.711a (PCMA), …": what messages list as accepted. */
export const knownCodecs = (): string => SIMULATED.map((codec) => `${codec.name} (${codec.rtpName})`).join(", ")

/** The message for a codec name `resolveCodec` does not accept. */
export const unknownCodecMessage = (text: string): string => {
  const codec = lookupCodec(text)
  const reason = codec === undefined ? undefined : unsimulatedReason(codec)
  return codec === undefined || reason === undefined
    ? `unknown codec ${JSON.stringify(text)}; known codecs: ${knownCodecs()}`
    : `${codec.name} cannot be simulated yet: ${reason}; simulated codecs: ${knownCodecs()}`
}
