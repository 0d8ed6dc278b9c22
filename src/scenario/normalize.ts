/**
 * From the file's shape to the simulator's: keys gain their unit
 * (bandwidth → bandwidthBps), shorthands expand to their full form, and the
 * defaults that need context are filled in:
 *
 * - a call without an id is "call-<n>", n counting calls from 1;
 * - a call without a duration lasts until the scenario ends.
 *
 * Runs only on a decoded, consistent file, so it cannot fail.
 */
import type { ScenarioFile } from "./file.ts"
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
})

const toLink = (link: FileLink): Model["links"][number] => ({
  id: link.id,
  between: link.between,
  bandwidthBps: link.bandwidth,
  delayNs: link.delay,
  jitter: toJitter(link.jitter),
  loss: { model: "bernoulli", rate: typeof link.loss === "number" ? link.loss : link.loss.rate },
  queue: { limitBytes: link.queue.limit },
})

const toJitter = (jitter: FileLink["jitter"]): Model["links"][number]["jitter"] => {
  if (typeof jitter === "number") return { distribution: "uniform", rangeNs: jitter }
  switch (jitter.distribution) {
    case "none":
      return { distribution: "none" }
    case "uniform":
      return { distribution: "uniform", rangeNs: jitter.range }
    case "normal":
      return { distribution: "normal", stddevNs: jitter.stddev }
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
})
