import type { RandomSource } from "../../sim/random.ts"
import type { Simulator } from "../../sim/simulator.ts"
import type { TimeNs } from "../../sim/time.ts"
import type { LinkPacket } from "../network/link-direction.ts"
import type { Node } from "../network/node.ts"
import type { Scenario } from "../scenario/schema.ts"
import { buildConferences, finishConferences, type ConferenceModel } from "./build-conferences.ts"
import { buildVideo, type VideoStreamModel } from "./build-video.ts"

/** What wiring media needs from the model being built. */
export interface MediaWiring {
  readonly sim: Simulator
  readonly random: RandomSource
  readonly nodeOf: (id: string) => Node<LinkPacket>
  /** The first flow id no other stream uses; each builder takes ids from it on. */
  readonly firstFlow: number
}

/** Calls' video and conferences: media beside the calls' voice, wired apart from it. */
export interface MediaModel {
  /** Two per call with video, in call order: caller → callee, then back. */
  readonly videos: readonly VideoStreamModel[]
  readonly conferences: readonly ConferenceModel[]
}

/** Video flows first, then conference legs, all numbered from `firstFlow`. */
export const buildMedia = (scenario: Scenario, w: MediaWiring): MediaModel => {
  const videos = buildVideo(scenario, w)
  const conferences = buildConferences(scenario, { ...w, firstFlow: w.firstFlow + videos.length })
  return { videos, conferences }
}

/** Brings every receiver up to `endNs`, the end of the run. */
export const finishMedia = (media: MediaModel, endNs: TimeNs): void => {
  for (const v of media.videos) v.receiver.playUntil(endNs)
  finishConferences(media.conferences, endNs)
}
