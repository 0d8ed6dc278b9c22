import { Console, Effect, Option } from "effect"
import { Command, Flag } from "effect/cli"
import { NS_PER_MS } from "../../sim/time.ts"
import { payloadBytes, type Codec } from "../media/codecs.ts"
import { SRTP_TAG_BYTES } from "../media/headers.ts"
import type { EspCipher, LinkFraming, LinkOverhead, Tunnel, VoiceStack } from "../media/overhead/index.ts"
import { P59_CONVERSATION } from "../media/voice-activity/conversation.ts"
import { conversationStatistics } from "../media/voice-activity/conversation-statistics.ts"
import { callBandwidth, type CallBandwidth } from "../planning/bandwidth.ts"
import { textTable } from "../report/text-table.ts"
import { attempt, catalogueCodec, packetTimeMs, requireThat, round } from "./flag-values.ts"

const LINKS = ["ethernet", "ppp", "mlppp", "frame-relay", "wifi", "none"] as const
const SERIAL_LINKS: readonly string[] = ["ppp", "mlppp", "frame-relay"]
const LINK_NAMES: Readonly<Record<LinkFraming, string>> = {
  ethernet: "Ethernet",
  "ethernet-vlan": "Ethernet with an 802.1Q tag",
  ppp: "PPP",
  mlppp: "MLPPP",
  "frame-relay": "Frame Relay",
  wifi: "Wi-Fi",
  none: "no link framing",
}

/**
 * While silent a DTX sender refreshes the comfort noise now and then. AMR's SID_UPDATE comes every
 * 8th 20 ms frame (3GPP TS 26.093), the most frequent fixed schedule in the catalogue; GSM's comes
 * every 480 ms, and G.729 Annex B, G.723.1 Annex A and RFC 3389 send one only when the background
 * noise changes, so for them this is an upper bound.
 */
export const SID_INTERVAL_MS = 160

/** Share of the time one side talks in ITU-T P.59's conversation model (38.67 %). */
export const P59_ACTIVITY = conversationStatistics(P59_CONVERSATION).activityFactor

/** `voiplab bandwidth --json`: the settings, then `callBandwidth`'s result; the key order is part of the format. */
export interface BandwidthReport extends CallBandwidth {
  readonly codec: string
  readonly ptimeMs: number
  readonly payloadBytes: number
  readonly framing: LinkFraming
  readonly crtp: boolean
  readonly ipVersion: 4 | 6
  readonly srtpTagBytes: number
  readonly tunnel: Tunnel | null
  readonly vad: boolean
  readonly comfortNoise?: {
    readonly scheme: string
    readonly sidBytes: number
    /** SID packets per second of silence */
    readonly packetsPerSecond: number
    readonly packetBytes: number
  }
}

const noSidReason = (codec: Codec): string =>
  codec.name === "G.729A"
    ? "G.729 sends silence descriptors only with Annex B: use --codec G.729B"
    : codec.rtpName === "opus"
      ? "Opus DTX (RFC 7587 §3.1.3) sends ordinary low-rate frames, not silence descriptors, and voiplab has no figure for them"
      : `${codec.name} has no silence descriptor in the catalogue`

const tunnelOf = (kind: "wireguard" | "ipsec-esp", cipher: EspCipher): Tunnel =>
  kind === "wireguard" ? { kind } : { kind, cipher }

const formatReport = (r: BandwidthReport, codec: Codec): string => {
  const stack = [
    r.srtpTagBytes > 0 ? "SRTP" : "RTP",
    `IPv${r.ipVersion}`,
    ...(r.tunnel === null ? [] : [r.tunnel.kind === "wireguard" ? "WireGuard" : `IPsec ESP (${r.tunnel.cipher})`]),
  ].join(" / ")
  const title =
    `${codec.name}, ${r.ptimeMs} ms packets (${r.payloadBytes}-byte payload), ${stack} over ${LINK_NAMES[r.framing]}` +
    `${r.crtp ? " with cRTP" : ""}: one direction of a call`
  const layers = textTable(
    ["layer", "bytes"],
    [...r.layers.map((l) => [l.name, `${l.bytes}`]), ["packet on the link", `${r.packetBytes}`]],
  )
  const many = r.calls !== 1
  // Name, per call, all calls.
  const rates: readonly (readonly [string, number, number])[] = [
    ["packets/s", r.packetsPerSecond, r.packetsPerSecond * r.calls],
    ["kbit/s on the link", r.perCallKbps, r.totalKbps],
    ["codec payload kbit/s", r.payloadKbps, r.payloadKbps * r.calls],
  ]
  const totals = textTable(
    ["", "per call", ...(many ? [`${r.calls} calls`] : [])],
    rates.map(([name, perCall, all]) => [name, round(perCall, 3), ...(many ? [round(all, 3)] : [])]),
  )
  const notes: string[] = []
  if (r.vad) {
    const cn = r.comfortNoise
    notes.push(
      `With VAD: voice ${round(100 * r.voiceActivity, 2)}% of the time (ITU-T P.59 conversation model)` +
        (cn === undefined
          ? "."
          : `; while silent one ${cn.sidBytes}-byte SID (${cn.scheme}) every ${SID_INTERVAL_MS} ms, ${cn.packetBytes} B on the link.`),
      "Means over a call: size a link for many calls with them, for a few with the figures without --vad.",
    )
  }
  if (r.framing === "wifi") notes.push("Wi-Fi: frame bytes only; preambles, contention and ACKs cost airtime on top.")
  return [title, "", layers, "", totals, ...(notes.length > 0 ? ["", ...notes] : [])].join("\n")
}

export const bandwidth = Command.make(
  "bandwidth",
  {
    codec: Flag.String("codec").pipe(Flag.withMetavar("NAME"), Flag.withDescription("Codec, any name or alias of voiplab codecs (G.711, G.729, AMR, …)")),
    ptime: Flag.String("ptime").pipe(
      Flag.withMetavar("DURATION"),
      Flag.withDescription("Audio per packet, e.g. 20ms (default 20 ms, or the codec's shortest packet if 20 ms is not whole frames)"),
      Flag.optional,
    ),
    link: Flag.Literals("link", LINKS).pipe(Flag.withDescription("Link framing (default ethernet)"), Flag.withDefault("ethernet")),
    vlan: Flag.Boolean("vlan").pipe(Flag.withDescription("Ethernet with an 802.1Q tag (+4 bytes)"), Flag.withDefault(false)),
    crtp: Flag.Boolean("crtp").pipe(
      Flag.withDescription("RTP header compression, RFC 2508 (serial links only: ppp, mlppp, frame-relay)"),
      Flag.withDefault(false),
    ),
    srtp: Flag.Boolean("srtp").pipe(Flag.withDescription("SRTP with the 10-byte AES_CM_128_HMAC_SHA1_80 tag"), Flag.withDefault(false)),
    ipv6: Flag.Boolean("ipv6").pipe(Flag.withDescription("IPv6 instead of IPv4"), Flag.withDefault(false)),
    vad: Flag.Boolean("vad").pipe(
      Flag.withDescription("Voice activity detection: voice 38.7% of the time (ITU-T P.59), comfort-noise SID packets while silent"),
      Flag.withDefault(false),
    ),
    tunnel: Flag.Literals("tunnel", ["wireguard", "ipsec-esp"] as const).pipe(Flag.withDescription("Carry the voice packets in a tunnel"), Flag.optional),
    espCipher: Flag.Literals("esp-cipher", ["aes-gcm-16", "aes-cbc-hmac-sha1-96"] as const).pipe(
      Flag.withDescription("ESP transform for --tunnel ipsec-esp (default aes-gcm-16)"),
      Flag.optional,
    ),
    calls: Flag.Int("calls").pipe(Flag.withDescription("Simultaneous calls, for the total (default 1)"), Flag.withDefault(1)),
    json: Flag.Boolean("json").pipe(Flag.withDescription("Print the result as JSON"), Flag.withDefault(false)),
  },
  Effect.fn(function* (flags) {
    const codec = yield* catalogueCodec(flags.codec)
    const ptimeMs = yield* packetTimeMs(codec, Option.getOrUndefined(flags.ptime))
    const tunnelKind = Option.getOrUndefined(flags.tunnel)
    const cipher = Option.getOrUndefined(flags.espCipher)
    yield* requireThat(!flags.vlan || flags.link === "ethernet", "--vlan", `an 802.1Q tag needs --link ethernet, not ${flags.link}`)
    yield* requireThat(
      !flags.crtp || SERIAL_LINKS.includes(flags.link),
      "--crtp",
      `cRTP works on serial links only (--link ppp, mlppp or frame-relay), not on ${flags.link}`,
    )
    yield* requireThat(
      !flags.crtp || tunnelKind === undefined,
      "--crtp",
      "a tunnel encrypts the RTP/UDP/IP headers, so cRTP cannot compress them",
    )
    yield* requireThat(cipher === undefined || tunnelKind === "ipsec-esp", "--esp-cipher", "applies to --tunnel ipsec-esp only")
    yield* requireThat(Number.isSafeInteger(flags.calls) && flags.calls >= 0, "--calls", `expected a whole number ≥ 0, got ${flags.calls}`)
    yield* requireThat(!flags.vad || codec.comfortNoise !== null, "--vad", noSidReason(codec))

    const framing: LinkFraming = flags.vlan ? "ethernet-vlan" : flags.link
    const ipVersion = flags.ipv6 ? 6 : 4
    const srtpTagBytes = flags.srtp ? SRTP_TAG_BYTES.AES_CM_128_HMAC_SHA1_80 : 0
    const tunnel = tunnelKind === undefined ? undefined : tunnelOf(tunnelKind, cipher ?? "aes-gcm-16")
    const stack: VoiceStack = { ipVersion, ...(srtpTagBytes > 0 ? { srtpTagBytes } : {}), ...(tunnel === undefined ? {} : { tunnel }) }
    const link: LinkOverhead = { framing, ...(flags.crtp ? { crtp: true } : {}) }
    const payload = payloadBytes(codec, ptimeMs * NS_PER_MS)
    const sid = flags.vad ? codec.comfortNoise : null
    const result = yield* attempt(() =>
      callBandwidth({
        payloadBytes: payload,
        ptimeMs,
        stack,
        link,
        calls: flags.calls,
        ...(flags.vad ? { voiceActivity: P59_ACTIVITY } : {}),
        ...(sid === null ? {} : { comfortNoise: { packetsPerSecond: 1000 / SID_INTERVAL_MS, payloadBytes: sid.sidBytes } }),
      }),
    )
    const { comfortNoise, ...rest } = result
    const report: BandwidthReport = {
      codec: codec.name,
      ptimeMs,
      payloadBytes: payload,
      framing,
      crtp: flags.crtp,
      ipVersion,
      srtpTagBytes,
      tunnel: tunnel ?? null,
      vad: flags.vad,
      ...rest,
      ...(comfortNoise === undefined || sid === null ? {} : { comfortNoise: { scheme: sid.scheme, sidBytes: sid.sidBytes, ...comfortNoise } }),
    }
    yield* Console.log(flags.json ? JSON.stringify(report, null, 2) : formatReport(report, codec))
  }),
).pipe(
  Command.withDescription("Bandwidth of voice calls on a link, per direction, with every header counted"),
  Command.withExamples([
    { command: "voiplab bandwidth --codec G.729 --ptime 20ms --link ethernet --calls 30", description: "30 G.729 calls on Ethernet" },
    { command: "voiplab bandwidth --codec G.729 --link ppp --crtp", description: "G.729 with header compression on a PPP link" },
    { command: "voiplab bandwidth --codec G.711 --srtp --tunnel wireguard --json", description: "SRTP inside WireGuard, as JSON" },
  ]),
)
