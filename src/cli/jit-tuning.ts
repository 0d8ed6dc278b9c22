import { setFlagsFromString } from "node:v8"

/**
 * V8 inlines a function's callees until their bytecode adds up to 920 bytes. A packet's path
 * (node → link → channel → event queue) is deeper than that, and every call left out boxes the
 * nanosecond times (beyond 2^31, so not small integers) that it passes or returns. A larger
 * budget, set before any simulation runs, cut the 1,000-call trunk benchmark from about 3.4 s to
 * 2.8 s and its garbage by more than half. Node only: a browser runs the engine with its defaults.
 */
export const JIT_FLAGS = "--max-inlined-bytecode-size-cumulative=6000"

setFlagsFromString(JIT_FLAGS)
