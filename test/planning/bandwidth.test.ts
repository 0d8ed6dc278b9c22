import { describe, expect, it } from "vitest"
import type { LinkOverhead, VoiceStack } from "../../src/media/overhead/index.ts"
import { callBandwidth } from "../../src/planning/bandwidth.ts"

const IPV4: VoiceStack = { ipVersion: 4 }
const ETHERNET: LinkOverhead = { framing: "ethernet" }

/** A figure as a vendor table prints it: rounded to as many decimals as the published value has. */
const asPublished = (kbps: number, published: string): string => kbps.toFixed(published.split(".")[1]?.length ?? 0)

const kbps = (payloadBytes: number, ptimeMs: number, link: LinkOverhead, stack: VoiceStack = IPV4): number =>
  callBandwidth({ payloadBytes, ptimeMs, stack, link }).perCallKbps

describe("Cisco, Voice Over IP - Per Call Bandwidth Consumption (document 7934)", () => {
  // Its assumptions: IP/UDP/RTP 40 bytes; cRTP 2 or 4 bytes; MP or FRF.12 6 bytes + a 1-byte flag;
  // Ethernet 18 bytes with the FCS. Columns: payload bytes, ptime ms, MP or FRF.12, with cRTP, Ethernet.
  const rows: readonly [string, number, number, string, string, string][] = [
    ["G.711 (64 kbit/s)", 160, 20, "82.8", "67.6", "87.2"],
    ["G.729 (8 kbit/s)", 20, 20, "26.8", "11.6", "31.2"],
    ["G.723.1 (6.3 kbit/s)", 24, 30, "18.9", "8.8", "21.9"],
    ["G.723.1 (5.3 kbit/s)", 20, 30, "17.9", "7.7", "20.8"],
    ["G.726 (32 kbit/s)", 80, 20, "50.8", "35.6", "55.2"],
    ["G.726 (24 kbit/s)", 60, 20, "42.8", "27.6", "47.2"],
    ["G.728 (16 kbit/s)", 60, 30, "28.5", "18.4", "31.5"],
    ["G.722 (64 kbit/s)", 160, 20, "82.8", "67.6", "87.2"],
    ["iLBC 20 ms (15.2 kbit/s)", 38, 20, "34.0", "18.8", "38.4"],
    ["iLBC 30 ms (13.33 kbit/s)", 50, 30, "25.867", "15.73", "28.8"],
  ]

  it.each(rows)("%s: %i-byte payload every %i ms", (_codec, payloadBytes, ptimeMs, mp, mpCrtp, ethernet) => {
    for (const framing of ["mlppp", "frame-relay", "ppp"] as const) {
      expect(asPublished(kbps(payloadBytes, ptimeMs, { framing }), mp), framing).toBe(mp)
      expect(asPublished(kbps(payloadBytes, ptimeMs, { framing, crtp: true }), mpCrtp), `${framing} + cRTP`).toBe(mpCrtp)
    }
    expect(asPublished(kbps(payloadBytes, ptimeMs, ETHERNET), ethernet)).toBe(ethernet)
  })

  it("assumed 2-byte cRTP headers: 4 bytes would make G.729 12.4 kbit/s, not the table's 11.6", () => {
    // (20 + 2 + 7) B × 8 × 50/s = 11.6 kbit/s; (20 + 4 + 7) B × 8 × 50/s = 12.4 kbit/s.
    expect(kbps(20, 20, { framing: "mlppp", crtp: { headerBytes: 2 } })).toBeCloseTo(11.6, 9)
    expect(kbps(20, 20, { framing: "mlppp", crtp: { headerBytes: 4 } })).toBeCloseTo(12.4, 9)
  })

  it("counts the 1-byte flag: without it G.711 on MP would be 82.4 kbit/s, not 82.8", () => {
    expect(kbps(160, 20, { framing: "mlppp" }) - kbps(160, 20, { framing: "none" })).toBeCloseTo(7 * 8 * 50 / 1000, 9)
  })
})

describe("Avaya Aura traffic engineering, bandwidth requirements for media streams (Ethernet 18 bytes)", () => {
  const rows: readonly [number, string, string][] = [
    [10, "110.4", "54.4"],
    [20, "87.2", "31.2"],
    [30, "79.5", "23.5"],
    [60, "71.7", "15.7"],
  ]
  it.each(rows)("%i ms: G.711 %s, G.729 %s kbit/s", (ptimeMs, g711, g729) => {
    expect(asPublished(kbps(8 * ptimeMs, ptimeMs, ETHERNET), g711)).toBe(g711)
    expect(asPublished(kbps(ptimeMs, ptimeMs, ETHERNET), g729)).toBe(g729)
  })
})

describe("Avaya IP Telephony Implementation Guide: Ethernet with preamble and SFD (26 bytes), PPP", () => {
  const preamble: LinkOverhead = { framing: "ethernet", countPhysical: "preamble" }
  it.each([
    ["G.711 20 ms", 160, 20, "90.4"],
    ["G.711 30 ms", 240, 30, "81.6"],
    ["G.726 20 ms", 80, 20, "58.4"],
    ["G.729 20 ms", 20, 20, "34.4"],
    ["G.729 30 ms", 30, 30, "25.6"],
  ] as const)("%s over Ethernet: %s kbit/s", (_call, payloadBytes, ptimeMs, published) => {
    expect(asPublished(kbps(payloadBytes, ptimeMs, preamble), published)).toBe(published)
  })
  it("over PPP: G.729 20 ms 26.8, G.726 20 ms 50.8 kbit/s", () => {
    expect(asPublished(kbps(20, 20, { framing: "ppp" }), "26.8")).toBe("26.8")
    expect(asPublished(kbps(80, 20, { framing: "ppp" }), "50.8")).toBe("50.8")
  })
})

describe("NetIQ Vivinet Assessor, VoIP header overhead on a PPP link (56 bits of header)", () => {
  it.each([
    ["G.711", 160, "82.8"],
    ["G.726", 80, "50.8"],
    ["G.729", 20, "26.8"],
  ] as const)("%s 20 ms: %s kbit/s", (_codec, payloadBytes, published) => {
    expect(asPublished(kbps(payloadBytes, 20, { framing: "ppp" }), published)).toBe(published)
  })
})

describe("Siemens HiPath 3000/5000 V8 HG 1500, LAN bandwidth with AES encryption (ESP tunnel mode)", () => {
  // The table's packet: MAC with preamble and FCS 26 + 802.1Q 4 + tunnel IP 20 + ESP header 8 + IV 16
  // + encrypted (IP/UDP/RTP 40 + payload + padding + 2) + 12-byte ESP trailer (the HMAC-SHA1-96 ICV).
  const stack: VoiceStack = { ipVersion: 4, tunnel: { kind: "ipsec-esp", cipher: "aes-cbc-hmac-sha1-96" } }
  const link: LinkOverhead = { framing: "ethernet-vlan", countPhysical: "preamble" }
  it.each([
    ["G.711", 20, 160, 6, 294, "117.6"],
    ["G.711", 40, 320, 6, 454, "90.8"],
    ["G.711", 60, 480, 6, 614, "81.9"],
    ["G.723.1", 30, 24, 14, 166, "44.3"],
    ["G.723.1", 60, 48, 6, 182, "24.3"],
    ["G.729A", 20, 20, 2, 150, "60.0"],
    ["G.729A", 40, 40, 14, 182, "36.4"],
    ["G.729A", 60, 60, 10, 198, "26.4"],
  ] as const)("%s %i ms: %i-byte payload, %i bytes of padding, %i-byte frame, %s kbit/s", (_codec, ptimeMs, payloadBytes, padBytes, frameBytes, published) => {
    const result = callBandwidth({ payloadBytes, ptimeMs, stack, link })
    expect(result.layers.find((l) => l.name === "esp-padding")?.bytes).toBe(padBytes)
    expect(result.packetBytes).toBe(frameBytes)
    expect(asPublished(result.perCallKbps, published)).toBe(published)
  })

  it("its G.711 30 ms row (372 bytes, 99.2 kbit/s) is 2 bytes short of its own sum: 112 + 16 + 240 + 6 = 374", () => {
    const result = callBandwidth({ payloadBytes: 240, ptimeMs: 30, stack, link })
    expect(result.packetBytes).toBe(374)
    expect(asPublished(result.perCallKbps, "99.7")).toBe("99.7")
  })
})

describe("layouts without a vendor table: expected values from the standards' byte counts", () => {
  it("an 802.1Q tag adds 4 bytes: G.711 20 ms 222 B × 8 × 50/s = 88.8, G.729 82 B → 32.8 kbit/s", () => {
    expect(kbps(160, 20, { framing: "ethernet-vlan" })).toBeCloseTo(88.8, 9)
    expect(kbps(20, 20, { framing: "ethernet-vlan" })).toBeCloseTo(32.8, 9)
  })

  it("IPv6 adds 20 bytes: G.711 238 B → 95.2, G.729 98 B → 39.2 kbit/s on Ethernet", () => {
    expect(kbps(160, 20, ETHERNET, { ipVersion: 6 })).toBeCloseTo(95.2, 9)
    expect(kbps(20, 20, ETHERNET, { ipVersion: 6 })).toBeCloseTo(39.2, 9)
  })

  it("SRTP's 10-byte tag adds 10 × 8 × 50 = 4 kbit/s at 50 packets/s, the 4-byte tag 1.6", () => {
    expect(kbps(160, 20, ETHERNET, { ipVersion: 4, srtpTagBytes: 10 })).toBeCloseTo(87.2 + 4, 9)
    expect(kbps(20, 20, ETHERNET, { ipVersion: 4, srtpTagBytes: 4 })).toBeCloseTo(31.2 + 1.6, 9)
  })

  it("WireGuard over IPv4 and Ethernet: G.711 286 B → 114.4, G.729 142 B → 56.8 kbit/s", () => {
    // G.711: inner 200 → padded 208 + Poly1305 tag 16 + data header 16 + UDP 8 + IPv4 20 = 268; + 18 = 286.
    // G.729: inner 60 → padded 64 + 16 + 16 + 8 + 20 = 124; + 18 = 142.
    const stack: VoiceStack = { ipVersion: 4, tunnel: { kind: "wireguard" } }
    expect(kbps(160, 20, ETHERNET, stack)).toBeCloseTo(114.4, 9)
    expect(kbps(20, 20, ETHERNET, stack)).toBeCloseTo(56.8, 9)
  })

  it("IPsec ESP tunnel over Ethernet: AES-CBC G.711 282 B → 112.8, AES-GCM G.729 134 B → 53.6 kbit/s", () => {
    // CBC: 20 + 8 + 16 + (200 + 6 pad + 2) + 12 = 264; + 18 = 282.
    // GCM: 20 + 8 + 8 + (60 + 2 pad + 2) + 16 = 116; + 18 = 134.
    expect(kbps(160, 20, ETHERNET, { ipVersion: 4, tunnel: { kind: "ipsec-esp", cipher: "aes-cbc-hmac-sha1-96" } })).toBeCloseTo(112.8, 9)
    expect(kbps(20, 20, ETHERNET, { ipVersion: 4, tunnel: { kind: "ipsec-esp", cipher: "aes-gcm-16" } })).toBeCloseTo(53.6, 9)
  })

  it("Wi-Fi QoS data with CCMP: G.711 200 + 26 + 8 + 8 + 8 + 4 = 254 B → 101.6 kbit/s (PHY preamble and ACK are airtime, not counted)", () => {
    expect(kbps(160, 20, { framing: "wifi", ccmp: true })).toBeCloseTo(101.6, 9)
  })

  // The table of docs/overhead.md, 20 ms packets: G.711 160 B, G.729 20 B.
  it.each([
    ["Ethernet + 802.1Q", IPV4, { framing: "ethernet-vlan" }, "88.8", "32.8"],
    ["IPv6, Ethernet", { ipVersion: 6 }, ETHERNET, "95.2", "39.2"],
    ["SRTP _80, Ethernet", { ipVersion: 4, srtpTagBytes: 10 }, ETHERNET, "91.2", "35.2"],
    ["WireGuard over IPv4, Ethernet", { ipVersion: 4, tunnel: { kind: "wireguard" } }, ETHERNET, "114.4", "56.8"],
    ["ESP AES-CBC/HMAC-SHA1-96, Ethernet", { ipVersion: 4, tunnel: { kind: "ipsec-esp", cipher: "aes-cbc-hmac-sha1-96" } }, ETHERNET, "112.8", "55.2"],
    ["ESP AES-GCM-16, Ethernet", { ipVersion: 4, tunnel: { kind: "ipsec-esp", cipher: "aes-gcm-16" } }, ETHERNET, "109.6", "53.6"],
    ["Wi-Fi QoS data + CCMP", IPV4, { framing: "wifi", ccmp: true }, "101.6", "45.6"],
  ] as const satisfies readonly (readonly [string, VoiceStack, LinkOverhead, string, string])[])(
    "%s: G.711 %s, G.729 %s kbit/s",
    (_case, stack, link, g711, g729) => {
      expect(asPublished(kbps(160, 20, link, stack), g711)).toBe(g711)
      expect(asPublished(kbps(20, 20, link, stack), g729)).toBe(g729)
    },
  )
})

describe("call bandwidth", () => {
  it("reports packet rate, packet sizes, payload rate and the layers of one packet", () => {
    const result = callBandwidth({ payloadBytes: 160, packetsPerSecond: 50, stack: IPV4, link: ETHERNET })
    expect(result).toEqual({
      calls: 1,
      packetsPerSecond: 50,
      packetBytes: 218,
      ipPacketBytes: 200,
      layers: [
        { name: "payload", bytes: 160 },
        { name: "rtp", bytes: 12 },
        { name: "udp", bytes: 8 },
        { name: "ipv4", bytes: 20 },
        { name: "ethernet-header", bytes: 14 },
        { name: "ethernet-fcs", bytes: 4 },
      ],
      voiceActivity: 1,
      payloadKbps: 64,
      perCallKbps: 87.2,
      totalKbps: 87.2,
    })
    expect(JSON.parse(JSON.stringify(result))).toEqual(result)
  })

  it("ptime and packets per second are the same thing", () => {
    const byPtime = callBandwidth({ payloadBytes: 24, ptimeMs: 30, stack: IPV4, link: ETHERNET })
    const byRate = callBandwidth({ payloadBytes: 24, packetsPerSecond: 100 / 3, stack: IPV4, link: ETHERNET })
    expect(byPtime.perCallKbps).toBeCloseTo(byRate.perCallKbps, 12)
  })

  it("scales with the number of calls", () => {
    const result = callBandwidth({ payloadBytes: 20, ptimeMs: 20, stack: IPV4, link: { framing: "mlppp", crtp: true }, calls: 24 })
    expect(result.perCallKbps).toBeCloseTo(11.6, 9)
    expect(result.totalKbps).toBeCloseTo(24 * 11.6, 9)
    expect(callBandwidth({ payloadBytes: 20, ptimeMs: 20, stack: IPV4, link: ETHERNET, calls: 0 }).totalKbps).toBe(0)
  })

  it("voice activity detection scales the voice packets: G.729 at 50 % activity is 15.6 kbit/s on Ethernet", () => {
    const result = callBandwidth({ payloadBytes: 20, ptimeMs: 20, stack: IPV4, link: ETHERNET, voiceActivity: 0.5 })
    expect(result.packetsPerSecond).toBe(25)
    expect(result.perCallKbps).toBeCloseTo(15.6, 9)
    expect(result.payloadKbps).toBeCloseTo(4, 9)
  })

  it("comfort noise sends SID packets, with every header, while silent", () => {
    // 40 % talk: 0.4 × 50 × 78 B = 1560 B/s. 60 % silence at 5 SID/s: 2 + 40 + 18 = 60 B is under
    // Ethernet's 64-byte minimum, so each SID frame is padded to 64: 0.6 × 5 × 64 = 192 B/s.
    const result = callBandwidth({
      payloadBytes: 20,
      ptimeMs: 20,
      stack: IPV4,
      link: ETHERNET,
      voiceActivity: 0.4,
      comfortNoise: { packetsPerSecond: 5, payloadBytes: 2 },
    })
    expect(result.packetsPerSecond).toBeCloseTo(0.4 * 50 + 0.6 * 5, 9)
    expect(result.perCallKbps).toBeCloseTo(((1560 + 192) * 8) / 1000, 9)
    expect(result.comfortNoise).toEqual({ packetsPerSecond: 5, packetBytes: 64 })
  })

  it("rejects a missing or doubled packet rate and out-of-range settings", () => {
    const base = { payloadBytes: 20, stack: IPV4, link: ETHERNET }
    expect(() => callBandwidth(base as unknown as Parameters<typeof callBandwidth>[0])).toThrow(/ptimeMs/)
    expect(() => callBandwidth({ ...base, ptimeMs: 20, packetsPerSecond: 50 } as unknown as Parameters<typeof callBandwidth>[0])).toThrow(/not both/)
    expect(() => callBandwidth({ ...base, ptimeMs: 0 })).toThrow(/ptimeMs/)
    expect(() => callBandwidth({ ...base, packetsPerSecond: Infinity })).toThrow(/packetsPerSecond/)
    expect(() => callBandwidth({ ...base, ptimeMs: 20, voiceActivity: 1.2 })).toThrow(/voiceActivity/)
    expect(() => callBandwidth({ ...base, ptimeMs: 20, calls: 2.5 })).toThrow(/calls/)
    expect(() => callBandwidth({ ...base, ptimeMs: 20, comfortNoise: { packetsPerSecond: -1, payloadBytes: 2 } })).toThrow(/comfortNoise/)
  })
})
