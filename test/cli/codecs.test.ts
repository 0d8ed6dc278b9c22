import { mkdtempSync, readFileSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { runCli } from "./run-cli.ts"

const KEYS = [
  "name", "aliases", "rtpName", "bitrateKbps", "frameMs", "lookaheadMs", "ptimesMs", "payloadBytes", "payloadType",
  "dynamicPayloadType", "rtpClockRate", "bandwidth", "wideband", "comfortNoise", "eModelScale", "ie", "bpl", "bplNoPlc",
  "bplPacketMs", "provisional", "notSimulated", "source", "eModelSource",
]

describe("voiplab codecs", () => {
  it("prints the catalogue as a table", () => {
    const r = runCli("codecs")
    expect(r.stderr).toBe("")
    expect(r.status).toBe(0)
    const lines = r.stdout.split("\n")
    expect(lines[0]).toMatch(/^codec\s+RTP\s+PT\s+clock Hz\s+kbit\/s/)
    expect(lines.find((l) => l.startsWith("G.729A "))).toMatch(/G729\s+18\s+8000\s+8\s+10\s+5\s+10 20 30 40\s+10 20 30 40\s+NB\s+11\s+19\s+yes$/)
    expect(lines.find((l) => l.startsWith("G.722 "))).toMatch(/G722\s+9\s+8000\s+64 .*WB\s+13 wb\s+—\s+no$/)
    expect(lines.find((l) => l.startsWith("Opus-NB-12k "))).toMatch(/opus\s+111\*\s+48000\s+12 .*11~\s+19~\s+yes$/)
  })

  it("--json prints every entry with the documented keys, in a stable order", () => {
    const r = runCli("codecs", "--json")
    expect(r.status).toBe(0)
    const rows = JSON.parse(r.stdout) as Record<string, unknown>[]
    expect(rows).toHaveLength(18)
    for (const row of rows) expect(Object.keys(row)).toEqual(KEYS)
    const byName = new Map(rows.map((row) => [row["name"], row]))
    expect(byName.get("G.711u")).toMatchObject({
      aliases: expect.arrayContaining(["PCMU", "G.711 µ-law"]),
      bitrateKbps: 64,
      frameMs: 0.125,
      ptimesMs: [10, 20, 30, 40],
      payloadBytes: [80, 160, 240, 320],
      payloadType: 0,
      rtpClockRate: 8000,
      ie: 0,
      bpl: 25.1,
      bplNoPlc: 4.3,
      wideband: false,
      notSimulated: null,
    })
    expect(byName.get("G.722")).toMatchObject({ rtpClockRate: 8000, wideband: true, eModelScale: "G.107.1", ie: 13, bpl: null })
    expect(byName.get("G.726-32")).toMatchObject({ ie: 7, bpl: null, dynamicPayloadType: true, notSimulated: expect.any(String) })
    expect(byName.get("iLBC-30")).toMatchObject({ payloadBytes: [50, 100, 150], provisional: ["ie", "bpl"] })
    expect(byName.get("Opus-FB-32k")).toMatchObject({ rtpClockRate: 48000, bandwidth: "fullband", ie: null, bpl: null })
    for (const row of rows) expect(row["source"]).toEqual(expect.any(String))
  })
})

describe("scenarios name codecs through the catalogue", () => {
  const dir = mkdtempSync(join(tmpdir(), "voiplab-codecs-"))
  const base = readFileSync("scenarios/default.yaml", "utf8")
  const withCall = (codec: string, ptime: string): string => {
    const file = join(dir, `${codec.replace(/\W/gu, "_")}-${ptime}.yaml`)
    writeFileSync(file, base.replace("codec: G.711u ", `codec: "${codec}" `).replace("ptime: 20ms ", `ptime: ${ptime} `))
    return file
  }

  it.each([
    ["G729", "20ms", "G.729A/20ms"],
    ["g.729ab", "40ms", "G.729B/40ms"],
    ["iLBC", "30ms", "iLBC-30/30ms"],
    ["AMR", "20ms", "AMR-12.2/20ms"],
  ])("%s at %s runs as %s", (codec, ptime, label) => {
    const r = runCli("run", withCall(codec, ptime))
    expect(r.stderr).toBe("")
    expect(r.status).toBe(0)
    expect(r.stdout).toContain(label)
  })

  it("a catalogued codec voiplab cannot score is refused with the reason", () => {
    const r = runCli("validate", withCall("G.722", "20ms"))
    expect(r.status).toBe(2)
    expect(r.stderr).toMatch(/calls\[0\]\.codec: G\.722 cannot be simulated yet: .*wideband scale .*; simulated codecs: G\.711u \(PCMU\)/)
  })

  it("an unknown codec lists the known ones", () => {
    const r = runCli("validate", withCall("G.999", "20ms"))
    expect(r.status).toBe(2)
    expect(r.stderr).toMatch(/unknown codec "G\.999"; known codecs: G\.711u \(PCMU\), G\.711a \(PCMA\), .*G\.729A \(G729\)/)
  })

  it("a ptime the codec does not allow names the allowed ones", () => {
    const r = runCli("validate", withCall("iLBC", "20ms"))
    expect(r.status).toBe(2)
    expect(r.stderr).toMatch(/calls\[0\]\.ptime: iLBC-30 packets carry 30, 60 or 90 ms of audio, got 20ms/)
  })
})
