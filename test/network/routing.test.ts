import { describe, expect, it } from "vitest"
import { shortestPathFirstHops, type RouteEdge } from "../../src/network/routing.ts"

/** Both directions of each undirected link [a, b, cost], edge 2k = a→b, 2k+1 = b→a. */
const bothWays = (links: [number, number, number][]): RouteEdge[] =>
  links.flatMap(([a, b, cost]) => [
    { from: a, to: b, cost },
    { from: b, to: a, cost },
  ])

describe("shortest-path routing", () => {
  //   0 —1— 1 —1— 2          the direct link 0–3 costs 5, the path through 1 and 2 costs 3
  //   └———5———— 3 —1┘
  it("follows the cheapest path, not the fewest hops", () => {
    const edges = bothWays([[0, 1, 1], [1, 2, 1], [2, 3, 1], [0, 3, 5]])
    const hops = shortestPathFirstHops(4, edges)
    expect(hops[0]![3]).toBe(0) // 0→1 first
    expect(hops[3]![0]).toBe(5) // 3→2 first (edge 2·2+1)
    expect(hops[1]![1]).toBe(-1)
  })

  it("breaks equal-cost ties the same way every time: the path found first wins", () => {
    // Two equal paths 0→1→3 and 0→2→3; node 1 settles before node 2.
    const edges = bothWays([[0, 2, 1], [0, 1, 1], [1, 3, 1], [2, 3, 1]])
    const hops = shortestPathFirstHops(4, edges)
    expect(hops[0]![3]).toBe(2) // via node 1 (edge 0→1 is edge 2), the lower-numbered node
    expect(shortestPathFirstHops(4, edges)).toEqual(hops)
  })

  it("says -1 where there is no route", () => {
    const hops = shortestPathFirstHops(3, bothWays([[0, 1, 1]]))
    expect(hops[0]![2]).toBe(-1)
    expect(hops[2]![0]).toBe(-1)
  })
})
