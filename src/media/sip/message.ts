/** The two user agents of a call: the caller (UAC of the INVITE) and the callee (its UAS). */
export type SipSide = "caller" | "callee"

/** The methods a basic call uses (RFC 3261 §13 INVITE and ACK, §15 BYE). */
export type SipMethod = "INVITE" | "ACK" | "BYE"

export const otherSide = (side: SipSide): SipSide => (side === "caller" ? "callee" : "caller")

interface SipMessageFields {
  readonly callId: string
  /** The user agent the message is for; the transport maps it to a node. */
  readonly to: SipSide
  /**
   * CSeq number. With the method it names the transaction a response belongs to: each user agent
   * has at most one transaction per method at a time, so it matches as the branch would (§17.1.3).
   */
  readonly cseq: number
  /** Codecs of the SDP body, the offer's in preference order or the answer's; undefined without a body. */
  readonly sdp: readonly string[] | undefined
  /** IPv4 packet size: the SIP text plus UDP and IPv4 headers (see message-text.ts). */
  readonly sizeBytes: number
}

export interface SipRequest extends SipMessageFields {
  readonly kind: "request"
  readonly method: SipMethod
}

export interface SipResponse extends SipMessageFields {
  readonly kind: "response"
  /** The CSeq method: the request this responds to (§8.2.6.2 copies CSeq into the response). */
  readonly method: SipMethod
  readonly statusCode: number
}

/**
 * One SIP message, as a plain immutable record. A retransmission is the same record sent again,
 * as it is the same bytes on the wire (§17.1.1.2: "the request MUST be passed to the transport
 * layer for retransmission").
 */
export type SipMessage = SipRequest | SipResponse

export const isProvisional = (statusCode: number): boolean => statusCode < 200
export const isSuccess = (statusCode: number): boolean => statusCode >= 200 && statusCode < 300
