import { IPV4_HEADER_BYTES, UDP_HEADER_BYTES } from "../headers.ts"
import { otherSide, type SipMethod, type SipSide } from "./message.ts"
import { RFC3665_CALL_ID, RFC3665_PARTIES, type Rfc3665Party } from "./rfc3665-parties.ts"
import { sdpBody } from "./sdp-body.ts"

/**
 * The text of each message the model sends, written as RFC 3665 §3.1 writes F1–F6 (Alice calls
 * Bob directly) for UDP: "SIP/2.0/UDP" in the Via, no ";transport=tcp" in the Contact (UDP is the
 * default, RFC 3261 §19.1.1), and each Via on one line (the RFC folds long lines only to print
 * them). Messages the flow lacks are built from the same parties by the rules cited beside them.
 * Only their lengths are used: they size the simulated packets.
 */

/** Via branches of RFC 3665 §3.1: F1 INVITE, F4 ACK, F5 BYE; the caller's BYE gets one of equal length. */
const BRANCH = {
  invite: "z9hG4bK74bf9",
  ack: "z9hG4bK74bd5",
  byeFromCallee: "z9hG4bKnashds7",
  byeFromCaller: "z9hG4bKnashds8",
} as const

/** Reason phrases of RFC 3261 §21 for the codes the model sends. */
const REASON_PHRASES: Readonly<Record<number, string>> = {
  100: "Trying",
  180: "Ringing",
  200: "OK",
  480: "Temporarily Unavailable",
  481: "Call/Transaction Does Not Exist",
  486: "Busy Here",
  488: "Not Acceptable Here",
  500: "Server Internal Error",
  603: "Decline",
}

export const reasonPhrase = (statusCode: number): string => REASON_PHRASES[statusCode] ?? "Unknown"

const nameAddr = (party: Rfc3665Party): string => `${party.displayName} <sip:${party.user}@${party.domain}>`
const contact = (party: Rfc3665Party): string => `Contact: <sip:${party.user}@${party.host}>`

const branchOf = (method: SipMethod, requester: SipSide, nonSuccessAck: boolean): string => {
  if (method === "INVITE" || nonSuccessAck) return BRANCH.invite // §17.1.1.3: the ACK of a non-2xx reuses the INVITE's branch
  if (method === "ACK") return BRANCH.ack
  return requester === "caller" ? BRANCH.byeFromCaller : BRANCH.byeFromCallee
}

/** Appends the body headers and the body (§20.14 Content-Length, §20.15 Content-Type). */
function withBody(lines: string[], body: string | undefined): string {
  if (body !== undefined) lines.push("Content-Type: application/sdp")
  lines.push(`Content-Length: ${body?.length ?? 0}`)
  return `${lines.join("\r\n")}\r\n\r\n${body ?? ""}`
}

export interface RequestShape {
  readonly method: SipMethod
  readonly from: SipSide
  readonly cseq: number
  readonly sdp: readonly string[] | undefined
  /** The ACK of a non-2xx final response: hop by hop, to the INVITE's Request-URI (§17.1.1.3). */
  readonly nonSuccessAck: boolean
}

/** A request as RFC 3665 §3.1 writes F1 (INVITE), F4 (ACK) and F5 (BYE). */
export function requestText(request: RequestShape): string {
  const { method, from, cseq } = request
  const sender = RFC3665_PARTIES[from]
  const target = RFC3665_PARTIES[otherSide(from)]
  const inDialog = method !== "INVITE"
  // In a dialog the Request-URI is the peer's Contact (§12.2.1.1); otherwise its address of record.
  const requestUri = inDialog && !request.nonSuccessAck ? `sip:${target.user}@${target.host}` : `sip:${target.user}@${target.domain}`
  const lines = [
    `${method} ${requestUri} SIP/2.0`,
    `Via: SIP/2.0/UDP ${sender.host}:5060;branch=${branchOf(method, from, request.nonSuccessAck)}`,
    "Max-Forwards: 70",
    `From: ${nameAddr(sender)};tag=${sender.tag}`,
    `To: ${nameAddr(target)}${inDialog ? `;tag=${target.tag}` : ""}`,
    `Call-ID: ${RFC3665_CALL_ID}`,
    `CSeq: ${cseq} ${method}`,
  ]
  if (method === "INVITE") lines.push(contact(sender))
  return withBody(lines, request.sdp === undefined ? undefined : sdpBody(from, request.sdp))
}

export interface ResponseShape {
  readonly statusCode: number
  /** The CSeq method. */
  readonly method: SipMethod
  readonly cseq: number
  /** Who sent the request this answers. */
  readonly requester: SipSide
  readonly sdp: readonly string[] | undefined
}

/** A response as RFC 3665 §3.1 writes F2 (180), F3 (200 with SDP) and F6 (200 to the BYE). */
export function responseText(response: ResponseShape): string {
  const { statusCode, method, cseq, requester } = response
  const client = RFC3665_PARTIES[requester]
  const server = RFC3665_PARTIES[otherSide(requester)]
  const lines = [
    `SIP/2.0 ${statusCode} ${reasonPhrase(statusCode)}`,
    // §18.2.1: the server adds "received" with the source address the request came from.
    `Via: SIP/2.0/UDP ${client.host}:5060;branch=${branchOf(method, requester, false)};received=${client.ip}`,
    `From: ${nameAddr(client)};tag=${client.tag}`,
    // §8.2.6.2: the UAS adds a To tag, except that a 100 (Trying) need not have one.
    `To: ${nameAddr(server)}${statusCode === 100 ? "" : `;tag=${server.tag}`}`,
    `Call-ID: ${RFC3665_CALL_ID}`,
    `CSeq: ${cseq} ${method}`,
  ]
  // §12.1.1: responses that create a dialog (101–199 and 2xx to an INVITE) carry a Contact.
  if (method === "INVITE" && statusCode > 100 && statusCode < 300) lines.push(contact(server))
  return withBody(lines, response.sdp === undefined ? undefined : sdpBody(otherSide(requester), response.sdp))
}

/** IPv4 packet size of a SIP message over UDP: its text (ASCII, a byte per character) and the headers. */
export const sipPacketBytes = (text: string, extraHeaderBytes = 0): number =>
  text.length + extraHeaderBytes + UDP_HEADER_BYTES + IPV4_HEADER_BYTES
