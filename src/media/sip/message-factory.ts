import { otherSide, type SipMethod, type SipRequest, type SipResponse, type SipSide } from "./message.ts"
import { requestText, responseText, sipPacketBytes } from "./message-text.ts"

/** Makes the messages of one call, each sized from its RFC 3665 text (message-text.ts). */
export class SipMessageFactory {
  constructor(
    readonly callId: string,
    /** Added to every message: the headers real phones add (User-Agent, Allow, Supported…). */
    private readonly extraHeaderBytes = 0,
  ) {}

  request(method: SipMethod, from: SipSide, cseq: number, sdp?: readonly string[], nonSuccessAck = false): SipRequest {
    const text = requestText({ method, from, cseq, sdp, nonSuccessAck })
    const sizeBytes = sipPacketBytes(text, this.extraHeaderBytes)
    return { kind: "request", callId: this.callId, to: otherSide(from), method, cseq, sdp, sizeBytes }
  }

  /** A response to `request`, sent back to its sender (§8.2.6.2: same Call-ID and CSeq). */
  response(request: SipRequest, statusCode: number, sdp?: readonly string[]): SipResponse {
    const requester = otherSide(request.to)
    const text = responseText({ statusCode, method: request.method, cseq: request.cseq, requester, sdp })
    return {
      kind: "response",
      callId: this.callId,
      to: requester,
      method: request.method,
      cseq: request.cseq,
      statusCode,
      sdp,
      sizeBytes: sipPacketBytes(text, this.extraHeaderBytes),
    }
  }
}
