/**
 * From the file's shape to the simulator's: keys gain their unit
 * (bandwidth → bandwidthBps), shorthands expand to their full form, and the
 * defaults that need context are filled in:
 *
 * - a call without an id is "call-<n>", n counting calls from 1;
 * - a call (or conference) without a duration lasts until the scenario ends;
 * - a call's video plays out with the call's jitter-buffer delay unless it sets its own;
 * - a SIP call's signaling DSCP is CS3 and its ring time the SIP model's (6 s).
 *
 * Runs only on a decoded, consistent file, so it cannot fail.
 */
import { SRTP_TAG_BYTES } from "../media/headers.ts"
import type { Tunnel } from "../media/overhead/index.ts"
import { DEFAULT_SIP_CALL } from "../media/sip/call-config.ts"
import { DSCP } from "../network/dscp.ts"
import { VIDEO_STREAM_DEFAULTS } from "../media/video/video-config.ts"
import { SIMPLE_IMIX, type PacketSizeConfig } from "../traffic/packet-size.ts"
import type { TrafficConfig } from "../traffic/traffic-config.ts"
import type { FileConference, FileLoad, FileTraffic, LinkParams, ScenarioFile } from "./file.ts"
import type { DelaySpec, LossSpec } from "../network/impairment-spec.ts"
import { traceMeanRateBps } from "../network/trace/capacity-trace.ts"
import { presetLink } from "./presets.ts"
import type { ScenarioModel } from "./model.ts"

type Model = typeof ScenarioModel.Type
type FileLink = ScenarioFile["links"][number]
type FileCall = ScenarioFile["calls"][number]

export const defaultCallId = (index: number): string => `call-${index + 1}`

export const toModel = (file: ScenarioFile): Model => ({
  name: file.name,
  seed: file.seed,
  durationNs: file.duration,
  nodes: file.nodes.map(({ id, kind }) => ({ id, kind })),
  links: file.links.map(toLink),
  calls: file.calls.map((call, index) => toCall(call, index, file.duration)),
  traffic: file.traffic.map(toTraffic),
  events: toEvents(file),
  ...(file.conferences.length > 0 ? { conferences: file.conferences.map((c) => toConference(c, file.duration)) } : {}),
  ...(file.loads.length > 0 ? { loads: file.loads.map((l) => toLoad(l, file.duration)) } : {}),
})

/** The call template keeps the load's id; its start and duration are the window calls arrive in. */
const toLoad = (load: FileLoad, scenarioNs: number): NonNullable<Model["loads"]>[number] => ({
  id: load.id,
  callsPerHour: load.callsPerHour,
  holdingNs: load.holding,
  holdingDistribution: load.holdingDistribution,
  trunks: load.trunks,
  call: { ...toCall(load.call, 0, scenarioNs), id: load.id },
})

export const defaultTrafficId = (index: number): string => `traffic-${index + 1}`

const toPacketSize = (size: FileTraffic["packetSize"]): PacketSizeConfig => {
  if (size === "imix") return { kind: "mix", entries: SIMPLE_IMIX }
  if (typeof size === "number") return { kind: "fixed", sizeBytes: size }
  return { kind: "uniform", minBytes: size.min, maxBytes: size.max }
}

/** Kind-specific fields are known present here: consistency.ts checks them first. */
const toTraffic = (t: FileTraffic, index: number): Model["traffic"][number] => {
  const common = {
    dscp: DSCP[t.class],
    packetSize: toPacketSize(t.packetSize),
    startNs: t.start,
    ...(t.stop === undefined ? {} : { stopNs: t.stop }),
  }
  const rateSchedule = (t.ramp ?? []).map((step) => ({ atNs: step.at, scale: step.scale }))
  const config: TrafficConfig =
    t.kind === "bulk"
      ? { kind: "bulk", ...common, ackDelayNs: t.ackDelay ?? DEFAULT_ACK_DELAY_NS, ...(t.maxWindow === undefined ? {} : { maxCwndPackets: t.maxWindow }) }
      : t.kind === "on-off"
        ? { kind: "on-off", ...common, rateSchedule, peakRateBps: t.peakRate!, onMeanNs: t.onMean!, offMeanNs: t.offMean!, paretoShape: t.paretoShape ?? 1.5 }
        : { kind: t.kind, ...common, rateSchedule, rateBps: t.rate! }
  return { id: t.id ?? defaultTrafficId(index), from: t.from, to: t.to, config }
}

/** The bulk transfer's ACKs return after this long unless the file says otherwise. */
const DEFAULT_ACK_DELAY_NS = 20_000_000

const DEFAULT_QUEUE_LIMIT_BYTES = 64_000

/** Later layers win: preset, preset direction, link, link direction (then events, in time order). */
const layersOf = (link: FileLink, d: "up" | "down"): Layer[] => {
  const preset = link.preset === undefined ? undefined : presetLink(link.preset)
  return [preset, preset?.[d], link, link[d]]
}

const toLink = (link: FileLink): Model["links"][number] => ({
  id: link.id,
  between: link.between,
  cost: link.cost ?? 1,
  up: toDirection(layersOf(link, "up")),
  down: toDirection(layersOf(link, "down")),
})

const toEvents = (file: ScenarioFile): Model["events"] => {
  const layers = new Map(file.links.map((l) => [l.id, { up: layersOf(l, "up"), down: layersOf(l, "down") }]))
  const ordered = file.events.map((e, i) => ({ e, i })).sort((a, b) => a.e.at - b.e.at || a.i - b.i)
  return ordered.map(({ e }) => {
    const directions = e.direction === undefined || e.direction === "both" ? (["up", "down"] as const) : [e.direction]
    const event: { -readonly [K in keyof Model["events"][number]]: Model["events"][number][K] } = {
      atNs: e.at,
      link: e.link,
      directions: [...directions],
    }
    if (e.state !== undefined) event.state = e.state
    if (e.set !== undefined) {
      const linkLayers = layers.get(e.link)!
      for (const d of directions) {
        linkLayers[d] = [...linkLayers[d], e.set]
        event[d] = toDirection(linkLayers[d])
      }
    }
    return event
  })
}

type Layer = LinkParams | undefined

/** The last layer that sets a field gives its value. */
const pick = <K extends keyof LinkParams>(layers: readonly Layer[], key: K): LinkParams[K] | undefined => {
  let value: LinkParams[K] | undefined
  for (const layer of layers) if (layer?.[key] !== undefined) value = layer[key]
  return value
}

const toDirection = (layers: readonly Layer[]): Model["links"][number]["up"] => {
  const queue = Object.assign({}, ...layers.map((l) => l?.queue)) as NonNullable<LinkParams["queue"]>
  const noLimit = queue.limit === undefined && queue.limitPackets === undefined
  return {
    ...capacityOf(layers),
    ...impairmentsOf(layers),
    keepOrder: pick(layers, "keepOrder") ?? false,
    // Bare IP unless told: the presets and files written before framing existed keep their results.
    framing: pick(layers, "framing") ?? "none",
    crtp: pick(layers, "crtp") ?? false,
    queue: {
      discipline: queue.discipline ?? "fifo",
      limitBytes: queue.limit ?? (noLimit ? DEFAULT_QUEUE_LIMIT_BYTES : Infinity),
      limitPackets: queue.limitPackets ?? Infinity,
      shape: (queue.shape ?? []).map(toRateLimit),
      police: (queue.police ?? []).map(toRateLimit),
    },
  }
}

/** The last layer that sets bandwidth or capacityTrace decides; a trace reports its mean rate. */
const capacityOf = (layers: readonly Layer[]) => {
  let capacity: { bandwidthBps: number; capacityTrace?: NonNullable<LinkParams["capacityTrace"]> } | undefined
  for (const layer of layers) {
    if (layer?.capacityTrace !== undefined) capacity = { bandwidthBps: traceMeanRateBps(layer.capacityTrace), capacityTrace: layer.capacityTrace }
    else if (layer?.bandwidth !== undefined) capacity = { bandwidthBps: layer.bandwidth }
  }
  return capacity! // consistency.ts checks that some layer sets one
}

/** A netem string sets every impairment at once; a later layer's own fields override it field by field. */
const impairmentsOf = (layers: readonly Layer[]) => {
  let delayNs = 0
  let jitter: LinkParams["jitter"]
  let delay: DelaySpec | undefined
  let loss: LossSpec = { model: "none" }
  let duplicateRate = 0
  let corruptRate = 0
  for (const layer of layers) {
    if (layer === undefined) continue
    if (layer.impairment !== undefined) {
      delay = layer.impairment.delay
      loss = layer.impairment.loss
      duplicateRate = layer.impairment.duplicate.rate
      corruptRate = layer.impairment.corrupt.rate
    }
    if (layer.delay !== undefined || layer.jitter !== undefined) {
      delayNs = layer.delay ?? delay?.delayNs ?? delayNs
      jitter = layer.jitter ?? jitter
      delay = toDelay(delayNs, jitter)
    }
    if (layer.loss !== undefined) loss = toLoss(layer.loss)
    if (layer.duplicate !== undefined) duplicateRate = layer.duplicate
    if (layer.corrupt !== undefined) corruptRate = layer.corrupt
  }
  return { delay: delay ?? toDelay(0, undefined), loss, duplicateRate, corruptRate }
}

const toRateLimit = (r: NonNullable<NonNullable<LinkParams["queue"]>["shape"]>[number]) => ({
  class: r.class,
  rateBps: r.rate,
  burstBytes: r.burst,
})

const toDelay = (delayNs: number, jitter: LinkParams["jitter"]): DelaySpec => {
  if (jitter === undefined) return { delayNs, jitterNs: 0, correlation: 0, distribution: "uniform" }
  if (typeof jitter === "number") return { delayNs, jitterNs: jitter, correlation: 0, distribution: "uniform" }
  switch (jitter.distribution) {
    case "none":
      return { delayNs, jitterNs: 0, correlation: 0, distribution: "uniform" }
    case "uniform":
      return { delayNs, jitterNs: jitter.range, correlation: jitter.correlation ?? 0, distribution: "uniform" }
    default:
      return { delayNs, jitterNs: jitter.stddev, correlation: jitter.correlation ?? 0, distribution: jitter.distribution }
  }
}

// Defaults as netem's: gemodel r = 1 − p, 1−h = 100%, 1−k = 0%; state p31 = 1 − p13, p32 = 0, p23 = 1, p14 = 0.
const toLoss = (loss: NonNullable<LinkParams["loss"]>): LossSpec => {
  if (typeof loss === "number") return loss > 0 ? { model: "bernoulli", rate: loss, correlation: 0 } : { model: "none" }
  switch (loss.model) {
    case "bernoulli":
      return { model: "bernoulli", rate: loss.rate, correlation: loss.correlation ?? 0 }
    case "gilbert-elliott":
      return { model: "gilbert-elliott", p: loss.p, r: loss.r ?? 1 - loss.p, lossInBad: loss.lossInBad ?? 1, lossInGood: loss.lossInGood ?? 0 }
    case "markov4":
      return { model: "markov4", p13: loss.p13, p31: loss.p31 ?? 1 - loss.p13, p32: loss.p32 ?? 0, p23: loss.p23 ?? 1, p14: loss.p14 ?? 0 }
  }
}

const toCall = (call: FileCall, index: number, scenarioNs: number): Model["calls"][number] => ({
  id: call.id ?? defaultCallId(index),
  from: call.from,
  to: call.to,
  codec: call.codec,
  ptimeNs: call.ptime,
  jitterBuffer: {
    kind: "fixed",
    delayNs: typeof call.jitterBuffer === "number" ? call.jitterBuffer : call.jitterBuffer.delay,
  },
  plc: call.plc,
  startNs: call.start,
  durationNs: call.duration ?? scenarioNs - call.start,
  ipVersion: call.ipVersion,
  srtpTagBytes: call.srtp === false ? 0 : SRTP_TAG_BYTES[call.srtp === true ? "AES_CM_128_HMAC_SHA1_80" : call.srtp],
  ...(call.tunnel === undefined ? {} : { tunnel: toTunnel(call.tunnel) }),
  ...toVideo(call),
  // Features that are off leave no key, so a call without them decodes as before they existed.
  ...(call.vad === true ? { vad: true } : {}),
  ...(call.signaling === "sip"
    ? { sip: { dscp: DSCP[call.signalingDscp ?? "cs3"], ringTimeNs: call.ringTime ?? DEFAULT_SIP_CALL.answerDelayNs } }
    : {}),
})

const jitterBufferDelayNs = (jb: FileCall["jitterBuffer"]): number => (typeof jb === "number" ? jb : jb.delay)

/** `video: true` takes every default; the playout delay defaults to the call's jitter buffer, so picture and sound keep in step. */
const toVideo = (call: FileCall): { video?: NonNullable<Model["calls"][number]["video"]> } => {
  if (call.video === undefined || call.video === false) return {}
  const v = call.video === true ? {} : call.video
  const d = VIDEO_STREAM_DEFAULTS
  const frameRateFps = v.frameRate ?? d.frameRateFps
  return {
    video: {
      targetBitrateBps: v.bitrate ?? d.targetBitrateBps,
      frameRateFps,
      keyFrameIntervalFrames: v.keyFrameInterval === undefined ? d.keyFrameIntervalFrames : Math.round((v.keyFrameInterval * frameRateFps) / 1e9),
      keyFrameSizeRatio: v.keyFrameSizeRatio ?? d.keyFrameSizeRatio,
      frameSizeCv: v.frameSizeCv ?? d.frameSizeCv,
      maxPayloadBytes: v.maxPayload ?? d.maxPayloadBytes,
      pacing: v.pacing ?? "paced",
      dscp: v.class === undefined ? d.dscp : DSCP[v.class],
      playoutDelayNs: v.playoutDelay ?? jitterBufferDelayNs(call.jitterBuffer),
    },
  }
}

const toConference = (c: FileConference, scenarioNs: number): NonNullable<Model["conferences"]>[number] => ({
  id: c.id,
  bridge: c.bridge,
  participants: c.participants,
  codec: c.codec,
  ptimeNs: c.ptime,
  jitterBuffer: { kind: "fixed", delayNs: jitterBufferDelayNs(c.jitterBuffer) },
  plc: c.plc,
  startNs: c.start,
  durationNs: c.duration ?? scenarioNs - c.start,
  mixingDelayNs: c.mixingDelay,
})

const toTunnel = (tunnel: NonNullable<FileCall["tunnel"]>): Tunnel => {
  if (tunnel === "wireguard") return { kind: "wireguard" }
  return tunnel
}
