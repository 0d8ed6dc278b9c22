import type { Simulator } from "../../../sim/simulator.ts"
import type { TimeNs } from "../../../sim/time.ts"
import type { SipRequest, SipResponse, SipSide } from "./message.ts"
import type { SipMessageFactory } from "./message-factory.ts"
import type { MediaWindow } from "./media-window.ts"
import { NonInviteClientTransaction, type NonInviteClientUser } from "./non-invite-client-transaction.ts"
import { NonInviteServerTransaction } from "./non-invite-server-transaction.ts"
import type { SipTimers } from "./timers.ts"
import type { SipSender } from "./transport.ts"

/** One side's end of a session (RFC 3261 §15): sending a BYE, or answering the other side's. */
export class Teardown implements NonInviteClientUser {
  byeSentNs: TimeNs | undefined
  /** When the final response to this side's BYE arrived. */
  byeAnsweredNs: TimeNs | undefined
  byeStatusCode: number | undefined
  /** Timer F fired: no response to the BYE came back (the session is over all the same). */
  byeTimedOut = false
  byeReceivedNs: TimeNs | undefined
  private readonly client: NonInviteClientTransaction
  private readonly server: NonInviteServerTransaction

  constructor(
    private readonly sim: Simulator,
    private readonly side: SipSide,
    /** The CSeq of this side's BYE: the next of its requests in the dialog (§12.2.1.1). */
    private readonly byeCseq: number,
    sender: SipSender,
    private readonly messages: SipMessageFactory,
    private readonly media: MediaWindow,
    timers: SipTimers,
  ) {
    this.client = new NonInviteClientTransaction(sender, this, sim, timers)
    this.server = new NonInviteServerTransaction(sender)
  }

  /** BYEs sent again by Timer E. */
  get byeRetransmissions(): number {
    return this.client.retransmissions
  }

  /** 200s to the other side's BYE sent again for its copies. */
  get byeResponseResends(): number {
    return this.server.responseResends
  }

  get ended(): boolean {
    return this.byeSentNs !== undefined || this.byeReceivedNs !== undefined
  }

  /** Ends the session from this side, unless it is over already. */
  hangUp(): void {
    if (this.ended) return
    this.byeSentNs = this.sim.nowNs
    this.media.stop() // §15.1.1: the session ends as the BYE is handed to its client transaction
    this.client.start(this.messages.request("BYE", this.side, this.byeCseq))
  }

  receiveBye(bye: SipRequest): void {
    if (this.server.answered) {
      this.server.receiveRetransmission()
      return
    }
    // §15.1.2: the session ends and the BYE gets a 2xx (this one also if the BYEs crossed).
    this.byeReceivedNs ??= this.sim.nowNs
    this.media.stop()
    this.server.respond(this.messages.response(bye, 200))
  }

  receiveResponse(response: SipResponse): void {
    if (!this.client.receive(response) || response.statusCode < 200) return
    this.byeAnsweredNs = this.sim.nowNs
    this.byeStatusCode = response.statusCode
  }

  requestTimedOut(): void {
    this.byeTimedOut = true
  }
}
