/** A Cap ESS backup file (format 2) with `organisations` × `years` exercises; see portfolio.mjs. */
export function portfolio(
  organisations: number,
  years?: number,
  firstYear?: number,
): {
  organisations: Array<
    Record<string, unknown> & {
      name: string
      customIndicators: unknown[]
      actions: Array<Record<string, unknown> & { title: string }>
      assessments: Array<
        Record<string, unknown> & {
          id: string
          year: number
          indicatorValues: unknown[]
          answers: Array<{ questionId: string; note: string; response: unknown; evidence: string[] }>
        }
      >
    }
  >
} & Record<string, unknown>

/** The shape of the portfolio an outside walk wrote by hand (3–4 exercises on guide v2, short answers); see portfolio.mjs. */
export function walkPortfolio(organisations: number): ReturnType<typeof portfolio>
