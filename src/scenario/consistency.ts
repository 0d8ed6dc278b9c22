/**
 * Rules that span several fields: ids are unique, references point at
 * existing nodes, every call has a link to travel on, and calls fit in the
 * scenario's time. They run after every field has decoded, and report at the
 * file's paths like any field error.
 */
import type { ScenarioFile } from "./file.ts"
import { defaultCallId } from "./normalize.ts"
import { formatDuration } from "./units.ts"

export interface Inconsistency {
  readonly path: ReadonlyArray<string | number>
  readonly issue: string
}

export const findInconsistencies = (scenario: ScenarioFile): Array<Inconsistency> => [
  ...duplicateIds(scenario),
  ...badLinks(scenario),
  ...badCalls(scenario),
]

function duplicateIds(s: ScenarioFile): Array<Inconsistency> {
  const owners = new Map<string, string>()
  const found: Array<Inconsistency> = []
  const claim = (id: string, owner: string, path: Inconsistency["path"], defaulted: boolean) => {
    const first = owners.get(id)
    if (first === undefined) owners.set(id, owner)
    else if (defaulted) found.push({ path, issue: `this call's default id "${id}" is already used by ${first}; give the call an id` })
    else found.push({ path, issue: `duplicate id "${id}", already used by ${first}; ids must be unique across nodes, links and calls` })
  }
  s.nodes.forEach((n, i) => claim(n.id, `nodes[${i}]`, ["nodes", i, "id"], false))
  s.links.forEach((l, i) => claim(l.id, `links[${i}]`, ["links", i, "id"], false))
  s.calls.forEach((c, i) =>
    c.id === undefined ? claim(defaultCallId(i), `calls[${i}]`, ["calls", i], true) : claim(c.id, `calls[${i}]`, ["calls", i, "id"], false),
  )
  return found
}

const unknownNode = (s: ScenarioFile, id: string): string =>
  `unknown node "${id}"; the nodes are ${s.nodes.map((n) => n.id).join(", ") || "(none)"}`

// Sorted so that [a, b] and [b, a] name the same pair.
const pairKey = (a: string, b: string): string => JSON.stringify(a < b ? [a, b] : [b, a])

function badLinks(s: ScenarioFile): Array<Inconsistency> {
  const nodes = new Set(s.nodes.map((n) => n.id))
  const pairs = new Map<string, string>()
  const found: Array<Inconsistency> = []
  s.links.forEach((link, i) => {
    const [a, b] = link.between
    link.between.forEach((end, j) => {
      if (!nodes.has(end)) found.push({ path: ["links", i, "between", j], issue: unknownNode(s, end) })
    })
    if (a === b) found.push({ path: ["links", i, "between", 1], issue: `a link joins two different nodes, but both ends are "${a}"` })
    // One link per pair keeps the route of a call unambiguous until routing exists.
    const other = pairs.get(pairKey(a, b))
    if (other !== undefined) found.push({ path: ["links", i, "between"], issue: `${a} and ${b} are already joined by link "${other}"` })
    else pairs.set(pairKey(a, b), link.id)
  })
  return found
}

function badCalls(s: ScenarioFile): Array<Inconsistency> {
  const nodes = new Set(s.nodes.map((n) => n.id))
  const linked = new Set(s.links.map((l) => pairKey(...l.between)))
  const found: Array<Inconsistency> = []
  s.calls.forEach((call, i) => {
    const ends = (["from", "to"] as const).filter((end) => !nodes.has(call[end]))
    for (const end of ends) found.push({ path: ["calls", i, end], issue: unknownNode(s, call[end]) })
    if (call.from === call.to) {
      found.push({ path: ["calls", i, "to"], issue: `a call joins two different phones, but from and to are both "${call.from}"` })
    } else if (ends.length === 0 && !linked.has(pairKey(call.from, call.to))) {
      found.push({ path: ["calls", i], issue: `no link joins ${call.from} and ${call.to}; calls need a direct link for now` })
    }
    const scenarioEnd = formatDuration(s.duration)
    if (call.start >= s.duration) {
      found.push({ path: ["calls", i, "start"], issue: `the call starts at ${formatDuration(call.start)}, but the scenario ends at ${scenarioEnd}` })
    } else if (call.duration !== undefined && call.start + call.duration > s.duration) {
      const end = formatDuration(call.start + call.duration)
      found.push({ path: ["calls", i, "duration"], issue: `the call would end at ${end}, after the scenario ends at ${scenarioEnd}` })
    }
  })
  return found
}
