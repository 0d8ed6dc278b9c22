import { describe, expect, it } from "vitest"
import { SipMessageFactory } from "../../../src/media/sip/message-factory.ts"
import { requestText, responseText } from "../../../src/media/sip/message-text.ts"
import { sdpBody } from "../../../src/media/sip/sdp-body.ts"

const crlf = (lines: string[]): string => lines.map((l) => `${l}\r\n`).join("")

describe("message texts of RFC 3665 §3.1", () => {
  it("the SDP offer and answer are F1's and F3's, whose Content-Length the RFC gives as 151 and 147", () => {
    const offer = sdpBody("caller", ["G.711u"])
    expect(offer).toBe(
      crlf(["v=0", "o=alice 2890844526 2890844526 IN IP4 client.atlanta.example.com", "s=-", "c=IN IP4 192.0.2.101", "t=0 0", "m=audio 49172 RTP/AVP 0", "a=rtpmap:0 PCMU/8000"]),
    )
    expect(offer.length).toBe(151)
    expect(sdpBody("callee", ["G.711u"]).length).toBe(147)
  })

  it("the INVITE is F1 over UDP", () => {
    const text = requestText({ method: "INVITE", from: "caller", cseq: 1, sdp: ["G.711u"], nonSuccessAck: false })
    expect(text).toBe(
      crlf([
        "INVITE sip:bob@biloxi.example.com SIP/2.0",
        "Via: SIP/2.0/UDP client.atlanta.example.com:5060;branch=z9hG4bK74bf9",
        "Max-Forwards: 70",
        "From: Alice <sip:alice@atlanta.example.com>;tag=9fxced76sl",
        "To: Bob <sip:bob@biloxi.example.com>",
        "Call-ID: 3848276298220188511@atlanta.example.com",
        "CSeq: 1 INVITE",
        "Contact: <sip:alice@client.atlanta.example.com>",
        "Content-Type: application/sdp",
        "Content-Length: 151",
        "",
      ]) + sdpBody("caller", ["G.711u"]),
    )
  })

  it("the 180 is F2, the ACK F4 and the callee's BYE F5, over UDP", () => {
    expect(responseText({ statusCode: 180, method: "INVITE", cseq: 1, requester: "caller", sdp: undefined })).toBe(
      crlf([
        "SIP/2.0 180 Ringing",
        "Via: SIP/2.0/UDP client.atlanta.example.com:5060;branch=z9hG4bK74bf9;received=192.0.2.101",
        "From: Alice <sip:alice@atlanta.example.com>;tag=9fxced76sl",
        "To: Bob <sip:bob@biloxi.example.com>;tag=8321234356",
        "Call-ID: 3848276298220188511@atlanta.example.com",
        "CSeq: 1 INVITE",
        "Contact: <sip:bob@client.biloxi.example.com>",
        "Content-Length: 0",
        "",
      ]),
    )
    expect(requestText({ method: "ACK", from: "caller", cseq: 1, sdp: undefined, nonSuccessAck: false })).toBe(
      crlf([
        "ACK sip:bob@client.biloxi.example.com SIP/2.0",
        "Via: SIP/2.0/UDP client.atlanta.example.com:5060;branch=z9hG4bK74bd5",
        "Max-Forwards: 70",
        "From: Alice <sip:alice@atlanta.example.com>;tag=9fxced76sl",
        "To: Bob <sip:bob@biloxi.example.com>;tag=8321234356",
        "Call-ID: 3848276298220188511@atlanta.example.com",
        "CSeq: 1 ACK",
        "Content-Length: 0",
        "",
      ]),
    )
    expect(requestText({ method: "BYE", from: "callee", cseq: 1, sdp: undefined, nonSuccessAck: false })).toBe(
      crlf([
        "BYE sip:alice@client.atlanta.example.com SIP/2.0",
        "Via: SIP/2.0/UDP client.biloxi.example.com:5060;branch=z9hG4bKnashds7",
        "Max-Forwards: 70",
        "From: Bob <sip:bob@biloxi.example.com>;tag=8321234356",
        "To: Alice <sip:alice@atlanta.example.com>;tag=9fxced76sl",
        "Call-ID: 3848276298220188511@atlanta.example.com",
        "CSeq: 1 BYE",
        "Content-Length: 0",
        "",
      ]),
    )
  })
})

describe("packet sizes (SIP text + UDP 8 + IPv4 20 bytes)", () => {
  const messages = new SipMessageFactory("call-1")
  const invite = messages.request("INVITE", "caller", 1, ["G.711u"])
  const calleeBye = messages.request("BYE", "callee", 1)

  it("gives each message of a basic call its size", () => {
    expect({
      invite: invite.sizeBytes,
      trying: messages.response(invite, 100).sizeBytes,
      ringing: messages.response(invite, 180).sizeBytes,
      ok: messages.response(invite, 200, ["G.711u"]).sizeBytes,
      ack: messages.request("ACK", "caller", 1).sizeBytes,
      bye: calleeBye.sizeBytes,
      byeOk: messages.response(calleeBye, 200).sizeBytes,
      notAcceptable: messages.response(invite, 488).sizeBytes,
    }).toEqual({ invite: 577, trying: 324, ringing: 386, ok: 561, ack: 360, bye: 364, byeOk: 333, notAcceptable: 352 })
  })

  it("each more codec in the offer adds its payload type and a=rtpmap line", () => {
    const two = messages.request("INVITE", "caller", 1, ["G.711u", "G.711a"])
    expect(two.sizeBytes - invite.sizeBytes).toBe(" 8".length + "a=rtpmap:8 PCMA/8000\r\n".length)
  })

  it("extra header bytes are added to every message", () => {
    const padded = new SipMessageFactory("call-1", 300)
    expect(padded.request("INVITE", "caller", 1, ["G.711u"]).sizeBytes).toBe(877)
    expect(padded.response(invite, 100).sizeBytes).toBe(624)
  })

  it("a response goes back to the requester with the request's CSeq", () => {
    expect(messages.response(calleeBye, 200)).toMatchObject({ kind: "response", to: "callee", method: "BYE", cseq: 1, statusCode: 200 })
  })
})
