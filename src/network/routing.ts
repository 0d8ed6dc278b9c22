/** A directed edge of the routing graph: one direction of a link. */
export interface RouteEdge {
  readonly from: number
  readonly to: number
  readonly cost: number
}

/**
 * Static shortest-path routing (Dijkstra 1959) by configured cost. Returns, for every source
 * node, the index of the edge to take first toward every destination (-1: unreachable or itself).
 * Deterministic: nodes are settled in order of (distance, node index) and a path is replaced only
 * by a strictly cheaper one, with edges tried in their given order, so equal-cost ties always
 * resolve the same way.
 */
export const shortestPathFirstHops = (nodeCount: number, edges: readonly RouteEdge[]): Int32Array[] => {
  const outgoing: number[][] = Array.from({ length: nodeCount }, () => [])
  edges.forEach((e, i) => outgoing[e.from]!.push(i))
  const firstHops: Int32Array[] = []
  for (let source = 0; source < nodeCount; source++) {
    const distance = new Float64Array(nodeCount).fill(Infinity)
    const firstHop = new Int32Array(nodeCount).fill(-1)
    const settled = new Uint8Array(nodeCount)
    distance[source] = 0
    for (;;) {
      let u = -1
      for (let v = 0; v < nodeCount; v++) if (!settled[v] && distance[v]! < Infinity && (u < 0 || distance[v]! < distance[u]!)) u = v
      if (u < 0) break
      settled[u] = 1
      for (const i of outgoing[u]!) {
        const e = edges[i]!
        const d = distance[u]! + e.cost
        if (d < distance[e.to]!) {
          distance[e.to] = d
          firstHop[e.to] = u === source ? i : firstHop[u]!
        }
      }
    }
    firstHops.push(firstHop)
  }
  return firstHops
}
