import { describe, expect, it } from "vitest"
import { LINK_FRAMINGS } from "../../src/media/overhead/index.ts"
import { LINK_PRESET_NAMES, LINK_PRESETS, type LinkPreset } from "../../src/network/presets.ts"

// Structural checks of the presets, written against the scenario file's link syntax on their own
// (the loader will also run every preset through the real schema). `problems` returns what is
// wrong, so the tests below can show that it does catch mistakes.

const DURATION = /^(\d+(?:\.\d+)?)\s*(ns|us|µs|ms|s)$/u
const RATE = /^(\d+(?:\.\d+)?)\s*(bit\/s|kbit\/s|Mbit\/s|Gbit\/s)$/u
const PERCENT = /^(\d+(?:\.\d+)?)\s*%$/u
const SIZE = /^(\d+(?:\.\d+)?)\s*(B|KB|MB|KiB|MiB)$/u

const DURATION_MS: Record<string, number> = { ns: 1e-6, us: 1e-3, "µs": 1e-3, ms: 1, s: 1000 }
const RATE_BPS: Record<string, number> = { "bit/s": 1, "kbit/s": 1e3, "Mbit/s": 1e6, "Gbit/s": 1e9 }
const SIZE_BYTES: Record<string, number> = { B: 1, KB: 1e3, MB: 1e6, KiB: 1024, MiB: 1024 ** 2 }

const parse = (pattern: RegExp, scale: Record<string, number>, text: unknown): number | undefined => {
  if (typeof text !== "string") return undefined
  const m = pattern.exec(text)
  if (m === null) return undefined
  const unit = m[2] === undefined ? 1 : scale[m[2]]
  return unit === undefined ? undefined : Number(m[1]) * unit
}
const ms = (text: unknown) => parse(DURATION, DURATION_MS, text)
const bps = (text: unknown) => parse(RATE, RATE_BPS, text)
const bytes = (text: unknown) => parse(SIZE, SIZE_BYTES, text)
const fraction = (text: unknown) => {
  const n = parse(PERCENT, {}, text)
  return n === undefined ? undefined : n / 100
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v)

const DIRECTION_FIELDS = ["bandwidth", "delay", "jitter", "loss", "impairment", "duplicate", "corrupt", "keepOrder", "queue", "framing", "crtp"] as const
const LINK_FIELDS = [...DIRECTION_FIELDS, "up", "down"] as const

function checkKeys(value: Record<string, unknown>, allowed: readonly string[], at: string, out: string[]) {
  for (const key of Object.keys(value)) if (!allowed.includes(key)) out.push(`${at}.${key}: not a known field here`)
}

function checkQuantity(value: unknown, pattern: RegExp, what: string, at: string, out: string[]) {
  if (typeof value !== "string" || !pattern.test(value)) out.push(`${at}: expected ${what} with its unit, got ${JSON.stringify(value)}`)
}

function checkPercent(value: unknown, at: string, out: string[]) {
  checkQuantity(value, PERCENT, "a percentage", at, out)
  const f = fraction(value)
  if (f !== undefined && f > 1) out.push(`${at}: ${String(value)} is above 100 %`)
}

function checkJitter(value: unknown, at: string, out: string[]) {
  if (typeof value === "string") return checkQuantity(value, DURATION, "a duration", at, out)
  if (!isRecord(value)) return void out.push(`${at}: expected a duration or a distribution`)
  const d = value["distribution"]
  if (d === "uniform") {
    checkKeys(value, ["distribution", "range", "correlation"], at, out)
    checkQuantity(value["range"], DURATION, "a duration", `${at}.range`, out)
  } else if (d === "normal" || d === "pareto" || d === "paretonormal") {
    checkKeys(value, ["distribution", "stddev", "correlation"], at, out)
    checkQuantity(value["stddev"], DURATION, "a duration", `${at}.stddev`, out)
  } else {
    return void out.push(`${at}.distribution: unknown ${JSON.stringify(d)}`)
  }
  if ("correlation" in value) checkPercent(value["correlation"], `${at}.correlation`, out)
}

const LOSS_MODELS: Record<string, { required: readonly string[]; optional: readonly string[] }> = {
  bernoulli: { required: ["rate"], optional: [] },
  "gilbert-elliott": { required: ["p", "r"], optional: ["lossInBad", "lossInGood"] },
  markov4: { required: ["p13", "p31", "p32", "p23", "p14"], optional: [] },
}

function checkLoss(value: unknown, at: string, out: string[]) {
  if (typeof value === "string") return checkPercent(value, at, out)
  if (!isRecord(value)) return void out.push(`${at}: expected a percentage or a loss model`)
  const model = LOSS_MODELS[String(value["model"])]
  if (model === undefined) return void out.push(`${at}.model: unknown ${JSON.stringify(value["model"])}`)
  checkKeys(value, ["model", ...model.required, ...model.optional], at, out)
  for (const key of model.required) if (!(key in value)) out.push(`${at}.${key}: missing`)
  for (const key of [...model.required, ...model.optional]) if (key in value) checkPercent(value[key], `${at}.${key}`, out)
}

function checkRateLimits(value: unknown, at: string, out: string[]) {
  if (!Array.isArray(value)) return void out.push(`${at}: expected a list of { class, rate, burst }`)
  value.forEach((limit: unknown, i) => {
    if (!isRecord(limit)) return void out.push(`${at}[${i}]: expected { class, rate, burst }`)
    checkKeys(limit, ["class", "rate", "burst"], `${at}[${i}]`, out)
    if (!["ef", "af", "be"].includes(String(limit["class"]))) out.push(`${at}[${i}].class: expected ef, af or be`)
    checkQuantity(limit["rate"], RATE, "a bit rate", `${at}[${i}].rate`, out)
    checkQuantity(limit["burst"], SIZE, "a size", `${at}[${i}].burst`, out)
  })
}

function checkQueue(value: unknown, at: string, out: string[]) {
  if (!isRecord(value)) return void out.push(`${at}: expected { limit, limitPackets, discipline }`)
  checkKeys(value, ["limit", "limitPackets", "discipline", "shape", "police"], at, out)
  if ("limit" in value) checkQuantity(value["limit"], SIZE, "a size", `${at}.limit`, out)
  for (const key of ["shape", "police"]) if (key in value) checkRateLimits(value[key], `${at}.${key}`, out)
  const packets = value["limitPackets"]
  if ("limitPackets" in value && !(typeof packets === "number" && Number.isInteger(packets) && packets > 0))
    out.push(`${at}.limitPackets: expected a whole number of packets > 0`)
  if ("discipline" in value && value["discipline"] !== "fifo" && value["discipline"] !== "priority")
    out.push(`${at}.discipline: expected fifo or priority`)
}

function checkFields(link: Record<string, unknown>, at: string, out: string[]) {
  if ("bandwidth" in link) checkQuantity(link["bandwidth"], RATE, "a bit rate", `${at}.bandwidth`, out)
  if ("delay" in link) checkQuantity(link["delay"], DURATION, "a duration", `${at}.delay`, out)
  if ("jitter" in link) checkJitter(link["jitter"], `${at}.jitter`, out)
  if ("loss" in link) checkLoss(link["loss"], `${at}.loss`, out)
  if ("queue" in link) checkQueue(link["queue"], `${at}.queue`, out)
  for (const f of ["duplicate", "corrupt"]) if (f in link) checkPercent(link[f], `${at}.${f}`, out)
  if ("keepOrder" in link && typeof link["keepOrder"] !== "boolean") out.push(`${at}.keepOrder: expected true or false`)
  if ("framing" in link && !(LINK_FRAMINGS as readonly unknown[]).includes(link["framing"])) out.push(`${at}.framing: expected a link framing`)
  if ("crtp" in link && typeof link["crtp"] !== "boolean") out.push(`${at}.crtp: expected true or false`)
  if ("impairment" in link) {
    if (typeof link["impairment"] !== "string" || link["impairment"].trim() === "") out.push(`${at}.impairment: expected a netem string`)
    for (const f of ["delay", "jitter", "loss"]) if (f in link) out.push(`${at}: impairment and ${f} are alternatives`)
  }
}

/** Everything wrong with a preset, as "path: problem" lines; empty when it is well-formed. */
function problems(p: LinkPreset): string[] {
  const out: string[] = []
  if (typeof p.description !== "string" || p.description.trim() === "") out.push("description: empty")
  if (typeof p.source !== "string" || p.source.trim() === "") out.push("source: empty")
  else if (!/\b(19|20)\d\d\b/u.test(p.source)) out.push("source: cites no year")
  if (!isRecord(p.link)) return [...out, "link: not an object"]
  checkKeys(p.link, LINK_FIELDS, "link", out)
  checkFields(p.link, "link", out)
  for (const dir of ["up", "down"] as const) {
    if (!(dir in p.link)) continue
    const d = p.link[dir]
    if (!isRecord(d)) {
      out.push(`link.${dir}: expected an object of overrides`)
      continue
    }
    checkKeys(d, DIRECTION_FIELDS, `link.${dir}`, out)
    checkFields(d, `link.${dir}`, out)
  }
  return out
}

// ---- the values a direction ends up with (its own override, else the preset's common value) ----

const presetNamed = (name: string): LinkPreset => {
  const p = LINK_PRESETS[name]
  if (p === undefined) throw new Error(`no preset ${name}`)
  return p
}

const field = (name: string, dir: "up" | "down", key: string): unknown => {
  const link = presetNamed(name).link
  const d = link[dir]
  return isRecord(d) && key in d ? d[key] : link[key]
}

const rateBps = (name: string, dir: "up" | "down") => bps(field(name, dir, "bandwidth")) ?? Number.NaN
const delayMs = (name: string, dir: "up" | "down") => ms(field(name, dir, "delay") ?? "0s") ?? Number.NaN

/** How far one packet's delay can move from `delay`: the uniform range; Infinity for unbounded shapes. */
const jitterBoundMs = (name: string, dir: "up" | "down"): number => {
  const j = field(name, dir, "jitter")
  if (j === undefined) return 0
  if (typeof j === "string") return ms(j) ?? Number.NaN
  if (isRecord(j) && j["distribution"] === "uniform") return ms(j["range"]) ?? Number.NaN
  return Number.POSITIVE_INFINITY
}

/** A spread comparable across shapes: the uniform range, or the standard deviation. */
const jitterSpreadMs = (name: string, dir: "up" | "down"): number => {
  const j = field(name, dir, "jitter")
  if (j === undefined) return 0
  if (typeof j === "string") return ms(j) ?? Number.NaN
  if (isRecord(j)) return ms(j["distribution"] === "uniform" ? j["range"] : j["stddev"]) ?? Number.NaN
  return Number.NaN
}

/** Long-run loss fraction of a direction's loss model. */
const meanLoss = (name: string, dir: "up" | "down"): number => {
  const l = field(name, dir, "loss")
  if (l === undefined) return 0
  if (typeof l === "string") return fraction(l) ?? Number.NaN
  if (!isRecord(l)) return Number.NaN
  if (l["model"] === "bernoulli") return fraction(l["rate"]) ?? Number.NaN
  if (l["model"] === "gilbert-elliott") {
    const p = fraction(l["p"]) ?? Number.NaN
    const r = fraction(l["r"]) ?? Number.NaN
    const bad = fraction(l["lossInBad"] ?? "100%") ?? Number.NaN
    const good = fraction(l["lossInGood"] ?? "0%") ?? Number.NaN
    const inBad = p / (p + r)
    return inBad * bad + (1 - inBad) * good
  }
  return Number.NaN
}

/** Milliseconds a full egress queue holds at the direction's rate. */
const bufferMs = (name: string, dir: "up" | "down") => {
  const queue = field(name, dir, "queue")
  const limit = isRecord(queue) ? bytes(queue["limit"]) : undefined
  return limit === undefined ? Number.NaN : ((limit * 8) / rateBps(name, dir)) * 1000
}

const NAMES = Object.keys(LINK_PRESETS)
const REQUIRED = [
  "ethernet-lan",
  "wifi-good",
  "wifi-congested",
  "dsl-8m-1m",
  "cable",
  "lte",
  "lte-cell-edge",
  "satellite-geo",
  "transatlantic",
  "g1050-well-managed",
  "g1050-partially-managed",
  "g1050-unmanaged",
]

describe("link presets: structure", () => {
  it("has every preset the docs promise, and names it consistently", () => {
    expect(NAMES).toEqual(expect.arrayContaining(REQUIRED))
    expect([...LINK_PRESET_NAMES]).toEqual(NAMES)
    for (const name of NAMES) expect(name).toMatch(/^[a-z0-9][a-z0-9-]*$/u)
  })

  it.each(NAMES)("%s: description, cited source and file-syntax values", (name) => {
    expect(problems(presetNamed(name))).toEqual([])
  })

  it.each(NAMES)("%s: both directions have a bandwidth, so the preset runs on its own", (name) => {
    for (const dir of ["up", "down"] as const) expect(rateBps(name, dir)).toBeGreaterThan(0)
  })

  it("cannot be changed through the export", () => {
    const dsl = presetNamed("dsl-8m-1m")
    expect(Object.isFrozen(LINK_PRESETS)).toBe(true)
    expect(Object.isFrozen(dsl.link)).toBe(true)
    expect(Object.isFrozen(dsl.link["up"])).toBe(true)
  })
})

describe("the structural check catches mistakes", () => {
  const good = presetNamed("dsl-8m-1m")
  const withLink = (link: Record<string, unknown>): LinkPreset => ({ ...good, link })

  it.each([
    ["a bare number for a delay", { bandwidth: "1Mbit/s", delay: 15 }, "link.delay"],
    ["an unknown unit", { bandwidth: "1Mbps", delay: "15ms" }, "link.bandwidth"],
    ["a rate where a duration belongs", { bandwidth: "1Mbit/s", delay: "1Mbit/s" }, "link.delay"],
    ["a percentage without %", { bandwidth: "1Mbit/s", loss: "0.1" }, "link.loss"],
    ["a loss above 100 %", { bandwidth: "1Mbit/s", loss: "150%" }, "link.loss"],
    ["a misspelt field", { bandwidth: "1Mbit/s", dealy: "15ms" }, "link.dealy"],
    ["an id inside a preset", { id: "wan", bandwidth: "1Mbit/s" }, "link.id"],
    ["up overriding a non-link field", { bandwidth: "1Mbit/s", up: { between: ["a", "b"] } }, "link.up.between"],
    ["up nesting another direction", { bandwidth: "1Mbit/s", up: { down: { delay: "1ms" } } }, "link.up.down"],
    ["a Gilbert-Elliott model without r", { bandwidth: "1Mbit/s", loss: { model: "gilbert-elliott", p: "1%" } }, "link.loss.r"],
    ["a stddev on uniform jitter", { bandwidth: "1Mbit/s", jitter: { distribution: "uniform", stddev: "1ms" } }, "link.jitter.stddev"],
    ["a queue limit in packets written as a size", { bandwidth: "1Mbit/s", queue: { limitPackets: "100" } }, "link.queue.limitPackets"],
    ["netem text beside a delay", { bandwidth: "1Mbit/s", delay: "1ms", impairment: "delay 40ms" }, "impairment and delay"],
    ["a shaper without a burst size", { bandwidth: "1Mbit/s", queue: { shape: [{ class: "be", rate: "1Mbit/s" }] } }, "link.queue.shape[0].burst"],
    ["keepOrder as text", { bandwidth: "1Mbit/s", keepOrder: "yes" }, "link.keepOrder"],
  ])("%s", (_what, link, expected) => {
    expect(problems(withLink(link)).join("\n")).toContain(expected)
  })

  it("a source without a document year, and an empty description", () => {
    const out = problems({ ...good, description: " ", source: "my guess" })
    expect(out).toContain("description: empty")
    expect(out).toContain("source: cites no year")
  })
})

describe("link presets: physics and plausibility", () => {
  it("satellite-geo: every packet takes at least the two ground-satellite hops of a GEO path", () => {
    // 35,786 km at c = 119.4 ms per hop; ground → satellite → ground is the shortest one-way path.
    const hopMs = (35_786 / 299_792.458) * 1000
    expect(2 * hopMs).toBeGreaterThan(238)
    for (const dir of ["up", "down"] as const) {
      expect(delayMs("satellite-geo", dir)).toBeGreaterThanOrEqual(240)
      expect(delayMs("satellite-geo", dir) - jitterBoundMs("satellite-geo", dir)).toBeGreaterThanOrEqual(2 * hopMs)
    }
  })

  it("transatlantic: one-way delay between 30 and 45 ms, jitter included", () => {
    for (const dir of ["up", "down"] as const) {
      const d = delayMs("transatlantic", dir)
      const j = jitterBoundMs("transatlantic", dir)
      expect(d - j).toBeGreaterThanOrEqual(30)
      expect(d + j).toBeLessThanOrEqual(45)
    }
  })

  it("dsl-8m-1m: 1 Mbit/s up, 8 Mbit/s down", () => {
    expect(rateBps("dsl-8m-1m", "up")).toBeLessThan(rateBps("dsl-8m-1m", "down"))
    expect(rateBps("dsl-8m-1m", "up")).toBe(1e6)
    expect(rateBps("dsl-8m-1m", "down")).toBe(8e6)
  })

  it.each(["dsl-8m-1m", "cable", "lte", "lte-cell-edge", "satellite-geo"])("%s: the uplink is the slower direction", (name) => {
    expect(rateBps(name, "up")).toBeLessThan(rateBps(name, "down"))
  })

  it.each(["dsl-8m-1m", "cable"])("%s: the modem's uplink buffer holds hundreds of ms (bufferbloat)", (name) => {
    expect(bufferMs(name, "up")).toBeGreaterThanOrEqual(200)
    expect(bufferMs(name, "up")).toBeLessThanOrEqual(2000)
  })

  it("lte-cell-edge: less bandwidth, more delay, more jitter and more loss than lte", () => {
    for (const dir of ["up", "down"] as const) {
      expect(rateBps("lte-cell-edge", dir)).toBeLessThan(rateBps("lte", dir))
      expect(delayMs("lte-cell-edge", dir)).toBeGreaterThan(delayMs("lte", dir))
      expect(jitterSpreadMs("lte-cell-edge", dir)).toBeGreaterThan(jitterSpreadMs("lte", dir))
      expect(meanLoss("lte-cell-edge", dir)).toBeGreaterThan(meanLoss("lte", dir))
    }
  })

  it("wifi-congested: slower, later, more jittery and lossier than wifi-good", () => {
    for (const dir of ["up", "down"] as const) {
      expect(rateBps("wifi-congested", dir)).toBeLessThan(rateBps("wifi-good", dir))
      expect(delayMs("wifi-congested", dir)).toBeGreaterThan(delayMs("wifi-good", dir))
      expect(jitterSpreadMs("wifi-congested", dir)).toBeGreaterThan(jitterSpreadMs("wifi-good", dir))
      expect(meanLoss("wifi-congested", dir)).toBeGreaterThan(meanLoss("wifi-good", dir))
    }
  })

  it.each(["wifi-good", "wifi-congested", "lte", "lte-cell-edge"])("%s: bursty (Gilbert-Elliott) loss", (name) => {
    const loss = presetNamed(name).link["loss"]
    expect(isRecord(loss) && loss["model"]).toBe("gilbert-elliott")
  })

  it("G.1050 categories get worse from well-managed to unmanaged", () => {
    const order = ["g1050-well-managed", "g1050-partially-managed", "g1050-unmanaged"]
    for (const dir of ["up", "down"] as const) {
      const delays = order.map((n) => delayMs(n, dir))
      const jitters = order.map((n) => jitterSpreadMs(n, dir))
      const losses = order.map((n) => meanLoss(n, dir))
      for (const series of [delays, jitters, losses]) expect([...series].sort((a, b) => a - b)).toEqual(series)
      expect(new Set(delays).size).toBe(3)
    }
  })

  it("G.1050 core jitter in [0, J] is written as base + J/2 ± J/2 (level B: 8 ms base, 10 ms jitter)", () => {
    expect(delayMs("g1050-well-managed", "up")).toBe(13)
    expect(jitterBoundMs("g1050-well-managed", "up")).toBe(5)
    expect(delayMs("g1050-well-managed", "up") - jitterBoundMs("g1050-well-managed", "up")).toBe(8)
  })

  it("no preset loses more than a few percent on average or waits longer than a second to propagate", () => {
    for (const name of NAMES) {
      for (const dir of ["up", "down"] as const) {
        expect(meanLoss(name, dir)).toBeLessThan(0.05)
        expect(delayMs(name, dir)).toBeLessThan(1000)
      }
    }
  })
})
