import { readFileSync } from "node:fs"
import { Effect, Exit } from "effect"
import { describe, expect, it } from "vitest"
import { parse as parseYaml } from "yaml"
import { formatScenarioError, InvalidScenario, ScenarioError } from "../../src/scenario/errors.ts"
import { loadScenario, parseScenario } from "../../src/scenario/load.ts"

const KNOWN = "G.711u (PCMU), G.711a (PCMA), G.723.1-6.3 (G723), G.723.1-5.3 (G723), G.729A (G729), G.729B (G729), iLBC-20 (iLBC), iLBC-30 (iLBC), AMR-12.2 (AMR), Opus-NB-12k (opus)"

const DEFAULT = readFileSync("scenarios/default.yaml", "utf8")
const fixture = (name: string): string => readFileSync(new URL(`fixtures/${name}`, import.meta.url), "utf8")

const errorsOf = (text: string, file: string): Array<string> => {
  const result = parseScenario(text, file)
  if (result.ok) throw new Error(`${file} parsed, but should not have`)
  return result.errors.map((e) => e.format())
}
const firstError = (text: string, file: string): string => errorsOf(text, file)[0]!

/** Replaces exactly one occurrence, so a stale pattern fails loudly instead of testing nothing. */
const edit = (text: string, from: string, to: string): string => {
  expect(text.split(from)).toHaveLength(2)
  return text.replace(from, to)
}

// Each mistake is made twice: in the YAML text of the default scenario, and
// in the same scenario as JSON. The YAML positions are counted by hand from
// scenarios/default.yaml; the JSON position is where `jsonAt` is written.
type Scn = Record<string, any>
const cases: ReadonlyArray<{
  readonly name: string
  readonly yaml: (text: string) => string
  readonly json: (scenario: Scn) => void
  readonly jsonAt: string
  readonly expected: string
}> = [
  {
    name: "an unknown field (a typo)",
    yaml: (t) => edit(t, "bandwidth:", "bandwith:"),
    json: (s) => {
      s.links[0].bandwith = s.links[0].bandwidth
      delete s.links[0].bandwidth
    },
    jsonAt: '"bandwith"',
    expected: 'bad.yaml:20:5: links[0].bandwith: unknown field "bandwith"; did you mean "bandwidth"?',
  },
  {
    name: "a wrong unit",
    yaml: (t) => edit(t, "delay: 0.5ms", "delay: 20 parsecs"),
    json: (s) => void (s.links[0].delay = "20 parsecs"),
    jsonAt: '"20 parsecs"',
    expected: 'bad.yaml:21:12: links[0].delay: unknown unit "parsecs" in "20 parsecs": expected a duration in ns, us, ms, s, min, h, like 20ms',
  },
  {
    name: "a bare number for a duration",
    yaml: (t) => edit(t, "delay: 0.5ms", "delay: 20"),
    json: (s) => void (s.links[0].delay = 20),
    jsonAt: "20,",
    expected: "bad.yaml:21:12: links[0].delay: expected a duration with a unit, like 20ms, got 20",
  },
  {
    name: "a negative bandwidth",
    yaml: (t) => edit(t, "bandwidth: 100Mbit/s", "bandwidth: -2Mbit/s"),
    json: (s) => void (s.links[0].bandwidth = "-2Mbit/s"),
    jsonAt: '"-2Mbit/s"',
    expected: 'bad.yaml:20:16: links[0].bandwidth: expected a bit rate that is not negative, like 100Mbit/s, got "-2Mbit/s"',
  },
  {
    name: "a loss of 150%",
    yaml: (t) => edit(t, "loss: 0.1%", "loss: 150%"),
    json: (s) => void (s.links[0].loss = "150%"),
    jsonAt: '"150%"',
    expected: 'bad.yaml:23:11: links[0].loss: expected a percentage between 0% and 100%, got "150%"',
  },
  {
    name: "an unknown codec",
    yaml: (t) => edit(t, "codec: G.711u", "codec: G.999"),
    json: (s) => void (s.calls[0].codec = "G.999"),
    jsonAt: '"G.999"',
    expected: `bad.yaml:30:12: calls[0].codec: unknown codec "G.999"; known codecs: ${KNOWN}`,
  },
  {
    name: "a dangling node reference",
    yaml: (t) => edit(t, "to: bob", "to: carol"),
    json: (s) => void (s.calls[0].to = "carol"),
    jsonAt: '"carol"',
    expected: 'bad.yaml:29:9: calls[0].to: unknown node "carol"; the nodes are alice, bob',
  },
  {
    name: "a duplicate id",
    yaml: (t) => edit(t, "id: lan", "id: alice"),
    json: (s) => void (s.links[0].id = "alice"),
    jsonAt: '"id": "alice",\n      "between"',
    expected:
      'bad.yaml:18:9: links[0].id: duplicate id "alice", already used by nodes[0]; ids must be unique across nodes, links, calls and traffic',
  },
]

/** line:column of the first occurrence of `needle`, pointing past any `"key": ` prefix. */
const positionOf = (text: string, needle: string): string => {
  const index = text.indexOf(needle)
  expect(index).toBeGreaterThanOrEqual(0)
  const at = index + (/^"id": /u.test(needle) ? '"id": '.length : 0)
  const before = text.slice(0, at).split("\n")
  return `${before.length}:${before.at(-1)!.length + 1}`
}

describe("one-line errors naming file, line:column, path and what was expected", () => {
  it.each(cases)("YAML: $name", ({ yaml, expected }) => {
    expect(firstError(yaml(DEFAULT), "bad.yaml")).toBe(expected)
  })

  it.each(cases)("JSON: $name", ({ json, jsonAt, expected }) => {
    const scenario = parseYaml(DEFAULT) as Scn
    json(scenario)
    const text = JSON.stringify(scenario, null, 2)
    const [, , , ...pathAndMessage] = expected.split(":")
    expect(firstError(text, "bad.json")).toBe(`bad.json:${positionOf(text, jsonAt)}:${pathAndMessage.join(":")}`)
  })

  it("invalid YAML: where the parser stopped, and why", () => {
    expect(firstError("name: x\nnodes: [a, b\n", "bad.yaml")).toBe(
      "bad.yaml:3:1: invalid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]",
    )
    expect(firstError("name: x\n  seed: 1\n", "bad.yaml")).toMatch(/^bad\.yaml:1:7: invalid YAML: /)
  })

  it("invalid JSON says JSON", () => {
    expect(firstError('{\n  "name": "x",\n', "bad.json")).toBe("bad.json:3:1: invalid JSON: Flow map must end with a }")
  })

  it("a duplicate key names the key", () => {
    expect(firstError(edit(DEFAULT, "    delay: 0.5ms", "    delay: 0.5ms\n    delay: 1ms"), "bad.yaml")).toBe(
      'bad.yaml:22:5: invalid YAML: duplicate key "delay"; a key may appear only once in a mapping',
    )
  })

  it("an alias to nothing", () => {
    expect(firstError("name: *x\n", "bad.yaml")).toBe(
      "bad.yaml:1:7: invalid YAML: Unresolved alias (the anchor must be set before the alias): x",
    )
  })

  it.each([
    ["bad.yaml", "- alice\n- bob\n", "got a list"],
    ["bad.yaml", "hello\n", 'got "hello"'],
    ["bad.yaml", "~\n", "got an empty value"],
    ["bad.json", "[1, 2]", "got a list"],
    ["bad.json", "42", "got 42"],
  ])("top level not a mapping: %s %j", (file, text, got) => {
    expect(firstError(text, file)).toBe(
      `${file}:1:1: expected a scenario: a mapping with name, seed, duration, nodes, links, calls, traffic, events, conferences, loads; ${got}`,
    )
  })

  it.each([
    ["an empty file", ""],
    ["only comments", "# nothing yet\n"],
    ["only blank lines", "\n\n  \n"],
  ])("%s", (_, text) => {
    expect(firstError(text, "empty.yaml")).toBe(
      "empty.yaml:1:1: the file is empty; expected a scenario: a mapping with name, seed, duration, nodes, links, calls, traffic, events, conferences, loads",
    )
  })
})

describe("more mistakes, worded for the user", () => {
  const first = (from: string, to: string) => firstError(edit(DEFAULT, from, to), "bad.yaml")

  it.each([
    ["a missing required field", "name: Two phones on a LAN\n", "", 'bad.yaml:9:1: name: missing required field "name"'],
    ["a seed that is not a whole number", "seed: 1 ", "seed: 1.5 ", "bad.yaml:10:7: seed: expected a whole number from 0 to 9007199254740991, got 1.5"],
    ["a seed beyond 2^53", "seed: 1 ", "seed: 1e17 ", "bad.yaml:10:7: seed: expected a whole number from 0 to 9007199254740991, got 100000000000000000"],
    ["a zero duration", "duration: 60s\n\n", "duration: 0s\n\n", 'bad.yaml:11:11: duration: expected a duration greater than 0, like 60s, got "0s"'],
    ["a node kind that does not exist", "{ id: alice, kind: phone }", "{ id: alice, kind: modem }", 'bad.yaml:14:24: nodes[0].kind: expected a node kind: phone, softphone, pbx, sbc, bridge, host, router, switch, got "modem"'],
    ["a call from a router", "{ id: alice, kind: phone }", "{ id: alice, kind: router }", 'bad.yaml:28:11: calls[0].from: "alice" is a router; calls run between phone, softphone, pbx, sbc, bridge, host nodes'],
    ["an id with a space", "id: lan", "id: my lan", `bad.yaml:18:9: links[0].id: expected an id made of letters, digits, "-", "_" or ".", like alice, got "my lan"`],
    ["a link to itself", "between: [alice, bob]", "between: [alice, alice]", 'bad.yaml:19:22: links[0].between[1]: a link joins two different nodes, but both ends are "alice"'],
    ["three link ends", "between: [alice, bob]", "between: [alice, bob, carol]", "bad.yaml:19:27: links[0].between[2]: too many items; expected two node ids, like [alice, bob]"],
    ["one link end", "between: [alice, bob]", "between: [alice]", "bad.yaml:19:14: links[0].between[1]: too few items; expected two node ids, like [alice, bob]"],
    ["a zero bandwidth", "bandwidth: 100Mbit/s", "bandwidth: 0Mbit/s", 'bad.yaml:20:16: links[0].bandwidth: expected a bit rate greater than 0, like 100Mbit/s, got "0Mbit/s"'],
    ["an unknown jitter distribution", "jitter: 0.2ms", "jitter: { distribution: gaussian, stddev: 1ms }", 'bad.yaml:22:29: links[0].jitter.distribution: expected one of "none", "uniform", "normal", "pareto", "paretonormal", got "gaussian"'],
    ["a normal jitter without stddev", "jitter: 0.2ms", "jitter: { distribution: normal }", 'bad.yaml:22:13: links[0].jitter.stddev: missing required field "stddev"'],
    ["a jitter of the wrong type", "jitter: 0.2ms", "jitter: true", "bad.yaml:22:13: links[0].jitter: expected a jitter like 0.2ms, { distribution: uniform, range: 0.2ms } or { distribution: normal|pareto|paretonormal, stddev: 0.2ms, correlation: 25% }, got true"],
    ["an empty value", "loss: 0.1%", "loss:", "bad.yaml:23:5: links[0].loss: expected a loss like 0.1%, { model: bernoulli, rate: 0.1% }, { model: gilbert-elliott, p: 1%, r: 30% } or { model: markov4, p13: 1% }, got an empty value"],
    ["a zero queue", "{ limit: 64KB }", "{ limit: 0B }", 'bad.yaml:24:21: links[0].queue.limit: expected a size greater than 0, like 64KB, got "0B"'],
    ["a ptime G.711 does not use", "ptime: 20ms", "ptime: 25ms", "bad.yaml:31:12: calls[0].ptime: G.711u packets carry 10, 20, 30 or 40 ms of audio, got 25ms"],
    ["an unknown jitter buffer kind", "{ kind: fixed, delay: 60ms }", "{ kind: adaptive }", 'bad.yaml:32:27: calls[0].jitterBuffer.kind: expected one of "fixed", got "adaptive"'],
    ["plc as text", "plc: true", "plc: yes", 'bad.yaml:33:10: calls[0].plc: expected true or false, got "yes"'],
    ["a call starting after the end", "start: 0s\n    duration: 60s", "start: 61s", "bad.yaml:34:12: calls[0].start: the call starts at 61s, but the scenario ends at 60s"],
    ["a call ending after the end", "start: 0s", "start: 30s", "bad.yaml:35:15: calls[0].duration: the call would end at 90s, after the scenario ends at 60s"],
    ["a call to itself", "to: bob", "to: alice", 'bad.yaml:29:9: calls[0].to: a call joins two different phones, but from and to are both "alice"'],
  ])("%s", (_, from, to, expected) => {
    expect(first(from, to)).toBe(expected)
  })

  it("a bad netem string, and a netem string beside the fields it sets", () => {
    expect(firstError(edit(DEFAULT, "jitter: 0.2ms", 'impairment: "delay 40ms loss gemodel x"'), "bad.yaml")).toMatch(
      /^bad\.yaml:22:17: links\[0\]\.impairment: netem: .*gemodel/,
    )
    expect(firstError(edit(DEFAULT, "jitter: 0.2ms", 'impairment: "delay 40ms 10ms"'), "bad.yaml")).toBe(
      "bad.yaml:22:17: links[0].impairment: give impairment or delay, loss, not both",
    )
  })

  it("a call between unconnected phones points at the call and names both ends", () => {
    const text = edit(edit(DEFAULT, "  - { id: bob, kind: phone }", "  - { id: bob, kind: phone }\n  - { id: carol, kind: phone }"), "to: bob", "to: carol")
    expect(firstError(text, "bad.yaml")).toBe("bad.yaml:28:5: calls[0]: no route between alice and carol: no chain of links joins them")
  })

  it("a link without a bandwidth in either direction", () => {
    const text = edit(DEFAULT, "calls:", "  - { id: wifi, between: [bob, alice], up: { bandwidth: 54Mbit/s } }\ncalls:")
    expect(firstError(text, "bad.yaml")).toBe('bad.yaml:26:5: links[1]: the down direction of link "wifi" has no bandwidth; give bandwidth, capacityTrace or a preset')
  })

  it("a default call id that collides with an explicit one", () => {
    const text = edit(DEFAULT, "calls:\n", "calls:\n  - { id: call-2, from: bob, to: alice, codec: PCMA, ptime: 20ms }\n  - { from: bob, to: alice, codec: PCMA, ptime: 20ms }\n")
    expect(errorsOf(text, "bad.yaml")).toContain('bad.yaml:28:5: calls[1]: the default id "call-2" is already used by calls[0]; give this one an id')
  })
})

describe("all errors are kept, in file order", () => {
  it("reports every mistake in a JSON file", () => {
    expect(errorsOf(fixture("bad.json"), "bad.json")).toStrictEqual([
      'bad.json:10:49: links[0].bandwith: unknown field "bandwith"; did you mean "bandwidth"?',
      'bad.json:10:82: links[0].loss: expected a percentage between 0% and 100%, got "150%"',
      `bad.json:13:46: calls[0].codec: unknown codec "G.999"; known codecs: ${KNOWN}`,
    ])
  })

  it("structural and unit errors together", () => {
    const text = edit(edit(DEFAULT, "seed: 1 ", "seed: -1 "), "ptime: 20ms", "ptime: 20")
    expect(errorsOf(text, "bad.yaml")).toStrictEqual([
      "bad.yaml:10:7: seed: expected a whole number from 0 to 9007199254740991, got -1",
      "bad.yaml:31:12: calls[0].ptime: expected a duration with a unit, like 20ms, got 20",
    ])
  })
})

describe("ScenarioError", () => {
  const error = new ScenarioError({ file: "s.yaml", line: 7, column: 11, path: "links[0].loss", message: "expected less" })

  it("formats as one line; toString is format", () => {
    expect(error.format()).toBe("s.yaml:7:11: links[0].loss: expected less")
    expect(String(error)).toBe(error.format())
  })

  it("formats plain copies too, as posted from a worker", () => {
    expect(formatScenarioError(structuredClone({ ...error }))).toBe(error.format())
  })

  it("leaves out what it does not know", () => {
    expect(new ScenarioError({ file: "s.yaml", path: "$", message: "unreadable" }).format()).toBe("s.yaml: unreadable")
  })

  it("never spans lines", () => {
    expect(new ScenarioError({ file: "s.yaml", line: 1, column: 1, path: "a", message: "x\n  y" }).format()).toBe("s.yaml:1:1: a: x y")
  })
})

describe("loadScenario, for Effect code", () => {
  it("succeeds with the scenario", () => {
    expect(Effect.runSync(loadScenario(DEFAULT, "default.yaml")).name).toBe("Two phones on a LAN")
  })

  it("fails with InvalidScenario carrying every error, the first as its message", () => {
    const exit = Effect.runSyncExit(Effect.flip(loadScenario(fixture("bad.json"), "bad.json")))
    if (!Exit.isSuccess(exit)) throw new Error("expected a failure")
    const failure = exit.value
    expect(failure).toBeInstanceOf(InvalidScenario)
    expect(failure._tag).toBe("InvalidScenario")
    expect(failure.errors).toHaveLength(3)
    expect(failure.message).toBe(failure.errors[0].format())
  })
})
