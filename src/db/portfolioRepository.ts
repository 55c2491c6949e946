import type { Action } from '@/domain/actions'
import type { Assessment } from '@/domain/assessment'
import type { Organisation } from '@/domain/organisation'
import { database } from './database'

// Reads only, free of zod: the home page reads this (writes: organisationWrites.ts).

export interface StoredPortfolio {
  organisations: Organisation[]
  assessments: Assessment[]
  actions: Action[]
  /** The latest answer written in each draft: answers do not touch their assessment's date. */
  draftActivity: Map<string, string>
}

/**
 * What the portfolio's table needs, in one read transaction, reading as little as it can: the exercises from the
 * year before `fromYear` on (an older one only for an organisation with no completed exercise since), the open
 * actions, and for each draft only the newest answer's date (the `[assessmentId+updatedAt]` index of its answers'
 * record, read without the record). With 200 organisations × 10 years, that is about 400 exercises instead of 2 000.
 */
export async function readPortfolio(fromYear: number, db = database()): Promise<StoredPortfolio> {
  return db.transaction('r', [db.organisations, db.assessments, db.actions, db.answerSets], async () => {
    const [organisations, recent, actions] = await Promise.all([
      db.organisations.toArray(),
      db.assessments
        .where('year')
        .aboveOrEqual(fromYear - 1)
        .toArray(),
      db.actions.where('status').anyOf(['todo', 'doing']).toArray(),
    ])
    const withCompleted = new Set(recent.filter((a) => a.status === 'completed').map((a) => a.organisationId))
    const older = await Promise.all(
      organisations
        .filter((o) => !withCompleted.has(o.id))
        .map((o) =>
          db.assessments
            .where('[organisationId+year]')
            .between([o.id, 0], [o.id, fromYear - 1])
            .reverse()
            .filter((a) => a.status === 'completed')
            .first(),
        ),
    )
    const assessments = [...recent, ...older.filter((a) => a !== undefined)]
    const drafts = assessments.filter((a) => a.status === 'draft')
    const latest = await Promise.all(
      drafts.map((a) =>
        db.answerSets
          .where('[assessmentId+updatedAt]')
          .between([a.id, ''], [a.id, '\uffff'])
          .keys()
          .then((keys) => [a.id, String((keys.at(-1) as [string, string] | undefined)?.[1] ?? '')] as const),
      ),
    )
    return { organisations, assessments, actions, draftActivity: new Map(latest.filter(([, at]) => at)) }
  })
}

/** Every exercise of every organisation, for the portfolio's spreadsheet (made on request, not for the table). */
export async function readAllExercises(
  db = database(),
): Promise<{ organisations: Organisation[]; assessments: Assessment[] }> {
  return db.transaction('r', [db.organisations, db.assessments], async () => {
    const [organisations, assessments] = await Promise.all([db.organisations.toArray(), db.assessments.toArray()])
    return { organisations, assessments }
  })
}

const CACHE_KEY = 'portfolioRows'

/** The portfolio's rows as last computed on this device, shown at once while they are computed again. */
export async function readPortfolioCache(db = database()): Promise<string | null> {
  return (await db.settings.get(CACHE_KEY))?.value ?? null
}

export async function writePortfolioCache(value: string, db = database()): Promise<void> {
  await db.settings.put({ key: CACHE_KEY, value })
}
