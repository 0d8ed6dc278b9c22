/**
 * Receiver of simulator events. Handlers are long-lived objects (one per
 * component, preallocated), so scheduling an event allocates no closure;
 * `arg` (an int32: an event kind, an index) and `ref` (any value) carry the per-event data.
 */
export interface EventHandler {
  handleEvent(arg: number, ref: unknown): void
}

/** Opaque handle of a scheduled event, for `Simulator.cancel`. */
export type EventId = number
