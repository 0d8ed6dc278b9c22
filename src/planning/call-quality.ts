import { NS_PER_MS } from "../../sim/time.ts"
import { concealsLoss, type Codec } from "../media/codecs.ts"
import { eModel, G107_DEFAULTS, type EModelInput, type EModelResult } from "../quality/emodel.ts"
import { eModelWideband, G1071_DEFAULTS, RWB_PER_R, type EModelWidebandInput, type EModelWidebandResult } from "../quality/emodel-wideband.ts"
import { CODEC_IMPAIRMENTS } from "../quality/g113.ts"
import { userSatisfaction, type UserSatisfaction } from "../quality/user-satisfaction.ts"

/**
 * The E-model score of a planned call: mouth-to-ear delay from its parts, the codec's G.113
 * values, and the narrowband (G.107) or wideband (G.107.1) model as the codec's values require,
 * with any raw E-model input overriding what is derived. Pure; the simulator scores measured
 * streams the same way (src/engine/stream-quality.ts).
 */

export type EModelParameter = keyof EModelInput

/** Every G.107 Table 3 input, in the table's order. */
export const EMODEL_PARAMETERS = Object.keys(G107_DEFAULTS) as readonly EModelParameter[]

/** Table 3 inputs that G.107.1 also has; G.107.1 models no sidetone, quantizing distortion or delay-sensitivity class. */
export const WIDEBAND_PARAMETERS: readonly EModelParameter[] = EMODEL_PARAMETERS.filter(
  (name) => name === "Ie" || name in G1071_DEFAULTS,
)

/** The scenario format's default jitter buffer (docs/scenario-format.md), used when a codec is given. */
export const DEFAULT_JITTER_BUFFER_MS = 60

export interface CallQualityInput {
  /** Without a codec: G.107's reference connection (Ie 0, Bpl 4.3, no packetization or lookahead). */
  readonly codec?: Codec
  /** Packetization time; `defaultPtimeMs` with a codec, 0 without, when not given. */
  readonly ptimeMs?: number
  /** One-way network delay. */
  readonly networkDelayMs?: number
  /** Jitter-buffer delay; DEFAULT_JITTER_BUFFER_MS with a codec, 0 without, when not given. */
  readonly jitterBufferMs?: number
  /** Packet loss at playout, percent (the E-model's Ppl). */
  readonly lossPercent?: number
  /** G.107 BurstR: 1 for random loss. */
  readonly burstRatio?: number
  /** Packet-loss concealment for codecs where it is an add-on (G.711); default true. */
  readonly plc?: boolean
  /** Raw E-model inputs (G.107 Table 3 names), overriding the derived ones. Ie means Ie,WB on the wideband model. */
  readonly params?: Partial<EModelInput>
}

export interface MouthToEarDelay {
  readonly packetizationMs: number
  readonly lookaheadMs: number
  readonly networkMs: number
  readonly jitterBufferMs: number
  /** The sum: the E-model's Ta, with T = Ta and Tr = 2·Ta. */
  readonly totalMs: number
}

/** The codec's E-model values as G.113 (or a marked stand-in) gives them. */
export interface CodecValues {
  readonly ie: number | null
  readonly bpl: number | null
  readonly provisional: readonly ("ie" | "bpl")[]
  readonly source: string
}

interface QualityCommon {
  readonly delay: MouthToEarDelay
  readonly codecValues: CodecValues | null
  readonly R: number
  readonly MOS: number
  /** R on the narrowband scale: R itself for G.107, Rwb / 1.29 for G.107.1 (its Annex A). */
  readonly rx: number
  /** ITU-T G.109 category of rx. */
  readonly userSatisfaction: UserSatisfaction
}

export interface NarrowbandQuality extends QualityCommon {
  readonly model: "G.107"
  /** Every input the model ran with (defaults filled in, LSTR as derived). */
  readonly input: EModelInput
  readonly result: EModelResult
}

export interface WidebandQuality extends QualityCommon {
  readonly model: "G.107.1"
  readonly input: EModelWidebandInput
  readonly result: EModelWidebandResult
}

export type CallQuality = NarrowbandQuality | WidebandQuality

export type CallQualityOutcome =
  | { readonly ok: true; readonly quality: CallQuality }
  | {
      readonly ok: false
      /** "Ie" / "Bpl": a value no table gives, which the caller can supply as a raw input. */
      readonly problem: "Ie" | "Bpl" | "scale" | "parameter"
      readonly message: string
    }

const SCALE_OF_BAND = { narrowband: "G.107", wideband: "G.107.1", "super-wideband": "G.107.2", fullband: "G.107.2" } as const

/** 20 ms, or the codec's shortest usual packet when 20 ms is not a whole number of its frames (G.723.1, iLBC-30). */
export const defaultPtimeMs = (codec: Codec): number =>
  Number.isInteger((20 * NS_PER_MS) / codec.frameNs) ? 20 : codec.ptimesMs[0]!

/** Mouth-to-ear delay = packetization + codec lookahead + network delay + jitter-buffer delay. */
export function mouthToEarDelay(input: CallQualityInput): MouthToEarDelay {
  const codec = input.codec
  const packetizationMs = input.ptimeMs ?? (codec === undefined ? 0 : defaultPtimeMs(codec))
  const lookaheadMs = codec === undefined ? 0 : codec.lookaheadNs / NS_PER_MS
  const networkMs = input.networkDelayMs ?? 0
  const jitterBufferMs = input.jitterBufferMs ?? (codec === undefined ? 0 : DEFAULT_JITTER_BUFFER_MS)
  return { packetizationMs, lookaheadMs, networkMs, jitterBufferMs, totalMs: packetizationMs + lookaheadMs + networkMs + jitterBufferMs }
}

function codecValues(codec: Codec, plc: boolean): CodecValues & { readonly scale: string } {
  const row = CODEC_IMPAIRMENTS[codec.impairmentKey]
  if (row === undefined) return { scale: SCALE_OF_BAND[codec.bandwidth], ie: null, bpl: null, provisional: [], source: "none" }
  return {
    scale: row.scale,
    ie: row.ie,
    bpl: concealsLoss(codec, plc) ? row.bplWithPlc : row.bplNoPlc,
    provisional: row.provisional,
    source: row.source,
  }
}

/** Scores a planned call, or says which value is missing. */
export function callQuality(input: CallQualityInput): CallQualityOutcome {
  const codec = input.codec
  const params = input.params ?? {}
  const delay = mouthToEarDelay(input)
  const values = codec === undefined ? null : codecValues(codec, input.plc ?? true)
  const scale = values?.scale ?? "G.107"
  if (scale !== "G.107" && scale !== "G.107.1") {
    return { ok: false, problem: "scale", message: `${codec!.name} is ${codec!.bandwidth}: its E-model is ITU-T ${scale}, which voiplab does not implement` }
  }
  const wideband = scale === "G.107.1"
  if (wideband) {
    const unsupported = Object.keys(params).filter((name) => !WIDEBAND_PARAMETERS.includes(name as EModelParameter))
    if (unsupported.length > 0) {
      return {
        ok: false,
        problem: "parameter",
        message: `${unsupported.join(", ")}: not an input of the wideband E-model (G.107.1), which ${codec!.name} needs; it takes ${WIDEBAND_PARAMETERS.join(", ")}`,
      }
    }
  }

  const ta = delay.totalMs
  const derived: Partial<EModelInput> = {
    Ta: ta,
    T: ta, // the echo path: the same one-way delay, as the simulator assumes
    Tr: 2 * ta, // a symmetric 4-wire loop
    Ppl: input.lossPercent ?? 0,
    BurstR: input.burstRatio ?? 1,
    ...(values !== null && values.ie !== null ? { Ie: values.ie } : {}),
    ...(values !== null && values.bpl !== null ? { Bpl: values.bpl } : {}),
  }
  const merged: Partial<EModelInput> = { ...derived, ...params }
  if (codec !== undefined && merged.Ie === undefined) {
    return { ok: false, problem: "Ie", message: `ITU-T G.113 gives no ${wideband ? "Ie,wb" : "Ie"} for ${codec.name}` }
  }
  // Without loss Bpl does not enter Ie,eff, so a codec with no tabulated Bpl can still be scored.
  if (codec !== undefined && merged.Bpl === undefined && (merged.Ppl ?? 0) > 0) {
    const without = codec.concealment === "add-on" && input.plc === false ? " without packet-loss concealment" : ""
    return { ok: false, problem: "Bpl", message: `no Bpl is known for ${codec.name}${without}, so its packet loss cannot be scored` }
  }

  const common = { delay, codecValues: values === null ? null : { ie: values.ie, bpl: values.bpl, provisional: values.provisional, source: values.source } }
  if (!wideband) {
    const result = eModel(merged)
    return {
      ok: true,
      quality: {
        model: "G.107",
        ...common,
        input: { ...G107_DEFAULTS, ...merged, LSTR: result.LSTR },
        result,
        R: result.R,
        MOS: result.MOS,
        rx: result.R,
        userSatisfaction: userSatisfaction(result.R),
      },
    }
  }
  const { Ie, ...rest } = merged
  const widebandInput: Partial<EModelWidebandInput> = { ...(rest as Partial<EModelWidebandInput>), ...(Ie === undefined ? {} : { IeWB: Ie }) }
  const result = eModelWideband(widebandInput)
  return {
    ok: true,
    quality: {
      model: "G.107.1",
      ...common,
      input: { ...G1071_DEFAULTS, ...widebandInput },
      result,
      R: result.R,
      MOS: result.MOS,
      rx: result.R / RWB_PER_R,
      userSatisfaction: userSatisfaction(result.R / RWB_PER_R),
    },
  }
}
