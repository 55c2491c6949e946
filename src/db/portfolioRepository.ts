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
 * Everything the portfolio's table needs, in one read transaction. Completed assessments' answers are not read
 * (they are frozen); for each draft, only the newest answer's date, through the `[assessmentId+updatedAt]` index.
 */
export async function readPortfolio(db = database()): Promise<StoredPortfolio> {
  return db.transaction('r', [db.organisations, db.assessments, db.actions, db.answers], async () => {
    const [organisations, assessments, actions] = await Promise.all([db.organisations.toArray(), db.assessments.toArray(), db.actions.toArray()])
    const drafts = assessments.filter((a) => a.status === 'draft')
    const latest = await Promise.all(
      drafts.map((a) =>
        db.answers
          .where('[assessmentId+updatedAt]')
          .between([a.id, ''], [a.id, '\uffff'])
          .last()
          .then((answer) => [a.id, answer?.updatedAt ?? ''] as const),
      ),
    )
    return { organisations, assessments, actions, draftActivity: new Map(latest.filter(([, at]) => at)) }
  })
}
