import { describe, expect, it } from "vitest"
import { answerCodec } from "../../../src/media/sip/offer-answer.ts"

describe("answerCodec", () => {
  it("takes the offer's order, not the answerer's", () => {
    expect(answerCodec(["G.711a", "G.711u"], ["G.711u", "G.711a"])).toBe("G.711a")
    expect(answerCodec(["G.729", "G.711u"], ["G.711a", "G.711u"])).toBe("G.711u")
  })

  it("is undefined without a common codec", () => {
    expect(answerCodec(["G.729"], ["G.711u"])).toBeUndefined()
    expect(answerCodec([], ["G.711u"])).toBeUndefined()
  })
})
