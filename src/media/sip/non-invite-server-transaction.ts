import type { SipResponse } from "./message.ts"
import type { SipSender } from "./transport.ts"

/**
 * A BYE's server transaction over UDP (RFC 3261 §17.2.2): the final response goes at once, and
 * again for every copy of the request. Timer J, which would forget it 64·T1 later, is not modelled:
 * the client stops resending by then (its Timer F is also 64·T1).
 */
export class NonInviteServerTransaction {
  /** Responses sent again because the request came again. */
  responseResends = 0
  private response: SipResponse | undefined

  constructor(private readonly sender: SipSender) {}

  get answered(): boolean {
    return this.response !== undefined
  }

  respond(response: SipResponse): void {
    this.response = response
    this.sender.send(response)
  }

  receiveRetransmission(): void {
    if (this.response === undefined) return
    this.responseResends++
    this.sender.send(this.response)
  }
}
