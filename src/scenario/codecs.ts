/**
 * The codec names a scenario may use and their accepted spellings. What a
 * codec can do (ptimes, bit rate) is media knowledge: see src/media/codecs.ts.
 */

export const CODEC_SPELLINGS = {
  "G.711u": { rtpName: "PCMU", aliases: ["G.711 µ-law", "G.711 mu-law", "u-law", "mu-law"] },
  "G.711a": { rtpName: "PCMA", aliases: ["G.711 A-law", "A-law"] },
} as const

export type CodecName = keyof typeof CODEC_SPELLINGS

export const CODEC_NAMES = Object.keys(CODEC_SPELLINGS) as ReadonlyArray<CodecName>

// Case, spaces, dots, dashes and the µ/μ/u spelling must not matter:
// "G.711 µ-law", "g711u" and "PCMU" are the same codec.
const spellingKey = (text: string): string =>
  text.toLowerCase().replace(/[µμ]/gu, "u").replace(/[\s._-]/gu, "")

const BY_SPELLING: ReadonlyMap<string, CodecName> = new Map(
  CODEC_NAMES.flatMap((name) => {
    const { rtpName, aliases } = CODEC_SPELLINGS[name]
    return [name, rtpName, ...aliases].map((spelling) => [spellingKey(spelling), name] as const)
  }),
)

/** The canonical codec name for any accepted spelling, or undefined. */
export const resolveCodec = (text: string): CodecName | undefined => BY_SPELLING.get(spellingKey(text))

/** "G.711u (PCMU), G.711a (PCMA)": what messages list as accepted. */
export const knownCodecs = (): string =>
  CODEC_NAMES.map((name) => `${name} (${CODEC_SPELLINGS[name].rtpName})`).join(", ")
