import { describe, expect, it } from "vitest"
import { parseScenario } from "../../src/scenario/load.ts"
import type { Scenario } from "../../src/scenario/schema.ts"

/** Two PBXs and one link; `link` and `call` are inserted into their flow mappings. */
const text = (o: { link?: string; call?: string; events?: string }): string => `name: t
seed: 1
duration: 10s
nodes: [{ id: a, kind: pbx }, { id: b, kind: pbx }]
links:
  - { id: ab, between: [a, b], bandwidth: 1Mbit/s${o.link === undefined ? "" : `, ${o.link}`} }
calls:
  - { id: c, from: a, to: b, codec: G.729A, ptime: 20ms${o.call === undefined ? "" : `, ${o.call}`} }
${o.events === undefined ? "" : `events:\n  - ${o.events}\n`}`

const parsed = (o: Parameters<typeof text>[0]): Scenario => {
  const result = parseScenario(text(o), "t.yaml")
  if (!result.ok) throw new Error(result.errors.map((e) => e.format()).join("\n"))
  return result.scenario
}

const errors = (o: Parameters<typeof text>[0]): string[] => {
  const result = parseScenario(text(o), "t.yaml")
  if (result.ok) throw new Error("parsed, but should not have")
  return result.errors.map((e) => e.format())
}

describe("link framing in a scenario", () => {
  it("is none by default, so files written before it keep their results", () => {
    const link = parsed({}).links[0]!
    for (const d of [link.up, link.down]) expect([d.framing, d.crtp]).toEqual(["none", false])
  })

  it("is set per link or per direction, like every link field", () => {
    const link = parsed({ link: "framing: ppp, crtp: true, down: { framing: frame-relay, crtp: { headerBytes: 4 } }" }).links[0]!
    expect([link.up.framing, link.up.crtp]).toEqual(["ppp", true])
    expect([link.down.framing, link.down.crtp]).toEqual(["frame-relay", { headerBytes: 4 }])
  })

  it("comes with the ethernet-lan preset, and the link may override it", () => {
    expect(parsed({ link: "preset: ethernet-lan" }).links[0]!.up.framing).toBe("ethernet")
    expect(parsed({ link: "preset: ethernet-lan, framing: none" }).links[0]!.up.framing).toBe("none")
    expect(parsed({ link: "preset: dsl-8m-1m" }).links[0]!.up.framing).toBe("none")
  })

  it("names the framings when it is not one of them", () => {
    expect(errors({ link: "framing: atm" })[0]).toBe(
      't.yaml:6:61: links[0].framing: expected a link framing: none, ethernet, ethernet-vlan, ppp, mlppp, frame-relay, wifi, got "atm"',
    )
  })
})

describe("cRTP needs a serial framing", () => {
  it("is refused on Ethernet, naming the field and the fix", () => {
    expect(errors({ link: "framing: ethernet, crtp: true" })).toEqual([
      't.yaml:6:77: links[0].crtp: cRTP works on ppp, mlppp or frame-relay links, not on "ethernet" (both directions of link "ab"; set framing: ppp, mlppp or frame-relay)',
    ])
  })

  it("is refused on a link without framing", () => {
    expect(errors({ link: "crtp: true" })[0]).toMatch(/^t\.yaml:6:\d+: links\[0\]\.crtp: cRTP works on ppp, mlppp or frame-relay links, not on "none"/)
  })

  it("is checked per direction, on the framing each direction ends up with", () => {
    expect(errors({ link: "framing: ppp, crtp: true, up: { framing: ethernet }" })).toEqual([
      expect.stringMatching(/^t\.yaml:6:\d+: links\[0\]\.crtp: cRTP works on ppp, mlppp or frame-relay links, not on "ethernet" \(the up direction of link "ab"/),
    ])
    expect(errors({ link: "preset: ethernet-lan, down: { crtp: true }" })[0]).toMatch(/links\[0\]\.down\.crtp: .*not on "ethernet" \(the down direction/)
    expect(parsed({ link: "framing: mlppp, up: { crtp: true }" }).links[0]!.down.crtp).toBe(false)
  })

  it("cannot change during a run: an event sets neither framing nor crtp", () => {
    expect(errors({ link: "framing: ppp", events: "{ at: 1s, link: ab, set: { crtp: true } }" })[0]).toMatch(/events\[0\]\.set\.crtp: unknown field/)
  })
})

describe("a call's header stack", () => {
  it("is IPv4 without SRTP or tunnel by default", () => {
    const call = parsed({}).calls[0]!
    expect([call.ipVersion, call.srtpTagBytes, call.tunnel]).toEqual([4, 0, undefined])
  })

  it("takes IPv6, an SRTP tag and a tunnel", () => {
    const call = parsed({ call: "ipVersion: 6, srtp: true, tunnel: wireguard" }).calls[0]!
    expect([call.ipVersion, call.srtpTagBytes, call.tunnel]).toEqual([6, 10, { kind: "wireguard" }]) // RFC 4568 §6.2.1
    expect(parsed({ call: "srtp: AES_CM_128_HMAC_SHA1_32" }).calls[0]!.srtpTagBytes).toBe(4) // RFC 4568 §6.2.2
    expect(parsed({ call: "tunnel: { kind: ipsec-esp, cipher: aes-gcm-16, natTraversal: true }" }).calls[0]!.tunnel).toEqual({
      kind: "ipsec-esp",
      cipher: "aes-gcm-16",
      natTraversal: true,
    })
  })

  it("refuses what it does not know", () => {
    expect(errors({ call: "ipVersion: 5" })[0]).toMatch(/calls\[0\]\.ipVersion: expected an IP version: 4 or 6, got 5/)
    expect(errors({ call: "srtp: AES_256_CM_HMAC_SHA1_80" })[0]).toMatch(/calls\[0\]\.srtp: expected true, false or an SRTP crypto suite/)
    expect(errors({ call: "tunnel: { kind: ipsec-esp }" })[0]).toMatch(/calls\[0\]\.tunnel/)
  })
})
