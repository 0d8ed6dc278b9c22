import { describe, expect, it } from "vitest"
import { P59_CONVERSATION } from "../../src/media/voice-activity/conversation.ts"
import { conversationStatistics } from "../../src/media/voice-activity/conversation-statistics.ts"
import { runCli } from "./run-cli.ts"

/** `voiplab bandwidth … --json`, parsed; the command must succeed quietly. */
const bandwidth = (...args: string[]): Record<string, unknown> & { perCallKbps: number; totalKbps: number } => {
  const r = runCli("bandwidth", ...args, "--json")
  expect(r.stderr).toBe("")
  expect(r.status).toBe(0)
  return JSON.parse(r.stdout)
}

/** A figure as a vendor table prints it: rounded to as many decimals as the published value has. */
const asPublished = (kbps: number, published: string): string => kbps.toFixed(published.split(".")[1]?.length ?? 0)

const expectOneLineError = (args: string[], pattern: RegExp): void => {
  const r = runCli(...args)
  expect(r.status).toBe(2)
  expect(r.stdout).toBe("")
  const lines = r.stderr.trimEnd().split("\n")
  expect(lines).toHaveLength(1)
  expect(lines[0]).toMatch(pattern)
}

describe("voiplab bandwidth against Cisco's per-call table (document 7934)", () => {
  // Codec, ptime, a serial framing, MP or FRF.12, with cRTP (2 bytes), Ethernet: rows of
  // test/planning/bandwidth.test.ts (which pins them all), asked the way a user asks: codec names
  // become payload sizes through the catalogue.
  const rows: readonly (readonly [string, string, string, string, string, string])[] = [
    ["G.711", "20ms", "ppp", "82.8", "67.6", "87.2"],
    ["G.729", "20ms", "mlppp", "26.8", "11.6", "31.2"],
    ["G.723.1-5.3", "30ms", "frame-relay", "17.9", "7.7", "20.8"],
    ["G.728", "30ms", "ppp", "28.5", "18.4", "31.5"],
    ["iLBC-30", "30ms", "frame-relay", "25.867", "15.73", "28.8"],
  ]
  it.each(rows)("%s at %s: %s %s, with cRTP %s, Ethernet %s kbit/s", (codec, ptime, serial, mp, crtp, ethernet) => {
    expect(asPublished(bandwidth("--codec", codec, "--ptime", ptime, "--link", serial).perCallKbps, mp)).toBe(mp)
    expect(asPublished(bandwidth("--codec", codec, "--ptime", ptime, "--link", serial, "--crtp").perCallKbps, crtp)).toBe(crtp)
    expect(asPublished(bandwidth("--codec", codec, "--ptime", ptime, "--link", "ethernet").perCallKbps, ethernet)).toBe(ethernet)
  })
})

describe("voiplab bandwidth against Avaya's media-stream table (Ethernet 18 bytes)", () => {
  // 10 and 60 ms are not among the catalogue's usual G.711 ptimes of 20–40 ms: any whole number of frames is accepted.
  it.each([
    ["10ms", "110.4", "54.4"],
    ["60ms", "71.7", "15.7"],
  ])("%s: G.711 %s, G.729 %s kbit/s", (ptime, g711, g729) => {
    expect(asPublished(bandwidth("--codec", "G.711", "--ptime", ptime).perCallKbps, g711)).toBe(g711)
    expect(asPublished(bandwidth("--codec", "G.729", "--ptime", ptime).perCallKbps, g729)).toBe(g729)
  })
})

describe("voiplab bandwidth: options, from the standards' byte counts (docs/overhead.md)", () => {
  // The library test checks G.711 and G.729 with every option; here one of them per option, end to end.
  it.each([
    ["--vlan", "G.729", 32.8, ["--vlan"]],
    ["--ipv6", "G.711", 95.2, ["--ipv6"]],
    ["--srtp (10-byte tag)", "G.729", 35.2, ["--srtp"]],
    ["--tunnel wireguard", "G.711", 114.4, ["--tunnel", "wireguard"]],
    ["--tunnel ipsec-esp (AES-GCM)", "G.729", 53.6, ["--tunnel", "ipsec-esp"]],
    ["--tunnel ipsec-esp --esp-cipher aes-cbc-hmac-sha1-96", "G.711", 112.8, ["--tunnel", "ipsec-esp", "--esp-cipher", "aes-cbc-hmac-sha1-96"]],
    // 802.11 QoS data 26 + LLC/SNAP 8 + FCS 4 = 38 bytes: (60 + 38) B × 8 × 50/s = 39.2 kbit/s.
    ["--link wifi", "G.729", 39.2, ["--link", "wifi"]],
    ["--link none", "G.711", 80, ["--link", "none"]],
  ] as const)("%s: %s %s kbit/s at 20 ms", (_case, codec, kbps, flags) => {
    expect(bandwidth("--codec", codec, ...flags).perCallKbps).toBeCloseTo(kbps, 9)
  })

  it("--json gives the settings, the layers of one packet and the rates, per call and for --calls", () => {
    const result = bandwidth("--codec", "G.729", "--ptime", "20ms", "--link", "ethernet", "--calls", "30")
    expect(result).toEqual({
      codec: "G.729A",
      ptimeMs: 20,
      payloadBytes: 20,
      framing: "ethernet",
      crtp: false,
      ipVersion: 4,
      srtpTagBytes: 0,
      tunnel: null,
      vad: false,
      calls: 30,
      packetsPerSecond: 50,
      packetBytes: 78,
      ipPacketBytes: 60,
      layers: [
        { name: "payload", bytes: 20 },
        { name: "rtp", bytes: 12 },
        { name: "udp", bytes: 8 },
        { name: "ipv4", bytes: 20 },
        { name: "ethernet-header", bytes: 14 },
        { name: "ethernet-fcs", bytes: 4 },
      ],
      voiceActivity: 1,
      payloadKbps: 8,
      perCallKbps: expect.closeTo(31.2, 9),
      totalKbps: expect.closeTo(936, 9),
    })
  })

  it("prints the header breakdown and the rates as tables", () => {
    const r = runCli("bandwidth", "--codec", "G.729", "--ptime", "20ms", "--link", "ethernet", "--calls", "30")
    expect(r.stderr).toBe("")
    expect(r.status).toBe(0)
    const lines = r.stdout.split("\n")
    expect(lines[0]).toBe("G.729A, 20 ms packets (20-byte payload), RTP / IPv4 over Ethernet: one direction of a call")
    expect(lines).toContainEqual(expect.stringMatching(/^layer\s+bytes$/))
    for (const [layer, bytes] of [["payload", 20], ["rtp", 12], ["udp", 8], ["ipv4", 20], ["ethernet-header", 14], ["ethernet-fcs", 4], ["packet on the link", 78]]) {
      expect(lines).toContainEqual(expect.stringMatching(new RegExp(`^${layer}\\s+${bytes}$`)))
    }
    expect(lines).toContainEqual(expect.stringMatching(/^\s+per call\s+30 calls$/))
    expect(lines).toContainEqual(expect.stringMatching(/^packets\/s\s+50\s+1500$/))
    expect(lines).toContainEqual(expect.stringMatching(/^kbit\/s on the link\s+31\.2\s+936$/))
    expect(lines).toContainEqual(expect.stringMatching(/^codec payload kbit\/s\s+8\s+240$/))
  })

  it("cRTP shows the 2-byte compressed header in place of RTP/UDP/IP", () => {
    const result = bandwidth("--codec", "G.729", "--link", "ppp", "--crtp")
    expect(result["layers"]).toEqual([
      { name: "payload", bytes: 20 },
      { name: "crtp", bytes: 2 },
      { name: "ppp-header", bytes: 4 },
      { name: "ppp-fcs", bytes: 2 },
      { name: "hdlc-flag", bytes: 1 },
    ])
  })

  it("the default ptime is 20 ms, or the codec's shortest packet when 20 ms is not whole frames", () => {
    expect(bandwidth("--codec", "PCMU")).toMatchObject({ codec: "G.711u", ptimeMs: 20, payloadBytes: 160 })
    expect(bandwidth("--codec", "G.723.1")).toMatchObject({ codec: "G.723.1-6.3", ptimeMs: 30, payloadBytes: 24 })
    expect(bandwidth("--codec", "iLBC")).toMatchObject({ codec: "iLBC-30", ptimeMs: 30, payloadBytes: 50 })
  })

  it("--vad: voice for P.59's activity factor, a SID every 160 ms of silence with all its headers", () => {
    const activity = conversationStatistics(P59_CONVERSATION).activityFactor
    expect(activity).toBeCloseTo(0.3867, 4)
    const result = bandwidth("--codec", "G.729B", "--vad", "--calls", "100")
    // Voice: activity × 50/s × 78 B. SID: 2 + 40 + 18 = 60 B, padded to Ethernet's 64, 6.25/s while silent.
    const perCall = ((activity * 50 * 78 + (1 - activity) * 6.25 * 64) * 8) / 1000
    expect(result).toMatchObject({
      vad: true,
      voiceActivity: activity,
      packetsPerSecond: expect.closeTo(activity * 50 + (1 - activity) * 6.25, 9),
      comfortNoise: { scheme: "G.729 Annex B", sidBytes: 2, packetsPerSecond: 6.25, packetBytes: 64 },
    })
    expect(result.perCallKbps).toBeCloseTo(perCall, 9)
    expect(result.totalKbps).toBeCloseTo(100 * perCall, 9)
    const text = runCli("bandwidth", "--codec", "G.729B", "--vad").stdout
    expect(text).toMatch(/voice 38\.67% of the time \(ITU-T P\.59 conversation model\); while silent one 2-byte SID \(G\.729 Annex B\) every 160 ms, 64 B on the link/)
  })
})

describe("voiplab bandwidth: bad input is one line, exit code 2", () => {
  it("an unknown codec lists the known ones", () =>
    expectOneLineError(["bandwidth", "--codec", "G.999"], /^voiplab: --codec: unknown codec "G\.999"; known codecs: G\.711u, G\.711a, G\.722, .*Opus-FB-32k/))

  it("cRTP on Ethernet", () =>
    expectOneLineError(["bandwidth", "--codec", "G.729", "--crtp"], /^voiplab: --crtp: cRTP works on serial links only \(--link ppp, mlppp or frame-relay\), not on ethernet$/))

  it("cRTP through a tunnel", () =>
    expectOneLineError(["bandwidth", "--codec", "G.729", "--link", "ppp", "--crtp", "--tunnel", "wireguard"], /--crtp: a tunnel encrypts/))

  it("an 802.1Q tag on a serial link", () => expectOneLineError(["bandwidth", "--codec", "G.729", "--link", "ppp", "--vlan"], /--vlan: .*--link ethernet/))

  it("an ESP cipher without an ESP tunnel", () =>
    expectOneLineError(["bandwidth", "--codec", "G.729", "--esp-cipher", "aes-gcm-16"], /--esp-cipher: applies to --tunnel ipsec-esp only/))

  it("VAD on a codec without silence descriptors says which one has them", () =>
    expectOneLineError(["bandwidth", "--codec", "G.729", "--vad"], /--vad: G\.729 sends silence descriptors only with Annex B: use --codec G\.729B/))

  it("a ptime that is not whole frames, and one without a unit", () => {
    expectOneLineError(["bandwidth", "--codec", "G.729", "--ptime", "25ms"], /--ptime: G\.729A packets carry whole 10 ms frames .*got 25ms/)
    expectOneLineError(["bandwidth", "--codec", "G.729", "--ptime", "20"], /--ptime: expected a duration with a unit, like 20ms, got "20"/)
  })

  it("an unknown link and a negative number of calls", () => {
    expectOneLineError(["bandwidth", "--codec", "G.729", "--link", "token-ring"], /token-ring/)
    expectOneLineError(["bandwidth", "--codec", "G.729", "--calls", "-1"], /--calls: expected a whole number ≥ 0, got -1/)
  })
})
