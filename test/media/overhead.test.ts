import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { rtpPacketBytes, SRTP_TAG_BYTES } from "../../src/media/headers.ts"
import {
  framingBytes,
  LINK_FRAMINGS,
  type LinkFraming,
  type LinkOverhead,
  linkOverheadBytes,
  type PacketLayer,
  sumBytes,
  type Tunnel,
  voicePacketLayers,
  type VoiceStack,
} from "../../src/media/overhead/index.ts"

const IPV4: VoiceStack = { ipVersion: 4 }
const ETHERNET: LinkOverhead = { framing: "ethernet" }
const PPP: LinkOverhead = { framing: "ppp" }

const bytesOf = (layers: readonly PacketLayer[], name: string): number | undefined => layers.find((l) => l.name === name)?.bytes
const names = (layers: readonly PacketLayer[]): string[] => layers.map((l) => l.name)

describe("link framing", () => {
  it("adds per frame: Ethernet 14 + 4, a VLAN tag 4 more, PPP/MLPPP/Frame Relay 6 + 1 flag, 802.11 QoS data 26 + 8 + 4", () => {
    const expected: Record<LinkFraming, number> = {
      none: 0,
      ethernet: 18,
      "ethernet-vlan": 22,
      ppp: 7,
      mlppp: 7,
      "frame-relay": 7,
      wifi: 38,
    }
    for (const framing of LINK_FRAMINGS) expect(framingBytes(framing), framing).toBe(expected[framing])
  })

  it("pads short Ethernet frames to 64 bytes, tagged or not; serial and Wi-Fi links never pad", () => {
    expect(linkOverheadBytes(40, ETHERNET)).toBe(24) // a TCP ACK: 14 + 40 + 6 pad + 4 = 64
    expect(linkOverheadBytes(46, ETHERNET)).toBe(18) // 14 + 46 + 4 = 64: no pad
    expect(linkOverheadBytes(1500, ETHERNET)).toBe(18)
    expect(linkOverheadBytes(40, { framing: "ethernet-vlan" })).toBe(24) // 18 + 40 + 2 pad + 4 = 64
    expect(linkOverheadBytes(42, { framing: "ethernet-vlan" })).toBe(22)
    expect(linkOverheadBytes(20, PPP)).toBe(7)
    expect(linkOverheadBytes(20, { framing: "wifi" })).toBe(38)
    expect(linkOverheadBytes(20, { framing: "none" })).toBe(0)
  })

  it("counts Ethernet line time on request: preamble + SFD 8 and inter-frame gap 12, or the preamble alone", () => {
    expect(linkOverheadBytes(200, { framing: "ethernet", countPhysical: true })).toBe(38)
    expect(linkOverheadBytes(200, { framing: "ethernet", countPhysical: "preamble" })).toBe(26)
    expect(linkOverheadBytes(200, { framing: "ethernet-vlan", countPhysical: true })).toBe(42)
    expect(linkOverheadBytes(40, { framing: "ethernet", countPhysical: true })).toBe(44) // padded 64-byte frame + 20
  })

  it("adds CCMP's 8-byte header and 8-byte MIC to protected Wi-Fi frames", () => {
    expect(linkOverheadBytes(200, { framing: "wifi", ccmp: true })).toBe(54)
  })

  it("rejects settings no such link has", () => {
    expect(() => linkOverheadBytes(200, { framing: "ethernet", crtp: true })).toThrow(/cRTP/)
    expect(() => linkOverheadBytes(200, { framing: "wifi", crtp: { headerBytes: 2 } })).toThrow(/cRTP/)
    expect(() => linkOverheadBytes(200, { framing: "ppp", countPhysical: true })).toThrow(/countPhysical/)
    expect(() => linkOverheadBytes(200, { framing: "ethernet", ccmp: true })).toThrow(/ccmp/)
    expect(() => linkOverheadBytes(200, { framing: "ppp", crtp: { headerBytes: 3 as 2 } })).toThrow(/headerBytes/)
    expect(() => linkOverheadBytes(200, { framing: "token-ring" as LinkFraming })).toThrow(/framing/)
    expect(() => linkOverheadBytes(-1, ETHERNET)).toThrow(RangeError)
    expect(() => linkOverheadBytes(1.5, ETHERNET)).toThrow(RangeError)
  })
})

describe("voice packet layers", () => {
  it("G.711 20 ms over IPv4 and Ethernet: 160 + RTP 12 + UDP 8 + IPv4 20 = 200 at IP, + 18 = 218 on the wire", () => {
    const packet = voicePacketLayers(160, IPV4, ETHERNET)
    expect(packet.layers).toEqual([
      { name: "payload", bytes: 160 },
      { name: "rtp", bytes: 12 },
      { name: "udp", bytes: 8 },
      { name: "ipv4", bytes: 20 },
      { name: "ethernet-header", bytes: 14 },
      { name: "ethernet-fcs", bytes: 4 },
    ])
    expect(packet.ipBytes).toBe(200)
    expect(packet.ipBytes).toBe(rtpPacketBytes(160))
    expect(packet.totalBytes).toBe(218)
  })

  it("IPv6 adds 20 bytes: a 40-byte header instead of 20", () => {
    const packet = voicePacketLayers(160, { ipVersion: 6 }, ETHERNET)
    expect(bytesOf(packet.layers, "ipv6")).toBe(40)
    expect(packet.ipBytes).toBe(220)
    expect(packet.totalBytes).toBe(238)
  })

  it("SRTP adds its authentication tag after the payload: 10 bytes for _80, 4 for _32", () => {
    const srtp80 = voicePacketLayers(160, { ipVersion: 4, srtpTagBytes: SRTP_TAG_BYTES.AES_CM_128_HMAC_SHA1_80 }, ETHERNET)
    expect(names(srtp80.layers).slice(0, 3)).toEqual(["payload", "srtp-tag", "rtp"])
    expect(srtp80.totalBytes).toBe(228)
    expect(voicePacketLayers(160, { ipVersion: 4, srtpTagBytes: SRTP_TAG_BYTES.AES_CM_128_HMAC_SHA1_32 }, ETHERNET).totalBytes).toBe(222)
  })

  it("cRTP replaces RTP/UDP/IP by 2 bytes (4 with the UDP checksum), and by 4 by default over IPv6", () => {
    const compressed = voicePacketLayers(20, IPV4, { framing: "ppp", crtp: true })
    expect(compressed.layers).toEqual([
      { name: "payload", bytes: 20 },
      { name: "crtp", bytes: 2 },
      { name: "ppp-header", bytes: 4 },
      { name: "ppp-fcs", bytes: 2 },
      { name: "hdlc-flag", bytes: 1 },
    ])
    expect(compressed.totalBytes).toBe(29)
    expect(compressed.ipBytes).toBe(60) // the IP packet is still 60 bytes on either side of the link
    expect(voicePacketLayers(20, IPV4, { framing: "mlppp", crtp: { headerBytes: 4 } }).totalBytes).toBe(31)
    expect(voicePacketLayers(20, { ipVersion: 6 }, { framing: "frame-relay", crtp: true }).totalBytes).toBe(31)
    expect(voicePacketLayers(20, { ipVersion: 6 }, { framing: "ppp", crtp: { headerBytes: 2 } }).totalBytes).toBe(29)
    expect(voicePacketLayers(20, IPV4, { framing: "ppp", crtp: false }).totalBytes).toBe(67)
  })

  it("cRTP leaves SRTP's tag alone: it is payload to the compressor", () => {
    expect(voicePacketLayers(20, { ipVersion: 4, srtpTagBytes: 10 }, { framing: "ppp", crtp: true }).totalBytes).toBe(39)
  })

  it("cRTP cannot compress tunnelled voice: the link sees the tunnel's packets", () => {
    const tunnelled = voicePacketLayers(20, { ipVersion: 4, tunnel: { kind: "wireguard" } }, { framing: "ppp", crtp: true })
    expect(names(tunnelled.layers)).not.toContain("crtp")
    expect(tunnelled.totalBytes).toBe(tunnelled.ipBytes + 7)
  })

  it("IPsec ESP tunnel, AES-CBC + HMAC-SHA1-96 (RFC 4303, 3602, 2404), G.711 20 ms", () => {
    const packet = voicePacketLayers(160, { ipVersion: 4, tunnel: { kind: "ipsec-esp", cipher: "aes-cbc-hmac-sha1-96" } }, ETHERNET)
    // inner IP packet 200; 200 + 2 trailer = 202 → 208 (13 AES blocks): 6 bytes of padding.
    // ESP = header 8 + IV 16 + 200 + pad 6 + trailer 2 + ICV 12 = 244; outer IPv4 20 → 264; Ethernet 18 → 282.
    expect(bytesOf(packet.layers, "esp-padding")).toBe(6)
    expect(packet.ipBytes).toBe(264)
    expect(packet.totalBytes).toBe(282)
  })

  it("IPsec ESP tunnel, AES-CBC, G.729 20 ms: 60 + 2 → 64, so 2 bytes of padding", () => {
    const packet = voicePacketLayers(20, { ipVersion: 4, tunnel: { kind: "ipsec-esp", cipher: "aes-cbc-hmac-sha1-96" } }, ETHERNET)
    // 8 + 16 + 60 + 2 + 2 + 12 = 100; + 20 = 120; + 18 = 138.
    expect(bytesOf(packet.layers, "esp-padding")).toBe(2)
    expect(packet.ipBytes).toBe(120)
    expect(packet.totalBytes).toBe(138)
  })

  it("IPsec ESP tunnel, AES-GCM-16 (RFC 4106): 8-byte IV, 16-byte ICV, padding only to 4-byte alignment", () => {
    const esp: Tunnel = { kind: "ipsec-esp", cipher: "aes-gcm-16" }
    const g711 = voicePacketLayers(160, { ipVersion: 4, tunnel: esp }, ETHERNET)
    // 200 + 2 = 202 → 204: pad 2. ESP = 8 + 8 + 200 + 2 + 2 + 16 = 236; + 20 = 256; + 18 = 274.
    expect(bytesOf(g711.layers, "esp-padding")).toBe(2)
    expect(g711.ipBytes).toBe(256)
    expect(g711.totalBytes).toBe(274)
    // 162-byte payload: 202 + 2 = 204, already aligned.
    expect(bytesOf(voicePacketLayers(162, { ipVersion: 4, tunnel: esp }, ETHERNET).layers, "esp-padding")).toBe(0)
  })

  it("ESP through NAT adds an 8-byte UDP header (RFC 3948); the outer header follows the voice IP version unless set", () => {
    const plain = voicePacketLayers(160, { ipVersion: 4, tunnel: { kind: "ipsec-esp", cipher: "aes-cbc-hmac-sha1-96" } }, ETHERNET)
    const natT = voicePacketLayers(160, { ipVersion: 4, tunnel: { kind: "ipsec-esp", cipher: "aes-cbc-hmac-sha1-96", natTraversal: true } }, ETHERNET)
    expect(natT.totalBytes - plain.totalBytes).toBe(8)
    const overV6 = voicePacketLayers(160, { ipVersion: 4, tunnel: { kind: "ipsec-esp", cipher: "aes-cbc-hmac-sha1-96", outerIpVersion: 6 } }, ETHERNET)
    expect(bytesOf(overV6.layers, "outer-ipv6")).toBe(40)
    expect(overV6.totalBytes - plain.totalBytes).toBe(20)
  })

  it("WireGuard (whitepaper §5.4.6), G.711 20 ms: 200 → padded 208 + tag 16 + header 16 + UDP 8 + IPv4 20", () => {
    const packet = voicePacketLayers(160, { ipVersion: 4, tunnel: { kind: "wireguard" } }, ETHERNET)
    expect(packet.layers.slice(4, 9)).toEqual([
      { name: "wireguard-padding", bytes: 8 },
      { name: "wireguard-tag", bytes: 16 },
      { name: "wireguard-header", bytes: 16 },
      { name: "outer-udp", bytes: 8 },
      { name: "outer-ipv4", bytes: 20 },
    ])
    expect(packet.ipBytes).toBe(268) // 208 + 16 + 16 + 8 + 20
    expect(packet.totalBytes).toBe(286)
  })

  it("WireGuard, G.729 20 ms over IPv6 outside: 60 → 64 + 16 + 16 + 8 + 40 = 144", () => {
    const packet = voicePacketLayers(20, { ipVersion: 4, tunnel: { kind: "wireguard", outerIpVersion: 6 } }, { framing: "none" })
    expect(bytesOf(packet.layers, "wireguard-padding")).toBe(4)
    expect(packet.ipBytes).toBe(144)
    expect(packet.totalBytes).toBe(144)
  })

  it("rejects a bad payload, SRTP tag, IP version or tunnel", () => {
    expect(() => voicePacketLayers(-1, IPV4, ETHERNET)).toThrow(/payloadBytes/)
    expect(() => voicePacketLayers(20.5, IPV4, ETHERNET)).toThrow(/payloadBytes/)
    expect(() => voicePacketLayers(20, { ipVersion: 4, srtpTagBytes: -4 }, ETHERNET)).toThrow(/srtpTagBytes/)
    expect(() => voicePacketLayers(20, { ipVersion: 5 as 4 }, ETHERNET)).toThrow(/ipVersion/)
    expect(() => voicePacketLayers(20, { ipVersion: 4, tunnel: { kind: "gre" } as unknown as Tunnel }, ETHERNET)).toThrow(/tunnel/)
    expect(() => voicePacketLayers(20, { ipVersion: 4, tunnel: { kind: "ipsec-esp", cipher: "des" } as unknown as Tunnel }, ETHERNET)).toThrow(/cipher/)
  })

  const stacks = fc.record(
    {
      ipVersion: fc.constantFrom(4 as const, 6 as const),
      srtpTagBytes: fc.constantFrom(0, 4, 10),
      tunnel: fc.constantFrom<Tunnel>(
        { kind: "wireguard" },
        { kind: "ipsec-esp", cipher: "aes-cbc-hmac-sha1-96" },
        { kind: "ipsec-esp", cipher: "aes-gcm-16", natTraversal: true },
      ),
    },
    { requiredKeys: ["ipVersion"] },
  )
  const links = fc.record(
    { framing: fc.constantFrom(...LINK_FRAMINGS), countPhysical: fc.constantFrom(true, "preamble" as const) },
    { requiredKeys: ["framing"] },
  ).map((link): LinkOverhead => (link.framing === "ethernet" || link.framing === "ethernet-vlan" ? link : { framing: link.framing }))

  it("without cRTP, a voice packet costs its IP bytes plus what the link adds to any IP packet that size", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1400 }), stacks, links, (payloadBytes, stack, link) => {
        const packet = voicePacketLayers(payloadBytes, stack, link)
        expect(packet.totalBytes).toBe(sumBytes(packet.layers))
        expect(packet.totalBytes).toBe(packet.ipBytes + linkOverheadBytes(packet.ipBytes, link))
      }),
    )
  })

  it("tunnel padding fills whole cipher blocks: ESP-CBC 16, ESP-GCM 4, WireGuard 16", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1400 }), fc.constantFrom(4 as const, 6 as const), (payloadBytes, ipVersion) => {
        const inner = voicePacketLayers(payloadBytes, { ipVersion }, { framing: "none" }).ipBytes
        const layersOf = (tunnel: Tunnel) => voicePacketLayers(payloadBytes, { ipVersion, tunnel }, { framing: "none" }).layers
        const cbc = layersOf({ kind: "ipsec-esp", cipher: "aes-cbc-hmac-sha1-96" })
        const gcm = layersOf({ kind: "ipsec-esp", cipher: "aes-gcm-16" })
        const wg = layersOf({ kind: "wireguard" })
        expect((inner + bytesOf(cbc, "esp-padding")! + 2) % 16).toBe(0)
        expect(bytesOf(cbc, "esp-padding")).toBeLessThan(16)
        expect((inner + bytesOf(gcm, "esp-padding")! + 2) % 4).toBe(0)
        expect(bytesOf(gcm, "esp-padding")).toBeLessThan(4)
        expect((inner + bytesOf(wg, "wireguard-padding")!) % 16).toBe(0)
        expect(bytesOf(wg, "wireguard-padding")).toBeLessThan(16)
      }),
    )
  })

  it("a bigger payload never makes a smaller packet", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1400 }), stacks, links, (payloadBytes, stack, link) => {
        expect(voicePacketLayers(payloadBytes + 1, stack, link).totalBytes).toBeGreaterThanOrEqual(voicePacketLayers(payloadBytes, stack, link).totalBytes)
      }),
    )
  })
})
