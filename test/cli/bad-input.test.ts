import { mkdtempSync, readFileSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { runCli } from "./run-cli.ts"

const dir = mkdtempSync(join(tmpdir(), "voiplab-bad-"))
const base = readFileSync("scenarios/default.yaml", "utf8")

/** Writes a variant of the default scenario and returns its path. */
const variant = (name: string, text: string): string => {
  const file = join(dir, name)
  writeFileSync(file, text)
  return file
}

const expectOneLineError = (args: string[], pattern: RegExp) => {
  const r = runCli(...args)
  expect(r.status).toBe(2)
  expect(r.stdout).toBe("")
  const lines = r.stderr.trimEnd().split("\n")
  expect(lines).toHaveLength(1)
  expect(lines[0]).toMatch(pattern)
  expect(r.stderr).not.toMatch(/\n\s+at /) // no stack trace
}

describe("bad input: one line naming file, field and expectation; exit code 2", () => {
  it("a missing file", () => expectOneLineError(["run", join(dir, "nope.yaml")], /nope\.yaml.*no such file/))

  it("invalid YAML, with line and column", () =>
    expectOneLineError(["run", variant("syntax.yaml", "name: x\nnodes: [a, b\n")], /syntax\.yaml:\d+:\d+: .*YAML/i))

  it("an unknown field", () =>
    expectOneLineError(
      ["validate", variant("typo.yaml", base.replace("bandwidth:", "bandwith:"))],
      /typo\.yaml:\d+:\d+: links\[0\]\.bandwith/,
    ))

  it("a wrong unit", () =>
    expectOneLineError(
      ["run", variant("unit.yaml", base.replace(/delay: [^\n,}]+/, "delay: 20 parsecs"))],
      /unit\.yaml:\d+:\d+: links\[0\]\.delay: .*duration/,
    ))

  it("a negative bandwidth", () =>
    expectOneLineError(
      ["run", variant("neg.yaml", base.replace(/bandwidth: [^\n,}]+/, "bandwidth: -2Mbit/s"))],
      /neg\.yaml:\d+:\d+: links\[0\]\.bandwidth/,
    ))

  it("a loss of 150%", () =>
    expectOneLineError(
      ["run", variant("loss.yaml", base.replace(/loss: [^\n,}]+/, "loss: 150%"))],
      /loss\.yaml:\d+:\d+: links\[0\]\.loss.*100%/,
    ))

  it("an unknown codec", () =>
    expectOneLineError(
      ["run", variant("codec.yaml", base.replace(/codec: [^\n,}]+/, "codec: G.999"))],
      /codec\.yaml:\d+:\d+: calls\[0\]\.codec: .*G\.711/,
    ))

  it("a bad --seed", () => expectOneLineError(["run", "scenarios/default.yaml", "--seed", "-3"], /--seed/))
})
