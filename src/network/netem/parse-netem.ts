import {
  NO_IMPAIRMENT,
  type DelayDistribution,
  type DelaySpec,
  type ImpairmentSpec,
  type LossSpec,
} from "../impairment-spec.ts"
import { isBareNumber, looksLikeNumber, parseCount, parsePercent, parseTimeNs } from "./netem-values.ts"

export type ParseNetemResult =
  | { readonly ok: true; readonly spec: ImpairmentSpec }
  | { readonly ok: false; readonly message: string }

/**
 * Decodes netem's option syntax (tc-netem(8), iproute2 tc/q_netem.c), e.g.
 * "delay 40ms 10ms 25% loss gemodel 1% 30%", into an ImpairmentSpec:
 *
 *   delay TIME [JITTER [CORRELATION]]   distribution {uniform|normal|pareto|paretonormal}
 *   loss [random] PERCENT [CORRELATION] | loss gemodel P [R [1-H [1-K]]] | loss state P13 [P31 [P32 [P23 [P14]]]]
 *   duplicate PERCENT [CORRELATION]     corrupt PERCENT [CORRELATION]
 *   reorder PERCENT [CORRELATION] [gap DISTANCE]
 *
 * As in tc, options come in any order, `latency` and `drop` are aliases of `delay` and `loss`,
 * optional values are recognized by a leading digit, and missing gemodel/state values take
 * q_netem.c's defaults. Stricter than tc: each option at most once, words in full (no
 * abbreviations), percentages need "%", and times need a unit (ns, us, ms, s and their
 * usec/msec/sec spellings): a bare number means µs to older tc and ns to newer tc. `rate`,
 * `slot`, `limit` and `ecn` are refused in favour of the link's own fields. A leading "netem" is
 * skipped; an empty text means no impairment. Unlike current tc, `reorder` without a `delay` is
 * accepted (the delay may come from elsewhere), though reordering needs a delay to have any effect.
 */
export function parseNetem(text: string): ParseNetemResult {
  const words = text.split(/\s+/).filter((word) => word !== "")
  if (words[0] === "netem") words.shift()
  try {
    return { ok: true, spec: parseOptions(new Tokens(words)) }
  } catch (error) {
    if (error instanceof NetemSyntaxError) return { ok: false, message: error.message }
    throw error
  }
}

class NetemSyntaxError extends Error {}

function fail(message: string): never {
  throw new NetemSyntaxError(message)
}

class Tokens {
  private index = 0
  constructor(private readonly words: readonly string[]) {}

  /** The token read last. */
  get previous(): string {
    return this.words[this.index - 1] ?? ""
  }

  peek(): string | undefined {
    return this.words[this.index]
  }

  next(): string | undefined {
    return this.words[this.index++]
  }
}

const OPTIONS = ["delay", "distribution", "loss", "duplicate", "corrupt", "reorder", "gap"] as const
type Option = (typeof OPTIONS)[number]
const ALIASES: ReadonlyMap<string, Option> = new Map([["latency", "delay"], ["drop", "loss"]])
const DISTRIBUTIONS: readonly DelayDistribution[] = ["uniform", "normal", "pareto", "paretonormal"]

const REFUSED: ReadonlyMap<string, string> = new Map([
  ["rate", `rate: netem's rate limit is not supported here; set the link's "bandwidth" field instead (e.g. bandwidth: 2Mbit/s)`],
  ["limit", `limit: netem's queue limit is not supported here; set the link's "queue" field instead (e.g. queue: { limit: 64KB })`],
  ["slot", `slot: netem's slotted delivery is not supported; model the link with its "bandwidth" and "queue" fields`],
  [
    "ecn",
    `ecn: netem's ECN marking is not supported: voiplab's RTP streams are not ECN-capable, so netem would drop them anyway; remove "ecn" (queueing is set by the link's "queue" field)`,
  ],
])

const quote = (token: string | undefined): string => (token === undefined ? "nothing" : `"${token}"`)

/** 0.07 → "7%", without binary-fraction noise. */
const percentText = (fraction: number): string => `${Number((fraction * 100).toPrecision(12))}%`

function readPercent(tokens: Tokens, context: string): number {
  const after = tokens.previous
  const token = tokens.next()
  const value = token === undefined ? undefined : parsePercent(token)
  if (value === undefined) {
    const hint = token !== undefined && isBareNumber(token) ? ` (write percentages with "%", e.g. "${token}%")` : ""
    return fail(`${context}: expected a percentage after "${after}", got ${quote(token)}${hint}`)
  }
  if (value > 1) fail(`${context}: expected a percentage between 0% and 100%, got "${token}"`)
  return value
}

function readOptionalPercent(tokens: Tokens, context: string): number | undefined {
  return looksLikeNumber(tokens.peek()) ? readPercent(tokens, context) : undefined
}

function readTimeNs(tokens: Tokens, context: string): number {
  const after = tokens.previous
  const token = tokens.next()
  const timeNs = token === undefined ? undefined : parseTimeNs(token)
  if (timeNs === undefined) {
    const hint =
      token !== undefined && isBareNumber(token)
        ? `: a bare number means µs to older tc and ns to newer tc, so write the unit (e.g. "${token}ms")`
        : " (units ns, us, ms, s)"
    return fail(`${context}: expected a time such as "40ms" after "${after}", got ${quote(token)}${hint}`)
  }
  if (!Number.isSafeInteger(timeNs)) fail(`${context}: "${token}" is too long a time`)
  return timeNs
}

function readDelay(tokens: Tokens): Omit<DelaySpec, "distribution"> {
  const delayNs = readTimeNs(tokens, "delay")
  if (!looksLikeNumber(tokens.peek())) return { delayNs, jitterNs: 0, correlation: 0 }
  const jitterNs = readTimeNs(tokens, "delay")
  return { delayNs, jitterNs, correlation: readOptionalPercent(tokens, "delay") ?? 0 }
}

function readDistribution(tokens: Tokens): DelayDistribution {
  const token = tokens.next()
  const distribution = DISTRIBUTIONS.find((name) => name === token)
  if (distribution !== undefined) return distribution
  return fail(`distribution: expected uniform, normal, pareto or paretonormal after "distribution", got ${quote(token)}`)
}

/** `loss [random] P [CORR]`, `loss gemodel …`, `loss state …` with q_netem.c's defaults. */
function readLoss(tokens: Tokens): LossSpec {
  const kind = tokens.peek()
  if (looksLikeNumber(kind)) return readRandomLoss(tokens, "loss") // tc's old syntax: `loss P [CORR]`
  tokens.next()
  if (kind === "random") return readRandomLoss(tokens, "loss random")
  if (kind === "gemodel") {
    const context = "loss gemodel"
    const p = readPercent(tokens, context)
    const r = readOptionalPercent(tokens, context) ?? 1 - p
    const lossInBad = readOptionalPercent(tokens, context) ?? 1
    const lossInGood = readOptionalPercent(tokens, context) ?? 0
    return { model: "gilbert-elliott", p, r, lossInBad, lossInGood }
  }
  if (kind === "state") {
    const context = "loss state"
    const p13 = readPercent(tokens, context)
    const p31 = readOptionalPercent(tokens, context) ?? 1 - p13
    const p32 = readOptionalPercent(tokens, context) ?? 0
    const p23 = readOptionalPercent(tokens, context) ?? 1
    const p14 = readOptionalPercent(tokens, context) ?? 0
    if (p13 + p14 > 1) fail(`${context}: p13 + p14 (leaving state 1) must not exceed 100%, got ${percentText(p13)} + ${percentText(p14)}`)
    if (p31 + p32 > 1) fail(`${context}: p31 + p32 (leaving state 3) must not exceed 100%, got ${percentText(p31)} + ${percentText(p32)}`)
    return { model: "markov4", p13, p31, p32, p23, p14 }
  }
  return fail(`loss: expected "random", "gemodel", "state" or a percentage after "loss", got ${quote(kind)}`)
}

function readRandomLoss(tokens: Tokens, context: string): LossSpec {
  const rate = readPercent(tokens, context)
  return { model: "bernoulli", rate, correlation: readOptionalPercent(tokens, context) ?? 0 }
}

function readRate(tokens: Tokens, context: string): { rate: number; correlation: number } {
  const rate = readPercent(tokens, context)
  return { rate, correlation: readOptionalPercent(tokens, context) ?? 0 }
}

function readGap(tokens: Tokens): number {
  const token = tokens.next()
  const gap = token === undefined ? undefined : parseCount(token)
  if (gap === undefined || gap < 1) fail(`gap: expected a whole number of packets ≥ 1 after "gap", got ${quote(token)}`)
  return gap
}

function optionOf(word: string): Option {
  const option = OPTIONS.find((name) => name === word) ?? ALIASES.get(word)
  if (option !== undefined) return option
  const refused = REFUSED.get(word)
  if (refused !== undefined) return fail(refused)
  const known = [...OPTIONS, ...ALIASES.keys(), ...REFUSED.keys()]
  const full = known.find((name) => name.startsWith(word))
  const hint = full === undefined ? "" : ` (write "${full}" in full)`
  return fail(`unknown netem option "${word}"${hint}; expected delay, distribution, loss, duplicate, corrupt, reorder or gap`)
}

function parseOptions(tokens: Tokens): ImpairmentSpec {
  const seen = new Set<Option>()
  let delay: Omit<DelaySpec, "distribution"> | undefined
  let distribution: DelayDistribution | undefined
  let loss: LossSpec | undefined
  let duplicate: ImpairmentSpec["duplicate"] | undefined
  let corrupt: ImpairmentSpec["corrupt"] | undefined
  let reorder: { rate: number; correlation: number } | undefined
  let gapPackets: number | undefined

  for (;;) {
    const before = tokens.previous
    const word = tokens.next()
    if (word === undefined) break
    if (looksLikeNumber(word)) {
      const after = before === "" ? "" : ` after "${before}"`
      fail(`unexpected value "${word}"${after}: values follow their option, e.g. "delay 100ms 20ms 25%"`)
    }
    const option = optionOf(word)
    if (seen.has(option)) {
      const what = word === option ? "given twice" : `repeats "${option}" (an alias)`
      fail(`${word}: ${what}; each netem option may appear at most once`)
    }
    seen.add(option)
    switch (option) {
      case "delay":
        delay = readDelay(tokens)
        break
      case "distribution":
        distribution = readDistribution(tokens)
        break
      case "loss":
        loss = readLoss(tokens)
        break
      case "duplicate":
        duplicate = readRate(tokens, "duplicate")
        break
      case "corrupt":
        corrupt = readRate(tokens, "corrupt")
        break
      case "reorder":
        reorder = readRate(tokens, "reorder")
        break
      case "gap":
        gapPackets = readGap(tokens)
        break
    }
  }

  // q_netem.c's cross-checks, with its reasons.
  if (distribution !== undefined && (delay === undefined || delay.delayNs === 0 || delay.jitterNs === 0)) {
    fail(`distribution: needs a delay and a jitter, e.g. "delay 100ms 20ms distribution ${distribution}"`)
  }
  if (gapPackets !== undefined && reorder === undefined) {
    fail(`gap: needs a reorder probability, e.g. "reorder 25% gap ${gapPackets}"`)
  }

  return {
    delay: delay === undefined ? NO_IMPAIRMENT.delay : { ...delay, distribution: distribution ?? "uniform" },
    loss: loss ?? NO_IMPAIRMENT.loss,
    duplicate: duplicate ?? NO_IMPAIRMENT.duplicate,
    corrupt: corrupt ?? NO_IMPAIRMENT.corrupt,
    reorder: reorder === undefined ? NO_IMPAIRMENT.reorder : { ...reorder, gapPackets: gapPackets ?? 1 },
  }
}
