/**
 * Older backup formats are brought to the current one step by step before validation. A step never throws:
 * what it does not recognise it passes on unchanged, and validation then says where the problem is.
 *
 * formatVersion 1 is the data of the first release (organisations, assessments and answers, before the yearly
 * cycle): step 1 → 2 adds the history fields and the empty indicator, objective, action and custom lists, as the
 * Dexie upgrade to version 2 does for stored data.
 */
type Json = Record<string, unknown>
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v)
const mapArray = (v: unknown, f: (item: unknown) => unknown) => (Array.isArray(v) ? v.map(f) : v)

export const FORMAT_STEPS: Record<number, (file: Json) => Json> = {
  1: (file) => ({
    ...file,
    formatVersion: 2,
    organisations: mapArray(file.organisations, (org) =>
      !isObject(org)
        ? org
        : {
            actions: [],
            customIndicators: [],
            ...org,
            assessments: mapArray(org.assessments, (a) =>
              !isObject(a)
                ? a
                : {
                    previousAssessmentId: null,
                    completedAt: null,
                    snapshot: null,
                    presentedAt: null,
                    indicatorValues: [],
                    objectives: [],
                    ...a,
                    // Version 1 could not complete an assessment: a stray « completed » without scores is a draft.
                    status: a.status === 'completed' && !a.snapshot ? 'draft' : a.status,
                    answers: mapArray(a.answers, (x) => (isObject(x) ? { carriedOver: false, ...x } : x)),
                  },
            ),
          },
    ),
  }),
}

/** Applies every step from `from` to `to`; returns null when a step is missing. */
export function migrateBackup(file: Json, from: number, to: number): Json | null {
  let current = file
  for (let v = from; v < to; v++) {
    const step = FORMAT_STEPS[v]
    if (!step) return null
    current = step(current)
  }
  return current
}
