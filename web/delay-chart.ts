import * as d3 from "d3"

export interface DelayPoints {
  readonly sentMs: readonly number[]
  readonly delayMs: readonly number[]
  readonly late: readonly boolean[]
}

const MARGIN = { top: 12, right: 20, bottom: 44, left: 60 }

/** Draws one-way delay (ms) against send time (s): one dot per received packet, late ones in red. */
export const drawDelayChart = (svgElement: SVGSVGElement, points: DelayPoints): void => {
  const svg = d3.select(svgElement)
  svg.selectAll("*").remove()
  const width = svgElement.clientWidth || 1000
  const height = svgElement.clientHeight || 420
  const index = d3.range(points.sentMs.length)
  const x = d3
    .scaleLinear()
    .domain([0, (d3.max(points.sentMs) ?? 1) / 1000])
    .nice()
    .range([MARGIN.left, width - MARGIN.right])
  const y = d3
    .scaleLinear()
    .domain([0, d3.max(points.delayMs) ?? 1])
    .nice()
    .range([height - MARGIN.bottom, MARGIN.top])

  svg.append("g").attr("transform", `translate(0,${height - MARGIN.bottom})`).call(d3.axisBottom(x))
  svg.append("g").attr("transform", `translate(${MARGIN.left},0)`).call(d3.axisLeft(y))
  svg
    .append("text")
    .attr("class", "axis-label")
    .attr("x", (MARGIN.left + width - MARGIN.right) / 2)
    .attr("y", height - 8)
    .attr("text-anchor", "middle")
    .text("send time (s)")
  svg
    .append("text")
    .attr("class", "axis-label")
    .attr("transform", `translate(16,${(MARGIN.top + height - MARGIN.bottom) / 2}) rotate(-90)`)
    .attr("text-anchor", "middle")
    .text("one-way delay (ms)")

  svg
    .append("g")
    .attr("class", "packets")
    .selectAll("circle")
    .data(index)
    .join("circle")
    .attr("cx", (i) => x(points.sentMs[i]! / 1000))
    .attr("cy", (i) => y(points.delayMs[i]!))
    .attr("r", (i) => (points.late[i] ? 2.5 : 1.4))
    .attr("fill", (i) => (points.late[i] ? "#c53030" : "#2b6cb0"))
    .append("title")
    .text((i) => `sent ${(points.sentMs[i]! / 1000).toFixed(3)} s, delay ${points.delayMs[i]!.toFixed(3)} ms${points.late[i] ? ", late" : ""}`)
}
