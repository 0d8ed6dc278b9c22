import { readFileSync } from "node:fs"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { parse as parseYaml, stringify as stringifyYaml } from "yaml"
import { parseScenario, type ScenarioResult } from "../../src/scenario/load.ts"

const DEFAULT = readFileSync("scenarios/default.yaml", "utf8")
const BASE = parseYaml(DEFAULT) as unknown

/** parseScenario never throws, and whatever it returns is well formed. */
function check(text: string, file: string): void {
  let result: ScenarioResult
  try {
    result = parseScenario(text, file)
  } catch (e) {
    throw new Error(`parseScenario threw on ${JSON.stringify(text)}: ${String(e)}`)
  }
  if (result.ok) return checkScenario(result.scenario)
  expect(result.errors.length).toBeGreaterThan(0)
  for (const e of result.errors) {
    expect(e.file).toBe(file)
    expect(e.message.trim()).not.toBe("")
    expect(e.path.trim()).not.toBe("")
    expect(Number.isInteger(e.line) && e.line! >= 1).toBe(true)
    expect(Number.isInteger(e.column) && e.column! >= 1).toBe(true)
    expect(e.format()).not.toMatch(/\n/)
  }
}

/** What the simulator relies on when a scenario is accepted. */
function checkScenario(s: Extract<ScenarioResult, { ok: true }>["scenario"]): void {
  const nodes = new Set(s.nodes.map((n) => n.id))
  const ids = [...s.nodes, ...s.links, ...s.calls].map((x) => x.id)
  expect(new Set(ids).size).toBe(ids.length)
  expect(Number.isSafeInteger(s.seed) && s.seed >= 0).toBe(true)
  expect(Number.isSafeInteger(s.durationNs) && s.durationNs > 0).toBe(true)
  for (const link of s.links) {
    expect(nodes.has(link.between[0]) && nodes.has(link.between[1]) && link.between[0] !== link.between[1]).toBe(true)
    for (const l of [link.up, link.down]) {
      expect(l.bandwidthBps).toBeGreaterThan(0)
      expect(Number.isSafeInteger(l.delay.delayNs) && l.delay.delayNs >= 0 && l.delay.jitterNs >= 0).toBe(true)
      if (l.loss.model === "bernoulli") expect(l.loss.rate >= 0 && l.loss.rate <= 1).toBe(true)
      expect(l.queue.limitBytes > 0 && l.queue.limitPackets > 0).toBe(true)
      expect(Number.isFinite(l.queue.limitBytes) || Number.isFinite(l.queue.limitPackets)).toBe(true)
    }
  }
  for (const c of s.calls) {
    expect(nodes.has(c.from) && nodes.has(c.to) && c.from !== c.to).toBe(true)
    expect(c.startNs >= 0 && c.durationNs > 0 && c.startNs + c.durationNs <= s.durationNs).toBe(true)
  }
}

type Path = ReadonlyArray<string | number>

/** Every path to a value in `value`, the root excluded. */
function pathsOf(value: unknown, prefix: Path = []): Array<Path> {
  if (typeof value !== "object" || value === null) return []
  const entries: Array<[string | number, unknown]> = Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.entries(value)
  return entries.flatMap(([k, v]) => [[...prefix, k], ...pathsOf(v, [...prefix, k])])
}
const PATHS = pathsOf(BASE)

type Mutation =
  | { readonly kind: "delete" }
  | { readonly kind: "replace"; readonly value: unknown }
  | { readonly kind: "rename"; readonly name: string }
  | { readonly kind: "duplicate" }

function mutate(path: Path, mutation: Mutation): unknown {
  const root = structuredClone(BASE) as Record<string | number, unknown>
  let parent = root
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>
  const key = path.at(-1)!
  const list = Array.isArray(parent) ? (parent as Array<unknown>) : undefined
  switch (mutation.kind) {
    case "delete":
      if (list) list.splice(key as number, 1)
      else delete parent[key]
      break
    case "replace":
      parent[key] = mutation.value
      break
    case "rename":
      if (list) list.push(list[key as number])
      else [parent[mutation.name], parent[key]] = [parent[key], undefined]
      break
    case "duplicate":
      if (list) list.push(structuredClone(list[key as number]))
      else parent[`${String(key)}2`] = parent[key]
      break
  }
  return root
}

const yamlish = fc
  .array(fc.constantFrom(":", "- ", " ", "\n", "  ", "[", "]", "{", "}", ",", "&a ", "*a", "!!str ", "#", "'", '"', "name", "nodes", "id", "1", "20ms", "%", "? ", "|", ">", "\t", "~", "---\n"), { maxLength: 40 })
  .map((parts) => parts.join(""))

const RUNS = { numRuns: 250 }

describe("parseScenario never throws, and every error has a message, a path and a position", () => {
  it("random strings", () => {
    fc.assert(fc.property(fc.oneof(fc.string({ unit: "binary", maxLength: 120 }), yamlish), (text) => check(text, "fuzz.yaml")), RUNS)
  })

  it("random JSON values", () => {
    const scenarioish = fc.dictionary(fc.constantFrom("name", "seed", "duration", "nodes", "links", "calls", "typo"), fc.jsonValue({ maxDepth: 3 }))
    fc.assert(fc.property(fc.oneof(fc.jsonValue({ maxDepth: 4 }), scenarioish), (value) => check(JSON.stringify(value), "fuzz.json")), RUNS)
  })

  it("mutations of the default scenario, as YAML or JSON", () => {
    const mutation: fc.Arbitrary<Mutation> = fc.oneof(
      fc.constant({ kind: "delete" as const }),
      fc.jsonValue({ maxDepth: 2 }).map((value) => ({ kind: "replace" as const, value })),
      fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom("id", "bandwith", "delay", "kind", "__proto__")).map((name) => ({ kind: "rename" as const, name })),
      fc.constant({ kind: "duplicate" as const }),
    )
    fc.assert(
      fc.property(fc.constantFrom(...PATHS), mutation, fc.boolean(), (path, m, asJson) => {
        const value = mutate(path, m)
        check(asJson ? JSON.stringify(value, null, 2) : stringifyYaml(value), asJson ? "fuzz.json" : "fuzz.yaml")
      }),
      RUNS,
    )
  })

  it("the default scenario cut short anywhere", () => {
    fc.assert(fc.property(fc.nat({ max: DEFAULT.length }), (end) => check(DEFAULT.slice(0, end), "cut.yaml")), RUNS)
  })
})
