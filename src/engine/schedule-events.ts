import type { RandomSource } from "../../sim/random.ts"
import type { EventHandler, Simulator } from "../../sim/simulator.ts"
import type { Scenario } from "../scenario/schema.ts"
import { channelOf, serializerOf, type Network } from "./build-network.ts"

/** Applies the scenario's scheduled link changes: outages, recoveries, new bandwidth, capacity trace or impairments. */
export class ScenarioEvents implements EventHandler {
  constructor(
    private readonly sim: Simulator,
    private readonly random: RandomSource,
    private readonly network: Network,
    private readonly events: Scenario["events"],
  ) {
    events.forEach((event, index) => sim.scheduleAt(event.atNs, this, index))
  }

  handleEvent(index: number): void {
    const event = this.events[index]!
    const link = this.network.linksById.get(event.link)!
    for (const d of event.directions) {
      const direction = link[d]
      if (event.state === "down") direction.goDown()
      else if (event.state === "up") direction.goUp()
      const spec = event[d]
      if (spec !== undefined) {
        direction.setSerializer(serializerOf(spec, this.sim.nowNs, direction.currentSerializer))
        // Fresh streams named after the event, so the new models do not replay earlier draws.
        direction.setChannel(channelOf(spec, this.random, `link/${event.link}/${direction.direction}/event-${index}`))
      }
    }
  }
}
