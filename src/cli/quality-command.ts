import { Console, Effect, Option } from "effect"
import { Command, Flag } from "effect/cli"
import { NS_PER_MS } from "../../sim/time.ts"
import type { Codec } from "../media/codecs.ts"
import { callQuality, EMODEL_PARAMETERS, type CallQuality, type EModelParameter } from "../planning/call-quality.ts"
import type { EModelInput } from "../quality/emodel.ts"
import { parseDuration } from "../scenario/units.ts"
import { InputError } from "./input-error.ts"
import { catalogueCodec, durationMs, fraction, packetTimeMs, positiveDurationMs, requireThat, round } from "./flag-values.ts"

/** Table 3 inputs given in ms: a duration with its unit, or a bare number of ms. */
const DELAY_PARAMETERS: ReadonlySet<EModelParameter> = new Set(["T", "Tr", "Ta", "mT"])
const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/u
const BY_LOWER_CASE: ReadonlyMap<string, EModelParameter> = new Map(EMODEL_PARAMETERS.map((name) => [name.toLowerCase(), name]))

/** Ranges outside which a Table 3 input makes no physical sense (or the formulas divide by zero). */
const RANGES: Partial<Record<EModelParameter, { readonly ok: (x: number) => boolean; readonly expected: string }>> = {
  T: { ok: (x) => x >= 0, expected: "a delay ≥ 0" },
  Tr: { ok: (x) => x >= 0, expected: "a delay ≥ 0" },
  Ta: { ok: (x) => x >= 0, expected: "a delay ≥ 0" },
  mT: { ok: (x) => x > 0, expected: "a delay above 0" },
  sT: { ok: (x) => x > 0, expected: "a number above 0" },
  qdu: { ok: (x) => x > 0, expected: "a number above 0" },
  Ppl: { ok: (x) => x >= 0 && x <= 100, expected: "a percentage from 0 to 100" },
  BurstR: { ok: (x) => x > 0, expected: "a number above 0 (1: random loss)" },
  Bpl: { ok: (x) => x >= 0, expected: "a number ≥ 0" },
}

const parseParam = (text: string): Effect.Effect<readonly [EModelParameter, number], InputError> =>
  Effect.gen(function* () {
    const bad = (message: string) => new InputError({ message: `--param ${text}: ${message}` })
    const eq = text.indexOf("=")
    if (eq < 0) return yield* bad(`expected NAME=VALUE, like T=150ms or Ie=11`)
    const name = BY_LOWER_CASE.get(text.slice(0, eq).trim().toLowerCase())
    if (name === undefined) return yield* bad(`unknown E-model input; the G.107 Table 3 inputs are ${EMODEL_PARAMETERS.join(", ")}`)
    const valueText = text.slice(eq + 1).trim()
    let value: number
    if (NUMBER.test(valueText)) value = Number(valueText)
    else if (DELAY_PARAMETERS.has(name)) {
      const parsed = parseDuration(valueText)
      if (!parsed.ok) return yield* bad(parsed.message)
      value = parsed.value / NS_PER_MS
    } else if (name === "Ppl" && valueText.endsWith("%") && NUMBER.test(valueText.slice(0, -1).trim())) value = Number(valueText.slice(0, -1).trim())
    else return yield* bad("expected a number")
    const range = RANGES[name]
    if (!Number.isFinite(value) || (range !== undefined && !range.ok(value))) return yield* bad(`expected ${range?.expected ?? "a finite number"}`)
    return [name, value] as const
  })

/** Two decimals with a real minus sign; what rounds to zero shows no sign. */
const f2 = (x: number): string => {
  const text = Math.abs(x).toFixed(2)
  return x < 0 && text !== "0.00" ? `−${text}` : text
}
const signed = (x: number): string => (Math.abs(x).toFixed(2) === "0.00" ? "0.00" : `${x < 0 ? "−" : "+"}${Math.abs(x).toFixed(2)}`)

/** Rows of the waterfall: main terms carry the running R, their parts are indented beneath. */
interface Row {
  readonly label: string
  readonly what: string
  readonly value: string
  readonly running?: number
}

const waterfall = (q: CallQuality): Row[] => {
  const r = q.result
  const rows: Row[] = []
  let running = r.Ro
  const step = (label: string, what: string, contribution: number): void => {
    running += contribution
    rows.push({ label, what, value: signed(contribution), running })
  }
  const part = (label: string, what: string, value: number): void => {
    rows.push({ label: `  ${label}`, what, value: f2(value) })
  }
  const wb = q.model === "G.107.1"
  rows.push({ label: wb ? "Ro,WB" : "Ro", what: wb ? "fixed by G.107.1 (eq. 7-2)" : "basic signal-to-noise ratio", value: f2(r.Ro), running })
  if (q.model === "G.107") {
    step("−Is", "simultaneous impairments", -q.result.Is)
    part("Iolr", "loudness", q.result.Iolr)
    part("Ist", "sidetone", q.result.Ist)
    part("Iq", "quantizing distortion", q.result.Iq)
  } else {
    step("−Is,WB", "not modelled by G.107.1 (eq. 7-3)", -r.Is)
  }
  step(wb ? "−Id,WB" : "−Id", "delay impairments", -r.Id)
  part("Idte", `talker echo (T ${round(q.input.T, 3)} ms, TELR ${q.input.TELR} dB)`, r.Idte)
  part("Idle", `listener echo (Tr ${round(q.input.Tr, 3)} ms, WEPL ${q.input.WEPL} dB)`, r.Idle)
  part("Idd", `absolute delay (Ta ${round(q.input.Ta, 3)} ms)`, r.Idd)
  const ie = q.model === "G.107" ? q.input.Ie : q.input.IeWB
  step(wb ? "−Ie,eff,WB" : "−Ie,eff", "equipment impairment and packet loss", -r.IeEff)
  part(wb ? "Ie,WB" : "Ie", "codec", ie)
  const { Ppl, BurstR, Bpl } = q.input
  part("loss", `packet loss (Ppl ${round(Ppl, 4)}%, BurstR ${round(BurstR, 4)}, Bpl ${round(Bpl, 4)})`, r.IeEff - ie)
  step("+A", "advantage factor", r.A)
  return rows
}

const formatQuality = (q: CallQuality, codec: Codec | undefined, plc: boolean, params: ReadonlyMap<EModelParameter, number>): string => {
  const d = q.delay
  const wb = q.model === "G.107.1"
  const model = wb ? "ITU-T G.107.1 E-model (wideband, R up to 129)" : "ITU-T G.107 E-model (narrowband, R up to 100)"
  const call =
    codec === undefined
      ? "no codec: G.107's reference connection (Ie 0, Bpl 4.3 unless set)"
      : `${codec.name}${wb ? ` (${codec.bandwidth})` : ""}, ${round(d.packetizationMs, 3)} ms packets, ` +
        (codec.concealment === "decoder"
          ? `concealment in the decoder${plc ? "" : " (--no-plc changes nothing)"}`
          : `packet-loss concealment ${plc ? "on" : "off"}`)
  const delayParts =
    codec === undefined && d.packetizationMs === 0
      ? `${round(d.networkMs, 3)} network + ${round(d.jitterBufferMs, 3)} jitter buffer`
      : `${round(d.packetizationMs, 3)} packetization + ${round(d.lookaheadMs, 3)} lookahead + ${round(d.networkMs, 3)} network + ${round(d.jitterBufferMs, 3)} jitter buffer`
  const { Ta, T, Tr } = q.input
  const delaysSet = params.has("Ta") || params.has("T") || params.has("Tr")
  const delays = delaysSet
    ? `Ta = ${round(Ta, 3)} ms, T = ${round(T, 3)} ms, Tr = ${round(Tr, 3)} ms with --param`
    : `Ta = T = ${round(Ta, 3)} ms, Tr = 2·Ta = ${round(Tr, 3)} ms`
  const lines = [`${model}: ${call}`, `mouth-to-ear delay = ${delayParts} = ${round(d.totalMs, 3)} ms: ${delays}`]
  const cv = q.codecValues
  if (cv !== null) {
    const provisional = cv.provisional.length > 0 ? ` (provisional ${cv.provisional.map((v) => (v === "ie" ? "Ie" : "Bpl")).join(" and ")}: see voiplab codecs)` : ""
    lines.push(`codec values: ${wb ? "Ie,wb" : "Ie"} ${cv.ie ?? "—"}, Bpl ${cv.bpl ?? "—"}${provisional}`)
  }
  if (params.size > 0) lines.push(`set with --param (over the above): ${[...params].map(([name, value]) => `${name} ${value}`).join(", ")}`)

  const rows = waterfall(q)
  const labelWidth = Math.max(...rows.map((r) => r.label.length))
  const whatWidth = Math.max(...rows.map((r) => r.what.length))
  const valueWidth = Math.max(...rows.map((r) => r.value.length))
  const table = rows.map((r) =>
    `${r.label.padEnd(labelWidth)}  ${r.what.padEnd(whatWidth)}  ${r.value.padStart(valueWidth)}${r.running === undefined ? "" : `  ${f2(r.running).padStart(7)}`}`.trimEnd(),
  )
  const total = `${"= R".padEnd(labelWidth)}  ${(wb ? "wideband rating Rwb" : "transmission rating").padEnd(whatWidth)}  ${"".padStart(valueWidth)}  ${f2(q.R).padStart(7)}`
  const mos = wb
    ? `MOS ${f2(q.MOS)} (G.107.1 Annex A: G.107's curve at Rx = Rwb / 1.29 = ${f2(q.rx)}); ITU-T G.109 on Rx: ${q.userSatisfaction}`
    : `MOS ${f2(q.MOS)} (G.107 Annex B); ITU-T G.109: ${q.userSatisfaction}`
  return [...lines, "", ...table, total, "", mos].join("\n")
}

/** `voiplab quality --json`; the key order is part of the format. */
const qualityJson = (q: CallQuality, codec: Codec | undefined, params: ReadonlyMap<EModelParameter, number>) => ({
  model: q.model,
  codec: codec?.name ?? null,
  rFactor: q.R,
  mos: q.MOS,
  userSatisfaction: q.userSatisfaction,
  ...(q.model === "G.107.1" ? { rx: q.rx } : {}),
  Ro: q.result.Ro,
  Is: q.result.Is,
  Id: q.result.Id,
  Idte: q.result.Idte,
  Idle: q.result.Idle,
  Idd: q.result.Idd,
  IeEff: q.result.IeEff,
  A: q.result.A,
  mouthToEarDelayMs: q.delay.totalMs,
  delay: q.delay,
  codecValues: q.codecValues,
  params: Object.fromEntries(params),
  input: q.input,
  terms: q.result,
})

export const quality = Command.make(
  "quality",
  {
    codec: Flag.String("codec").pipe(
      Flag.withMetavar("NAME"),
      Flag.withDescription("Codec (any name or alias of voiplab codecs); without one, G.107's reference connection"),
      Flag.optional,
    ),
    ptime: Flag.String("ptime").pipe(Flag.withMetavar("DURATION"), Flag.withDescription("Audio per packet (default 20ms with --codec)"), Flag.optional),
    delay: Flag.String("delay").pipe(Flag.withMetavar("DURATION"), Flag.withDescription("One-way network delay, e.g. 150ms (default 0)"), Flag.optional),
    jb: Flag.String("jb").pipe(
      Flag.withMetavar("DURATION"),
      Flag.withDescription("Jitter-buffer delay (default 60ms with --codec, as in scenarios; 0 without)"),
      Flag.optional,
    ),
    loss: Flag.String("loss").pipe(Flag.withMetavar("PERCENT"), Flag.withDescription("Packet loss at playout, e.g. 2% (default 0%)"), Flag.optional),
    burst: Flag.Finite("burst").pipe(Flag.withMetavar("RATIO"), Flag.withDescription("Burst ratio BurstR: 1 random loss (default), above 1 bursty"), Flag.optional),
    plc: Flag.Boolean("plc").pipe(
      Flag.withDescription("Packet-loss concealment where it is an add-on (G.711, G.722, G.726, G.728); --no-plc: lost packets are silence"),
      Flag.withDefault(true),
    ),
    param: Flag.String("param").pipe(
      Flag.withMetavar("NAME=VALUE"),
      Flag.withDescription("Set a G.107 Table 3 input, e.g. T=150ms, Ie=11, Bpl=19, Ppl=2 (repeatable; overrides what the other flags derive)"),
      Flag.atLeast(0),
    ),
    json: Flag.Boolean("json").pipe(Flag.withDescription("Print the result as JSON"), Flag.withDefault(false)),
  },
  Effect.fn(function* (flags) {
    const codecText = Option.getOrUndefined(flags.codec)
    const codec = codecText === undefined ? undefined : yield* catalogueCodec(codecText)
    const ptimeText = Option.getOrUndefined(flags.ptime)
    const ptimeMs =
      codec !== undefined ? yield* packetTimeMs(codec, ptimeText) : ptimeText === undefined ? undefined : yield* positiveDurationMs("--ptime", ptimeText)
    const delayText = Option.getOrUndefined(flags.delay)
    const jbText = Option.getOrUndefined(flags.jb)
    const lossText = Option.getOrUndefined(flags.loss)
    const burst = Option.getOrUndefined(flags.burst)
    yield* requireThat(burst === undefined || burst > 0, "--burst", `expected a ratio above 0 (1: random loss), got ${burst}`)

    const params = new Map<EModelParameter, number>()
    for (const text of flags.param) {
      const [name, value] = yield* parseParam(text)
      yield* requireThat(!params.has(name), "--param", `${name} is given twice`)
      params.set(name, value)
    }
    yield* requireThat(lossText === undefined || !params.has("Ppl"), "--loss", "--param Ppl sets the loss too; give one of them")
    yield* requireThat(burst === undefined || !params.has("BurstR"), "--burst", "--param BurstR sets the burst ratio too; give one of them")

    const outcome = callQuality({
      ...(codec === undefined ? {} : { codec }),
      ...(ptimeMs === undefined ? {} : { ptimeMs }),
      ...(delayText === undefined ? {} : { networkDelayMs: yield* durationMs("--delay", delayText) }),
      ...(jbText === undefined ? {} : { jitterBufferMs: yield* durationMs("--jb", jbText) }),
      ...(lossText === undefined ? {} : { lossPercent: 100 * (yield* fraction("--loss", lossText)) }),
      ...(burst === undefined ? {} : { burstRatio: burst }),
      plc: flags.plc,
      params: Object.fromEntries(params) as Partial<EModelInput>,
    })
    if (!outcome.ok) {
      const hint = outcome.problem === "Ie" || outcome.problem === "Bpl" ? `; give one with --param ${outcome.problem}=N` : ""
      return yield* new InputError({ message: `${outcome.problem === "parameter" ? "--param " : "--codec: "}${outcome.message}${hint}` })
    }
    const q = outcome.quality
    yield* Console.log(flags.json ? JSON.stringify(qualityJson(q, codec, params), null, 2) : formatQuality(q, codec, flags.plc, params))
  }),
).pipe(
  Command.withDescription("Call quality by the ITU-T G.107 E-model (G.107.1 for wideband codecs), every term explained"),
  Command.withExamples([
    { command: "voiplab quality --codec G.711 --delay 150ms --loss 2%", description: "G.711 with PLC over a 150 ms, 2% loss path" },
    { command: "voiplab quality --codec G.729 --delay 80ms --loss 1% --burst 2 --jb 40ms", description: "bursty loss, a smaller jitter buffer" },
    { command: "voiplab quality --param Ta=150ms --param T=150ms --param Tr=300ms --param Ie=11 --param Bpl=19 --param Ppl=2", description: "raw G.107 inputs" },
  ]),
)
