import type { RandomSource } from "../../sim/random.ts"
import type { Simulator } from "../../sim/simulator.ts"
import type { TimeNs } from "../../sim/time.ts"
import { Channel } from "../network/channel.ts"
import { makeDelayModel } from "../network/delay/make-delay-model.ts"
import { PRIORITY_CLASSES } from "../network/dscp.ts"
import { LinkDirection, type LinkPacket } from "../network/link-direction.ts"
import { makeLossModel } from "../network/loss/make-loss-model.ts"
import { Node } from "../network/node.ts"
import { DropTailQueue } from "../network/queues/drop-tail.ts"
import type { EgressQueue } from "../network/queues/egress-queue.ts"
import { StrictPriorityQueue, type ClassRateLimit } from "../network/queues/strict-priority.ts"
import { TokenBucket } from "../network/queues/token-bucket.ts"
import { FixedRateSerializer } from "../network/serializers/fixed-rate.ts"
import type { Serializer } from "../network/serializers/serializer.ts"
import { TraceSerializer } from "../network/serializers/trace.ts"
import { shortestPathFirstHops, type RouteEdge } from "../network/routing.ts"
import type { Scenario } from "../scenario/schema.ts"
import { wireFramingOf } from "./wire-framing.ts"

type DirectionSpec = Scenario["links"][number]["up"]

export interface Network {
  readonly nodes: ReadonlyMap<string, Node<LinkPacket>>
  /** Two per link, in scenario order: up (between[0] → between[1]) then down. */
  readonly directions: readonly LinkDirection<LinkPacket>[]
  /** The two directions of each link, by link id. */
  readonly linksById: ReadonlyMap<string, { readonly up: LinkDirection<LinkPacket>; readonly down: LinkDirection<LinkPacket> }>
}

export interface NetworkOptions {
  /**
   * Give every transmission and arrival an event of its own: no committing ahead, no handing over
   * ahead (see LinkDirectionConfig). Slower, same results; the reference tests compare with.
   */
  readonly eventPerPacket?: boolean
}

/** Nodes, both directions of every link, and static shortest-path routes between all nodes. */
export const buildNetwork = (sim: Simulator, random: RandomSource, scenario: Scenario, options: NetworkOptions = {}): Network => {
  const nodes = new Map(scenario.nodes.map((n, index) => [n.id, new Node<LinkPacket>(n.id, index)]))
  const nodeOf = (id: string): Node<LinkPacket> => nodes.get(id)!
  const directions: LinkDirection<LinkPacket>[] = []
  const edges: RouteEdge[] = []
  const linksById = new Map<string, { up: LinkDirection<LinkPacket>; down: LinkDirection<LinkPacket> }>()
  const changing = new Set(scenario.events.flatMap((e) => e.directions.map((d) => `${e.link}/${d}`)))

  for (const link of scenario.links) {
    const [a, b] = link.between
    const make = (from: string, to: string, spec: DirectionSpec, side: "up" | "down") => {
      const name = `link/${link.id}/${from}->${to}`
      const serializer = serializerOf(spec, 0)
      const channel = channelOf(spec, random, name)
      // Both shortcuts are exact only where nothing changes the direction later (see LinkDirectionConfig).
      const fixed = options.eventPerPacket !== true && !changing.has(`${link.id}/${side}`)
      const direction = new LinkDirection<LinkPacket>(
        sim,
        {
          linkId: link.id,
          direction: `${from}->${to}`,
          serializer,
          queue: queueOf(spec),
          channel,
          framing: wireFramingOf({ framing: spec.framing, crtp: spec.crtp }),
          commitAhead: fixed && serializer instanceof FixedRateSerializer,
          ...(fixed && channel.keepsOrder ? { recorders: nodeOf(to) } : {}),
        },
        nodeOf(to),
      )
      directions.push(direction)
      edges.push({ from: nodeOf(from).index, to: nodeOf(to).index, cost: link.cost })
      return direction
    }
    linksById.set(link.id, { up: make(a, b, link.up, "up"), down: make(b, a, link.down, "down") })
  }

  const firstHops = shortestPathFirstHops(scenario.nodes.length, edges)
  for (const node of nodes.values())
    firstHops[node.index]!.forEach((edge, destination) => {
      if (edge >= 0) node.setRoute(destination, directions[edge]!)
    })
  return { nodes, directions, linksById }
}

const queueOf = (spec: DirectionSpec): EgressQueue<LinkPacket> => {
  const { discipline, limitBytes, limitPackets, shape, police } = spec.queue
  if (discipline === "fifo") return new DropTailQueue({ limitBytes, limitPackets })
  const rateLimits = PRIORITY_CLASSES.map((c): ClassRateLimit | undefined => {
    const s = shape.find((r) => r.class === c)
    if (s !== undefined) return { mode: "shape", bucket: new TokenBucket(s.rateBps, s.burstBytes) }
    const p = police.find((r) => r.class === c)
    return p === undefined ? undefined : { mode: "police", bucket: new TokenBucket(p.rateBps, p.burstBytes) }
  })
  return new StrictPriorityQueue({ limitBytes, limitPackets }, rateLimits)
}

/**
 * A fixed rate, or a capacity trace starting at `startNs`. A trace already playing (`current`)
 * keeps playing through a change that leaves it as it is.
 */
export const serializerOf = (spec: DirectionSpec, startNs: TimeNs, current?: Serializer): Serializer => {
  const trace = spec.capacityTrace
  if (trace === undefined) return new FixedRateSerializer(spec.bandwidthBps)
  if (current instanceof TraceSerializer && current.plays(trace)) return current
  return new TraceSerializer(trace, startNs)
}

/** Every random draw of a direction comes from streams named after it. */
export const channelOf = (spec: DirectionSpec, random: RandomSource, name: string): Channel =>
  new Channel({
    delay: makeDelayModel(spec.delay, random.stream(`${name}/delay`)),
    loss: makeLossModel(spec.loss, random.stream(`${name}/loss`)),
    duplicateRate: spec.duplicateRate,
    corruptRate: spec.corruptRate,
    keepOrder: spec.keepOrder,
    rng: random.stream(`${name}/channel`),
  })
