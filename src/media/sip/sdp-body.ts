import type { SipSide } from "./message.ts"
import { RFC3665_PARTIES } from "./rfc3665-parties.ts"

interface RtpAvpFormat {
  readonly payloadType: number
  /** The a=rtpmap value: encoding name / clock rate. */
  readonly rtpmap: string
}

/** Static payload types of the RTP/AVP profile (RFC 3551 §6, Table 4), by the simulator's codec names. */
const STATIC_FORMATS: Readonly<Record<string, RtpAvpFormat>> = {
  "G.711u": { payloadType: 0, rtpmap: "PCMU/8000" },
  "G.711a": { payloadType: 8, rtpmap: "PCMA/8000" },
  "G.722": { payloadType: 9, rtpmap: "G722/8000" },
  "G.729": { payloadType: 18, rtpmap: "G729/8000" },
}

/** Other codecs take dynamic payload types from 96 (RFC 3551 §3), named as the simulator names them. */
const FIRST_DYNAMIC_PAYLOAD_TYPE = 96

const formatOf = (codec: string, index: number): RtpAvpFormat =>
  STATIC_FORMATS[codec] ?? { payloadType: FIRST_DYNAMIC_PAYLOAD_TYPE + index, rtpmap: `${codec}/8000` }

/**
 * The SDP body `side` sends for `codecs` (an offer in preference order, or an answer): the body of
 * RFC 3665 §3.1 F1 (Alice's offer, 151 bytes) or F3 (Bob's answer, 147 bytes) with one m= format
 * and one a=rtpmap line per codec (RFC 4566 §5.14, §6).
 */
export function sdpBody(side: SipSide, codecs: readonly string[]): string {
  const party = RFC3665_PARTIES[side]
  const formats = codecs.map(formatOf)
  const lines = [
    "v=0",
    `o=${party.user} ${party.sdpSessionId} ${party.sdpSessionId} IN IP4 ${party.host}`,
    "s=-",
    `c=IN IP4 ${party.ip}`,
    "t=0 0",
    `m=audio ${party.rtpPort} RTP/AVP ${formats.map((f) => f.payloadType).join(" ")}`,
    ...formats.map((f) => `a=rtpmap:${f.payloadType} ${f.rtpmap}`),
  ]
  return lines.map((line) => `${line}\r\n`).join("")
}
