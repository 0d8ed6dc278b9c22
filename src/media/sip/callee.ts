import type { EventHandler, Simulator } from "../../../sim/simulator.ts"
import type { TimeNs } from "../../../sim/time.ts"
import type { SipCallConfig } from "./call-config.ts"
import { CountingSender } from "./counting-sender.ts"
import { InviteServerTransaction, type InviteServerUser } from "./invite-server-transaction.ts"
import { MediaWindow, type SipMediaObserver } from "./media-window.ts"
import type { SipMessage, SipRequest } from "./message.ts"
import type { SipMessageFactory } from "./message-factory.ts"
import { answerCodec } from "./offer-answer.ts"
import { Retransmitter, type RetransmitOwner } from "./retransmitter.ts"
import { Teardown } from "./teardown.ts"
import { inviteResponseSchedule } from "./timers.ts"
import type { SipTransport } from "./transport.ts"

const BYE_CSEQ = 1 // the callee's first request in the dialog (RFC 3665 §3.1 F5)
const ALERT = 0
const ANSWER = 1
const HANG_UP = 2

/** The callee's user agent (UAS core, RFC 3261 §13.3): rings, answers, resends its 2xx until the ACK. */
export class Callee implements EventHandler, InviteServerUser, RetransmitOwner {
  readonly sender: CountingSender
  readonly media: MediaWindow
  readonly teardown: Teardown
  inviteReceivedNs: TimeNs | undefined
  ringingSentNs: TimeNs | undefined
  answeredNs: TimeNs | undefined
  ackReceivedNs: TimeNs | undefined
  /** The 2xx was resent for 64·T1 without an ACK (§13.3.1.4), or Timer H fired on a non-2xx (§17.2.1). */
  ackTimedOut = false
  finalStatusCode: number | undefined
  codec: string | undefined
  private inviteTransaction: InviteServerTransaction | undefined
  private invite: SipRequest | undefined
  /** The UAS core's own 2xx retransmission (§13.3.1.4): the transaction is done once the 2xx goes. */
  private readonly successTimer: Retransmitter
  private byeWaitsForAck = false

  constructor(
    private readonly sim: Simulator,
    private readonly config: SipCallConfig,
    transport: SipTransport,
    private readonly messages: SipMessageFactory,
    observer: SipMediaObserver,
  ) {
    this.sender = new CountingSender(transport)
    this.media = new MediaWindow(sim, "callee", observer)
    this.teardown = new Teardown(sim, "callee", BYE_CSEQ, this.sender, messages, this.media, config.timers)
    this.successTimer = new Retransmitter(sim, this.sender, this, inviteResponseSchedule(config.timers))
  }

  /** 2xx responses sent again until the ACK (§13.3.1.4). */
  get successRetransmissions(): number {
    return this.successTimer.retransmissions
  }

  get inviteServerTransaction(): InviteServerTransaction | undefined {
    return this.inviteTransaction
  }

  receive(message: SipMessage): void {
    if (message.kind === "response") {
      if (message.method === "BYE") this.teardown.receiveResponse(message)
      return
    }
    switch (message.method) {
      case "INVITE":
        if (this.inviteTransaction === undefined) this.invited(message)
        else this.inviteTransaction.receiveRetransmission()
        break
      case "ACK":
        if (this.inviteTransaction?.receiveAck() === true) this.acked()
        break
      case "BYE":
        this.successTimer.stop() // the BYE ends the dialog, and with it the 2xx retransmission
        this.teardown.receiveBye(message)
        break
    }
  }

  handleEvent(arg: number): void {
    if (arg === ALERT) this.alert()
    else if (arg === ANSWER) this.answer()
    else this.hangUp()
  }

  retransmitTimedOut(): void {
    // §13.3.1.4: no ACK after 64·T1; the dialog stands but the session SHOULD end with a BYE.
    this.ackTimedOut = true
    this.teardown.hangUp()
  }

  finalResponseTimedOut(): void {
    this.ackTimedOut = true
  }

  private invited(invite: SipRequest): void {
    this.invite = invite
    this.inviteReceivedNs = this.sim.nowNs
    const transaction = new InviteServerTransaction(this.sender, this, this.sim, this.config.timers)
    this.inviteTransaction = transaction
    this.codec = answerCodec(invite.sdp ?? [], this.config.calleeCodecs)
    if (this.codec === undefined) {
      // A final response at once needs no 100 Trying before it (§17.2.1: only if > 200 ms away).
      this.respondFinal(488)
      return
    }
    transaction.respond(this.messages.response(invite, 100)) // §17.2.1: the INVITE's retransmissions stop
    this.sim.scheduleIn(this.config.alertingDelayNs, this, ALERT)
  }

  private alert(): void {
    if (this.config.rejectStatusCode !== undefined) {
      this.respondFinal(this.config.rejectStatusCode)
      return
    }
    this.ringingSentNs = this.sim.nowNs
    this.inviteTransaction!.respond(this.messages.response(this.invite!, 180))
    this.sim.scheduleIn(this.config.answerDelayNs, this, ANSWER)
  }

  private answer(): void {
    const codec = this.codec!
    const ok = this.messages.response(this.invite!, 200, [codec])
    this.inviteTransaction!.respond(ok)
    this.successTimer.start(ok)
    this.answeredNs = this.sim.nowNs
    this.finalStatusCode = 200
    this.media.start(codec) // RFC 3264 §6.1: the answerer may send media as soon as it has answered
    if (this.config.hangUpBy === "callee") this.sim.scheduleIn(this.config.mediaDurationNs, this, HANG_UP)
  }

  private respondFinal(statusCode: number): void {
    this.finalStatusCode = statusCode
    this.inviteTransaction!.respond(this.messages.response(this.invite!, statusCode))
  }

  private acked(): void {
    if (this.ackReceivedNs !== undefined) return
    this.ackReceivedNs = this.sim.nowNs
    this.successTimer.stop()
    if (this.byeWaitsForAck) this.teardown.hangUp()
  }

  private hangUp(): void {
    // §15: the callee must not send a BYE before the ACK arrives or its 2xx retransmission gives up.
    if (this.ackReceivedNs !== undefined || this.ackTimedOut) this.teardown.hangUp()
    else this.byeWaitsForAck = true
  }
}
