import type { SipMessage } from "./message.ts"
import type { SipSender, SipTransport } from "./transport.ts"

/** One user agent's way out to the transport, counting messages and bytes sent. */
export class CountingSender implements SipSender {
  messagesSent = 0
  bytesSent = 0

  constructor(private readonly transport: SipTransport) {}

  send(message: SipMessage): void {
    this.messagesSent++
    this.bytesSent += message.sizeBytes
    this.transport.send(message)
  }
}
