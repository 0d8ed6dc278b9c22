import { RandomSource } from "../../sim/random.ts"
import type { EventHandler, Simulator } from "../../sim/simulator.ts"
import { Channel } from "../../src/network/channel.ts"
import { makeDelayModel } from "../../src/network/delay/make-delay-model.ts"
import { LinkDirection, type LinkPacket, type WireFraming } from "../../src/network/link-direction.ts"
import { noLoss, type LossModel } from "../../src/network/loss/loss-model.ts"
import { HEADER_STACK, type PacketOwner } from "../../src/network/packet.ts"
import { DropTailQueue } from "../../src/network/queues/drop-tail.ts"
import type { EgressQueue } from "../../src/network/queues/egress-queue.ts"
import { FixedRateSerializer } from "../../src/network/serializers/fixed-rate.ts"
import type { Serializer } from "../../src/network/serializers/serializer.ts"

/** A minimal packet for link tests; records when it arrived. */
export class TestPacket implements LinkPacket {
  queuedAtNs = 0
  arrivedNs = -1
  readonly destination = 1
  readonly flow = 0
  readonly headerStack = HEADER_STACK.ip
  constructor(
    readonly sizeBytes: number,
    readonly dscp = 0,
    readonly owner: PacketOwner | undefined = undefined,
  ) {}
  duplicate(): TestPacket {
    return new TestPacket(this.sizeBytes, this.dscp, this.owner)
  }
}

/** A rate, or a serializer of the test's own (a capacity trace). */
export type TestLinkOptions = ({ readonly bandwidthBps: number } | { readonly serializer: Serializer }) & {
  readonly limitBytes?: number
  readonly queue?: EgressQueue<TestPacket>
  readonly propagationNs?: number
  readonly loss?: LossModel
  readonly duplicateRate?: number
  readonly corruptRate?: number
  readonly jitterNs?: number
  readonly commitAhead?: boolean
  readonly framing?: WireFraming
}

/** One link direction delivering into an array. */
export const makeTestLink = (sim: Simulator, o: TestLinkOptions) => {
  const arrived: TestPacket[] = []
  const link = new LinkDirection<TestPacket>(
    sim,
    {
      linkId: "l",
      direction: "a->b",
      serializer: "serializer" in o ? o.serializer : new FixedRateSerializer(o.bandwidthBps),
      queue: o.queue ?? new DropTailQueue({ limitBytes: o.limitBytes ?? Infinity, limitPackets: Infinity }),
      channel: new Channel({
        delay: makeDelayModel(
          { delayNs: o.propagationNs ?? 0, jitterNs: o.jitterNs ?? 0, correlation: 0, distribution: "uniform" },
          new RandomSource(1).stream("delay"),
        ),
        loss: o.loss ?? noLoss,
        duplicateRate: o.duplicateRate ?? 0,
        corruptRate: o.corruptRate ?? 0,
        keepOrder: false,
        rng: new RandomSource(1).stream("channel"),
      }),
      commitAhead: o.commitAhead ?? false,
      ...(o.framing === undefined ? {} : { framing: o.framing }),
    },
    { receive: (p) => ((p.arrivedNs = sim.nowNs), arrived.push(p)) },
  )
  return { link, arrived }
}

/** Sends a packet of `sizeBytes` and `dscp` into `link` every `gapNs`, from `startNs` until `endNs`. */
export const constantSource = (
  sim: Simulator,
  link: { receive(p: TestPacket): void },
  o: { sizeBytes: number; dscp: number; gapNs: number; startNs?: number; endNs: number },
): void => {
  const source: EventHandler = {
    handleEvent() {
      link.receive(new TestPacket(o.sizeBytes, o.dscp))
      if (sim.nowNs + o.gapNs < o.endNs) sim.scheduleIn(o.gapNs, source)
    },
  }
  sim.scheduleAt(o.startNs ?? 0, source)
}
