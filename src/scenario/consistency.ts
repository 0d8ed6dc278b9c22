/**
 * Rules that span several fields: ids are unique, references point at
 * existing nodes, every call has a route to travel on, and calls fit in the
 * scenario's time. They run after every field has decoded, and report at the
 * file's paths like any field error.
 */
import { checkLinkOverhead } from "../media/overhead/index.ts"
import type { LinkParams, ScenarioFile } from "./file.ts"
import { ENDPOINT_KINDS } from "./model.ts"
import { defaultCallId, defaultTrafficId } from "./normalize.ts"
import { type DecodedPreset, presetLink, presetNames } from "./presets.ts"
import { formatDuration } from "./units.ts"

export interface Inconsistency {
  readonly path: ReadonlyArray<string | number>
  readonly issue: string
}

export const findInconsistencies = (scenario: ScenarioFile): Array<Inconsistency> => [
  ...duplicateIds(scenario),
  ...badLinks(scenario),
  ...badCalls(scenario),
  ...badEvents(scenario),
  ...badTraffic(scenario),
  ...badConferences(scenario),
]

const TRAFFIC_FIELDS = {
  poisson: { needs: ["rate"], takes: ["rate", "ramp"] },
  cbr: { needs: ["rate"], takes: ["rate", "ramp"] },
  "on-off": { needs: ["peakRate", "onMean", "offMean"], takes: ["peakRate", "onMean", "offMean", "paretoShape", "ramp"] },
  bulk: { needs: [], takes: ["ackDelay", "maxWindow"] },
} as const
const KIND_FIELDS = ["rate", "peakRate", "onMean", "offMean", "paretoShape", "ackDelay", "maxWindow", "ramp"] as const

function badTraffic(s: ScenarioFile): Array<Inconsistency> {
  const nodes = new Set(s.nodes.map((n) => n.id))
  const found: Array<Inconsistency> = []
  s.traffic.forEach((t, i) => {
    const { needs, takes } = TRAFFIC_FIELDS[t.kind]
    for (const field of needs)
      if (t[field] === undefined) found.push({ path: ["traffic", i], issue: `${t.kind} traffic needs ${field}` })
    for (const field of KIND_FIELDS)
      if (t[field] !== undefined && !(takes as readonly string[]).includes(field))
        found.push({ path: ["traffic", i, field], issue: `${t.kind} traffic has no ${field}; it takes ${takes.join(", ") || "none of the rate fields"}` })
    for (const end of ["from", "to"] as const) if (!nodes.has(t[end])) found.push({ path: ["traffic", i, end], issue: unknownNode(s, t[end]) })
    if (t.from === t.to) found.push({ path: ["traffic", i, "to"], issue: `traffic goes between two different nodes, but from and to are both "${t.from}"` })
    else if (nodes.has(t.from) && nodes.has(t.to) && !reachableFrom(s, t.from).has(t.to))
      found.push({ path: ["traffic", i], issue: `no route between ${t.from} and ${t.to}: no chain of links joins them` })
  })
  return found
}

function badEvents(s: ScenarioFile): Array<Inconsistency> {
  const links = new Set(s.links.map((l) => l.id))
  const found: Array<Inconsistency> = []
  s.events.forEach((e, i) => {
    if (!links.has(e.link))
      found.push({ path: ["events", i, "link"], issue: `unknown link "${e.link}"; the links are ${[...links].join(", ") || "(none)"}` })
    if (e.state === undefined && e.set === undefined)
      found.push({ path: ["events", i], issue: "an event needs state (up or down) or set (the fields that change)" })
    if (e.at >= s.duration)
      found.push({ path: ["events", i, "at"], issue: `at ${formatDuration(e.at)} is not before the scenario ends at ${formatDuration(s.duration)}` })
    found.push(...bandwidthAndTrace(e.set, ["events", i, "set"]))
  })
  return found
}

function duplicateIds(s: ScenarioFile): Array<Inconsistency> {
  const owners = new Map<string, string>()
  const found: Array<Inconsistency> = []
  const claim = (id: string, owner: string, path: Inconsistency["path"], defaulted: boolean) => {
    const first = owners.get(id)
    if (first === undefined) owners.set(id, owner)
    else if (defaulted) found.push({ path, issue: `the default id "${id}" is already used by ${first}; give this one an id` })
    else found.push({ path, issue: `duplicate id "${id}", already used by ${first}; ids must be unique across nodes, links, calls and traffic` })
  }
  s.nodes.forEach((n, i) => claim(n.id, `nodes[${i}]`, ["nodes", i, "id"], false))
  s.links.forEach((l, i) => claim(l.id, `links[${i}]`, ["links", i, "id"], false))
  s.calls.forEach((c, i) =>
    c.id === undefined ? claim(defaultCallId(i), `calls[${i}]`, ["calls", i], true) : claim(c.id, `calls[${i}]`, ["calls", i, "id"], false),
  )
  s.traffic.forEach((t, i) =>
    t.id === undefined
      ? claim(defaultTrafficId(i), `traffic[${i}]`, ["traffic", i], true)
      : claim(t.id, `traffic[${i}]`, ["traffic", i, "id"], false),
  )
  s.conferences.forEach((c, i) => claim(c.id, `conferences[${i}]`, ["conferences", i, "id"], false))
  s.loads.forEach((l, i) => claim(l.id, `loads[${i}]`, ["loads", i, "id"], false))
  return found
}

const unknownNode = (s: ScenarioFile, id: string): string =>
  `unknown node "${id}"; the nodes are ${s.nodes.map((n) => n.id).join(", ") || "(none)"}`

function badLinks(s: ScenarioFile): Array<Inconsistency> {
  const nodes = new Set(s.nodes.map((n) => n.id))
  const found: Array<Inconsistency> = []
  s.links.forEach((link, i) => {
    const [a, b] = link.between
    link.between.forEach((end, j) => {
      if (!nodes.has(end)) found.push({ path: ["links", i, "between", j], issue: unknownNode(s, end) })
    })
    if (a === b) found.push({ path: ["links", i, "between", 1], issue: `a link joins two different nodes, but both ends are "${a}"` })
    const preset = link.preset === undefined ? undefined : presetLink(link.preset)
    if (link.preset !== undefined && preset === undefined) {
      found.push({ path: ["links", i, "preset"], issue: `unknown preset "${link.preset}"; the presets are ${presetNames().join(", ")}` })
      return
    }
    for (const [where, layer] of [[[], link], [["up"], link.up], [["down"], link.down]] as const) {
      const both = (["delay", "jitter", "loss", "duplicate", "corrupt"] as const).filter((f) => layer?.[f] !== undefined)
      if (layer?.impairment !== undefined && both.length > 0)
        found.push({ path: ["links", i, ...where, "impairment"], issue: `give impairment or ${both.join(", ")}, not both` })
      found.push(...bandwidthAndTrace(layer, ["links", i, ...where]))
    }
    found.push(...badCrtp(link, i, preset))
    for (const d of ["up", "down"] as const) {
      const layers = [preset, preset?.[d], link, link[d]]
      if (layers.every((l) => l?.bandwidth === undefined && l?.capacityTrace === undefined))
        found.push({ path: ["links", i], issue: `the ${d} direction of link "${link.id}" has no bandwidth; give bandwidth, capacityTrace or a preset` })
      const limited = layers.some((l) => l?.queue?.shape !== undefined || l?.queue?.police !== undefined)
      const discipline = layers.reduce<string | undefined>((last, l) => l?.queue?.discipline ?? last, undefined)
      if (limited && discipline !== "priority")
        found.push({ path: ["links", i, "queue"], issue: `shape and police act on priority classes: set discipline: priority` })
    }
  })
  return found
}

type FileLink = ScenarioFile["links"][number]

/**
 * cRTP needs a link layer that marks compressed packets (PPP, Frame Relay): checked per direction
 * on the framing its layers add up to, reported where crtp was set.
 */
function badCrtp(link: FileLink, i: number, preset: DecodedPreset | undefined): Array<Inconsistency> {
  const where = new Map<string, { path: Inconsistency["path"]; message: string; directions: string[] }>()
  for (const d of ["up", "down"] as const) {
    const layers: Array<[LinkParams | undefined, Inconsistency["path"]]> = [
      [preset, ["links", i, "preset"]],
      [preset?.[d], ["links", i, "preset"]],
      [link, ["links", i, "crtp"]],
      [link[d], ["links", i, d, "crtp"]],
    ]
    let framing: NonNullable<LinkParams["framing"]> = "none"
    let crtp: { value: NonNullable<LinkParams["crtp"]>; path: Inconsistency["path"] } | undefined
    for (const [layer, path] of layers) {
      if (layer?.framing !== undefined) framing = layer.framing
      if (layer?.crtp !== undefined) crtp = { value: layer.crtp, path }
    }
    if (crtp === undefined) continue
    try {
      checkLinkOverhead({ framing, crtp: crtp.value })
    } catch (e) {
      const message = (e as Error).message
      const key = `${crtp.path.join(".")}: ${message}`
      const entry = where.get(key) ?? { path: crtp.path, message, directions: [] }
      entry.directions.push(d)
      where.set(key, entry)
    }
  }
  return [...where.values()].map(({ path, message, directions }) => ({
    path,
    issue: `${message} (${directions.length === 2 ? "both directions" : `the ${directions[0]} direction`} of link "${link.id}"; set framing: ppp, mlppp or frame-relay)`,
  }))
}

/** A capacity trace replaces the bandwidth: one place may give one of them. */
const bandwidthAndTrace = (layer: { bandwidth?: unknown; capacityTrace?: unknown } | undefined, at: Inconsistency["path"]): Array<Inconsistency> =>
  layer?.bandwidth !== undefined && layer.capacityTrace !== undefined
    ? [{ path: [...at, "capacityTrace"], issue: "give bandwidth or capacityTrace, not both" }]
    : []

/** Node ids reachable from `from` over links (every link carries both directions). */
const reachableFrom = (s: ScenarioFile, from: string): Set<string> => {
  const seen = new Set([from])
  for (let grew = true; grew; ) {
    grew = false
    for (const { between: [a, b] } of s.links) {
      if (seen.has(a) !== seen.has(b)) {
        seen.add(a).add(b)
        grew = true
      }
    }
  }
  return seen
}

function badCalls(s: ScenarioFile): Array<Inconsistency> {
  const kinds = new Map(s.nodes.map((n) => [n.id, n.kind]))
  const found: Array<Inconsistency> = []
  const check = (call: ScenarioFile["calls"][number], at: ReadonlyArray<string | number>) => {
    const path = (...rest: Array<string | number>) => [...at, ...rest]
    const ends = (["from", "to"] as const).filter((end) => !kinds.has(call[end]))
    for (const end of ends) found.push({ path: path(end), issue: unknownNode(s, call[end]) })
    for (const end of ["from", "to"] as const) {
      const kind = kinds.get(call[end])
      if (kind !== undefined && !(ENDPOINT_KINDS as readonly string[]).includes(kind))
        found.push({ path: path(end), issue: `"${call[end]}" is a ${kind}; calls run between ${ENDPOINT_KINDS.join(", ")} nodes` })
    }
    if (call.from === call.to) {
      found.push({ path: path("to"), issue: `a call joins two different phones, but from and to are both "${call.from}"` })
    } else if (ends.length === 0 && !reachableFrom(s, call.from).has(call.to)) {
      found.push({ path: path(), issue: `no route between ${call.from} and ${call.to}: no chain of links joins them` })
    }
    for (const field of ["signalingDscp", "ringTime"] as const)
      if (call[field] !== undefined && call.signaling !== "sip")
        found.push({ path: path(field), issue: `${field} sets up SIP signaling: it needs signaling: sip` })
    const scenarioEnd = formatDuration(s.duration)
    if (call.start >= s.duration) {
      found.push({ path: path("start"), issue: `the call starts at ${formatDuration(call.start)}, but the scenario ends at ${scenarioEnd}` })
    } else if (call.duration !== undefined && call.start + call.duration > s.duration) {
      const end = formatDuration(call.start + call.duration)
      found.push({ path: path("duration"), issue: `the call would end at ${end}, after the scenario ends at ${scenarioEnd}` })
    }
  }
  s.calls.forEach((call, i) => check(call, ["calls", i]))
  s.loads.forEach((load, i) => check(load.call, ["loads", i, "call"]))
  return found
}

function badConferences(s: ScenarioFile): Array<Inconsistency> {
  const kinds = new Map(s.nodes.map((n) => [n.id, n.kind]))
  const found: Array<Inconsistency> = []
  s.conferences.forEach((c, i) => {
    const bridgeKind = kinds.get(c.bridge)
    if (bridgeKind === undefined) found.push({ path: ["conferences", i, "bridge"], issue: unknownNode(s, c.bridge) })
    else if (bridgeKind !== "bridge")
      found.push({ path: ["conferences", i, "bridge"], issue: `"${c.bridge}" is a ${bridgeKind}; a conference is hosted on a node of kind bridge` })
    if (c.participants.length < 2)
      found.push({ path: ["conferences", i, "participants"], issue: `a conference needs at least 2 participants, got ${c.participants.length}` })
    const reachable = reachableFrom(s, c.bridge)
    const seen = new Set<string>()
    c.participants.forEach((p, j) => {
      const at = ["conferences", i, "participants", j]
      const kind = kinds.get(p)
      if (kind === undefined) found.push({ path: at, issue: unknownNode(s, p) })
      else if (!(ENDPOINT_KINDS as readonly string[]).includes(kind))
        found.push({ path: at, issue: `"${p}" is a ${kind}; participants are ${ENDPOINT_KINDS.join(", ")} nodes` })
      else if (p === c.bridge) found.push({ path: at, issue: `"${p}" is the bridge itself; participants send their voice to it` })
      else if (seen.has(p)) found.push({ path: at, issue: `"${p}" is listed twice` })
      else if (bridgeKind !== undefined && !reachable.has(p))
        found.push({ path: at, issue: `no route between ${p} and the bridge ${c.bridge}: no chain of links joins them` })
      seen.add(p)
    })
    const scenarioEnd = formatDuration(s.duration)
    if (c.start >= s.duration) {
      found.push({ path: ["conferences", i, "start"], issue: `the conference starts at ${formatDuration(c.start)}, but the scenario ends at ${scenarioEnd}` })
    } else if (c.duration !== undefined && c.start + c.duration > s.duration) {
      const end = formatDuration(c.start + c.duration)
      found.push({ path: ["conferences", i, "duration"], issue: `the conference would end at ${end}, after the scenario ends at ${scenarioEnd}` })
    }
  })
  return found
}
