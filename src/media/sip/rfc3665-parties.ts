import type { SipSide } from "./message.ts"

/** One user agent of RFC 3665 §3.1 ("Successful Session Establishment", Alice calls Bob directly). */
export interface Rfc3665Party {
  readonly displayName: string
  readonly user: string
  /** Domain of the address of record (the To/From URIs and the INVITE's Request-URI). */
  readonly domain: string
  /** Host of the phone (Via sent-by and Contact). */
  readonly host: string
  readonly ip: string
  readonly tag: string
  /** SDP o= session id and version. */
  readonly sdpSessionId: string
  readonly rtpPort: number
}

/**
 * The parties whose messages the model's sizes are measured from. The caller is Alice and the
 * callee Bob, with the tags, Call-ID, addresses and ports of RFC 3665 §3.1 F1–F6, so every size
 * is that of the RFC's own message (see message-text.ts), whatever the scenario calls the phones.
 */
export const RFC3665_PARTIES: Readonly<Record<SipSide, Rfc3665Party>> = {
  caller: {
    displayName: "Alice",
    user: "alice",
    domain: "atlanta.example.com",
    host: "client.atlanta.example.com",
    ip: "192.0.2.101",
    tag: "9fxced76sl",
    sdpSessionId: "2890844526",
    rtpPort: 49172,
  },
  callee: {
    displayName: "Bob",
    user: "bob",
    domain: "biloxi.example.com",
    host: "client.biloxi.example.com",
    ip: "192.0.2.201",
    tag: "8321234356",
    sdpSessionId: "2890844527",
    rtpPort: 3456,
  },
}

export const RFC3665_CALL_ID = "3848276298220188511@atlanta.example.com"
