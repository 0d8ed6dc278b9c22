/**
 * Speech transmission user-satisfaction categories for the E-model rating R:
 * ITU-T G.109 (09/1999) Table 1 (R lower limits 90, 80, 70, 60, 50).
 */

export type UserSatisfaction =
  | "very satisfied"
  | "satisfied"
  | "some users dissatisfied"
  | "many users dissatisfied"
  | "nearly all users dissatisfied"
  | "not recommended"

// ITU-T G.109 (09/1999) Table 1: 90 <= R very satisfied, 80 satisfied, 70 some, 60 many, 50 nearly all, < 50 not recommended
export function userSatisfaction(R: number): UserSatisfaction {
  if (R >= 90) return "very satisfied"
  if (R >= 80) return "satisfied"
  if (R >= 70) return "some users dissatisfied"
  if (R >= 60) return "many users dissatisfied"
  if (R >= 50) return "nearly all users dissatisfied"
  return "not recommended"
}
