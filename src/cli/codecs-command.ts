import { Console, Effect } from "effect"
import { Command, Flag } from "effect/cli"
import { NS_PER_MS } from "../../sim/time.ts"
import { CODECS, payloadBytes, type Codec } from "../media/codecs.ts"
import { CODEC_IMPAIRMENTS, type ImpairmentValues } from "../quality/g113.ts"
import { textTable } from "../report/text-table.ts"
import { unsimulatedReason } from "../scenario/codecs.ts"

/** One catalogue entry as `voiplab codecs --json` prints it; the key order is part of the format. */
export interface CodecRow {
  readonly name: string
  readonly aliases: readonly string[]
  readonly rtpName: string
  readonly bitrateKbps: number
  readonly frameMs: number
  readonly lookaheadMs: number
  readonly ptimesMs: readonly number[]
  /** RTP payload bytes of one packet, for each of `ptimesMs` */
  readonly payloadBytes: readonly number[]
  readonly payloadType: number
  readonly dynamicPayloadType: boolean
  readonly rtpClockRate: number
  readonly bandwidth: string
  readonly wideband: boolean
  readonly comfortNoise: { readonly scheme: string; readonly sidBytes: number } | null
  readonly eModelScale: string
  readonly ie: number | null
  /** Bpl with the codec's packet-loss concealment */
  readonly bpl: number | null
  /** Bpl with lost packets replaced by silence, where the codec's concealment can be switched off */
  readonly bplNoPlc: number | null
  readonly bplPacketMs: number | null
  readonly provisional: readonly string[]
  /** Null when `voiplab run` can simulate the codec, else why not */
  readonly notSimulated: string | null
  readonly source: string
  readonly eModelSource: string
}

const NO_VALUES: ImpairmentValues = {
  scale: "G.107",
  ie: null,
  bplWithPlc: null,
  bplNoPlc: null,
  bplPacketMs: null,
  provisional: [],
  source: "none",
}

export const codecRow = (codec: Codec): CodecRow => {
  const e = CODEC_IMPAIRMENTS[codec.impairmentKey] ?? NO_VALUES
  return {
    name: codec.name,
    aliases: codec.aliases,
    rtpName: codec.rtpName,
    bitrateKbps: codec.bitrateBps / 1000,
    frameMs: codec.frameNs / NS_PER_MS,
    lookaheadMs: codec.lookaheadNs / NS_PER_MS,
    ptimesMs: codec.ptimesMs,
    payloadBytes: codec.ptimesMs.map((ms) => payloadBytes(codec, ms * NS_PER_MS)),
    payloadType: codec.payloadType,
    dynamicPayloadType: codec.dynamicPayloadType,
    rtpClockRate: codec.rtpClockRateHz,
    bandwidth: codec.bandwidth,
    wideband: codec.bandwidth !== "narrowband",
    comfortNoise: codec.comfortNoise,
    eModelScale: e.scale,
    ie: e.ie,
    bpl: e.bplWithPlc,
    bplNoPlc: codec.concealment === "decoder" ? null : e.bplNoPlc,
    bplPacketMs: e.bplPacketMs,
    provisional: e.provisional,
    notSimulated: unsimulatedReason(codec) ?? null,
    source: codec.source,
    eModelSource: e.source,
  }
}

const BAND: Readonly<Record<string, string>> = { narrowband: "NB", wideband: "WB", "super-wideband": "SWB", fullband: "FB" }

const impairmentCell = (value: number | null, provisional: boolean, scale: string): string =>
  value === null ? "—" : `${value}${provisional ? "~" : ""}${scale === "G.107" ? "" : " wb"}`

export const formatCodecTable = (rows: readonly CodecRow[]): string =>
  [
    textTable(
      [
        "codec", "RTP", "PT", "clock Hz", "kbit/s", "frame ms", "lookahead ms", "ptime ms", "payload B", "band", "Ie", "Bpl",
        "simulated",
      ],
      rows.map((r) => [
        r.name,
        r.rtpName,
        `${r.payloadType}${r.dynamicPayloadType ? "*" : ""}`,
        `${r.rtpClockRate}`,
        `${r.bitrateKbps}`,
        `${r.frameMs}`,
        `${r.lookaheadMs}`,
        r.ptimesMs.join(" "),
        r.payloadBytes.join(" "),
        BAND[r.bandwidth] ?? r.bandwidth,
        impairmentCell(r.ie, r.provisional.includes("ie"), r.eModelScale),
        impairmentCell(r.bpl, r.provisional.includes("bpl"), r.eModelScale),
        r.notSimulated === null ? "yes" : "no",
      ]),
    ),
    "",
    "PT*: dynamic payload type, agreed in SDP; the number shown is a conventional default.",
    "payload B: RTP payload bytes per packet at each ptime. Bpl: with the codec's packet-loss concealment.",
    "Ie, Bpl from ITU-T G.113 App. I; \"wb\": Ie,wb of App. IV, on the wideband scale (G.107.1);",
    "\"~\": a provisional stand-in, not a table's value; —: none known. Sources: voiplab codecs --json, docs/codecs.md.",
  ].join("\n")

export const codecs = Command.make(
  "codecs",
  { json: Flag.Boolean("json").pipe(Flag.withDescription("Print the catalogue as JSON"), Flag.withDefault(false)) },
  Effect.fn(function* ({ json }) {
    const rows = CODECS.map(codecRow)
    yield* Console.log(json ? JSON.stringify(rows, null, 2) : formatCodecTable(rows))
  }),
).pipe(Command.withDescription("List the codec catalogue: packetization, RTP and E-model values with their sources"))
