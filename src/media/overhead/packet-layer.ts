/** One piece of a packet's size, named after the protocol field or header it is. */
export interface PacketLayer {
  readonly name: string
  readonly bytes: number
}

export const sumBytes = (layers: readonly PacketLayer[]): number => layers.reduce((sum, layer) => sum + layer.bytes, 0)

export function requireWholeBytes(name: string, bytes: number): void {
  if (!Number.isSafeInteger(bytes) || bytes < 0) throw new RangeError(`${name} must be a whole number of bytes ≥ 0, got ${bytes}`)
}
