/** Below this many entries, insertion sort beats merging. */
const INSERTION_SORT_MAX = 24

let scratchTime = new Float64Array(0)
let scratchSeq = new Float64Array(0)
let scratchPayload = new Int32Array(0)

function before(t1: number, s1: number, t2: number, s2: number): boolean {
  return t1 < t2 || (t1 === t2 && s1 < s2)
}

/**
 * Sorts entries [0, n) of three parallel arrays by (time, seq); seqs are unique.
 * Already sorted or reversed input (common: bucket lists come out in or
 * against push order) costs O(n); otherwise insertion sort for short runs and
 * bottom-up merge sort above, O(n log n).
 */
export function sortEntries(time: Float64Array, seq: Float64Array, payload: Int32Array, n: number): void {
  let ascending = true
  let descending = true
  for (let i = 1; i < n && (ascending || descending); i++) {
    if (before(time[i]!, seq[i]!, time[i - 1]!, seq[i - 1]!)) ascending = false
    else descending = false
  }
  if (ascending) return
  if (descending) {
    for (let i = 0, j = n - 1; i < j; i++, j--) {
      const t = time[i]!
      time[i] = time[j]!
      time[j] = t
      const s = seq[i]!
      seq[i] = seq[j]!
      seq[j] = s
      const p = payload[i]!
      payload[i] = payload[j]!
      payload[j] = p
    }
    return
  }
  for (let lo = 0; lo < n; lo += INSERTION_SORT_MAX) {
    insertionSort(time, seq, payload, lo, Math.min(lo + INSERTION_SORT_MAX, n))
  }
  if (n <= INSERTION_SORT_MAX) return
  if (scratchTime.length < n) {
    scratchTime = new Float64Array(n)
    scratchSeq = new Float64Array(n)
    scratchPayload = new Int32Array(n)
  }
  let srcTime: Float64Array = time
  let srcSeq: Float64Array = seq
  let srcPayload: Int32Array = payload
  let dstTime: Float64Array = scratchTime
  let dstSeq: Float64Array = scratchSeq
  let dstPayload: Int32Array = scratchPayload
  for (let width = INSERTION_SORT_MAX; width < n; width *= 2) {
    for (let lo = 0; lo < n; lo += 2 * width) {
      const mid = Math.min(lo + width, n)
      const hi = Math.min(lo + 2 * width, n)
      let i = lo
      let j = mid
      let k = lo
      while (i < mid && j < hi) {
        if (before(srcTime[j]!, srcSeq[j]!, srcTime[i]!, srcSeq[i]!)) {
          dstTime[k] = srcTime[j]!
          dstSeq[k] = srcSeq[j]!
          dstPayload[k++] = srcPayload[j++]!
        } else {
          dstTime[k] = srcTime[i]!
          dstSeq[k] = srcSeq[i]!
          dstPayload[k++] = srcPayload[i++]!
        }
      }
      while (i < mid) {
        dstTime[k] = srcTime[i]!
        dstSeq[k] = srcSeq[i]!
        dstPayload[k++] = srcPayload[i++]!
      }
      while (j < hi) {
        dstTime[k] = srcTime[j]!
        dstSeq[k] = srcSeq[j]!
        dstPayload[k++] = srcPayload[j++]!
      }
    }
    const t = srcTime
    srcTime = dstTime
    dstTime = t
    const s = srcSeq
    srcSeq = dstSeq
    dstSeq = s
    const p = srcPayload
    srcPayload = dstPayload
    dstPayload = p
  }
  if (srcTime !== time) {
    time.set(srcTime.subarray(0, n))
    seq.set(srcSeq.subarray(0, n))
    payload.set(srcPayload.subarray(0, n))
  }
}

function insertionSort(time: Float64Array, seq: Float64Array, payload: Int32Array, lo: number, hi: number): void {
  for (let i = lo + 1; i < hi; i++) {
    const t = time[i]!
    const s = seq[i]!
    const p = payload[i]!
    let j = i - 1
    while (j >= lo && before(t, s, time[j]!, seq[j]!)) {
      time[j + 1] = time[j]!
      seq[j + 1] = seq[j]!
      payload[j + 1] = payload[j]!
      j--
    }
    time[j + 1] = t
    seq[j + 1] = s
    payload[j + 1] = p
  }
}
