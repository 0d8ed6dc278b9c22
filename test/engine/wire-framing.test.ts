import { describe, expect, it } from "vitest"
import { voiceHeaderStack, wireFramingOf } from "../../src/engine/wire-framing.ts"
import type { IpVersion } from "../../src/media/headers.ts"
import { LINK_FRAMINGS, type LinkOverhead, linkOverheadBytes, type Tunnel, voicePacketLayers } from "../../src/media/overhead/index.ts"
import { HEADER_STACK } from "../../src/network/packet.ts"

// Every link setting the scenario file can express.
const LINKS: readonly LinkOverhead[] = [
  ...LINK_FRAMINGS.map((framing): LinkOverhead => ({ framing })),
  ...(["ppp", "mlppp", "frame-relay"] as const).flatMap((framing): LinkOverhead[] => [
    { framing, crtp: true },
    { framing, crtp: { headerBytes: 2 } },
    { framing, crtp: { headerBytes: 4 } },
  ]),
]

const TUNNELS: readonly (Tunnel | undefined)[] = [
  undefined,
  { kind: "wireguard" },
  { kind: "ipsec-esp", cipher: "aes-gcm-16" },
  { kind: "ipsec-esp", cipher: "aes-cbc-hmac-sha1-96", natTraversal: true },
]

/** What the link direction computes per packet. */
const onWire = (link: LinkOverhead, ipBytes: number, stack: number): number => {
  const framing = wireFramingOf(link)
  return Math.max(framing.minFrameBytes, ipBytes + framing.bytesByStack[stack]!)
}

describe("per-packet framing numbers agree with src/media/overhead for every size", () => {
  it.each(LINKS.map((l) => [JSON.stringify(l), l] as const))("cross traffic on %s: IP size + linkOverheadBytes, padding included", (_, link) => {
    for (let ipBytes = 0; ipBytes <= 1600; ipBytes++) expect(onWire(link, ipBytes, HEADER_STACK.ip)).toBe(ipBytes + linkOverheadBytes(ipBytes, link))
  })

  it.each(LINKS.map((l) => [JSON.stringify(l), l] as const))("voice on %s: voicePacketLayers' totalBytes, cRTP included", (_, link) => {
    for (const ipVersion of [4, 6] as const satisfies readonly IpVersion[])
      for (const srtpTagBytes of [0, 4, 10])
        for (const tunnel of TUNNELS)
          for (let payloadBytes = 0; payloadBytes <= 320; payloadBytes++) {
            const stack = { ipVersion, srtpTagBytes, ...(tunnel === undefined ? {} : { tunnel }) }
            const voice = voicePacketLayers(payloadBytes, stack, link)
            expect(onWire(link, voice.ipBytes, voiceHeaderStack(ipVersion, tunnel))).toBe(voice.totalBytes)
          }
  })

  it("reads what the report shows", () => {
    expect(wireFramingOf({ framing: "ethernet" })).toEqual({ name: "ethernet", crtp: false, bytesByStack: [18, 18, 18], minFrameBytes: 64 })
    // RFC 2508: 40 bytes of RTP/UDP/IPv4 become 2, 60 of RTP/UDP/IPv6 become 4; PPP adds 7.
    expect(wireFramingOf({ framing: "ppp", crtp: true })).toEqual({ name: "ppp", crtp: true, bytesByStack: [7, 7 + 2 - 40, 7 + 4 - 60], minFrameBytes: 7 })
  })
})
