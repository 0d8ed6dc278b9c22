import type { Simulator } from "../../../sim/simulator.ts"
import type { TimeNs } from "../../../sim/time.ts"
import { sipCallConfig, type SipCallConfig, type SipCallOptions } from "./call-config.ts"
import { sipCallReport, type SipCallReport } from "./call-report.ts"
import { Callee } from "./callee.ts"
import { Caller } from "./caller.ts"
import { NO_MEDIA_OBSERVER, type SipMediaObserver } from "./media-window.ts"
import type { SipMessage } from "./message.ts"
import { SipMessageFactory } from "./message-factory.ts"
import type { SipTransport } from "./transport.ts"

/**
 * One call's signaling: a caller and a callee that talk through `transport`, which hands what
 * arrives to `deliver`. The observer hears when each side's media may start and must stop.
 */
export class SipCall {
  readonly config: SipCallConfig
  readonly caller: Caller
  readonly callee: Callee

  constructor(sim: Simulator, options: SipCallOptions, transport: SipTransport, observer: SipMediaObserver = NO_MEDIA_OBSERVER) {
    this.config = sipCallConfig(options)
    const messages = new SipMessageFactory(this.config.callId, this.config.extraHeaderBytes)
    this.caller = new Caller(sim, this.config, transport, messages, observer)
    this.callee = new Callee(sim, this.config, transport, messages, observer)
  }

  /** The caller dials at `atNs`. */
  start(atNs: TimeNs): void {
    this.caller.start(atNs)
  }

  /** A message of this call arrived at `message.to`. */
  deliver(message: SipMessage): void {
    if (message.callId !== this.config.callId) return
    if (message.to === "caller") this.caller.receive(message)
    else this.callee.receive(message)
  }

  report(): SipCallReport {
    return sipCallReport(this.config.callId, this.caller, this.callee)
  }
}
