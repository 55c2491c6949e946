import Dexie, { type EntityTable, type Table } from 'dexie'
import type { Answer } from '@/domain/answer'
import type { Assessment } from '@/domain/assessment'
import type { Organisation } from '@/domain/organisation'

export const DATABASE_NAME = 'cap-ess'

/**
 * The only place that knows IndexedDB. Index only what is queried; every new version gets an upgrade and a
 * test that opens a database of the previous version with real data.
 */
export class CapEssDatabase extends Dexie {
  organisations!: EntityTable<Organisation, 'id'>
  assessments!: EntityTable<Assessment, 'id'>
  answers!: Table<Answer, [string, string]>

  constructor(name: string = DATABASE_NAME) {
    super(name)
    this.version(1).stores({
      organisations: 'id, name',
      assessments: 'id, organisationId, &[organisationId+year]',
      answers: '[assessmentId+questionId], assessmentId',
    })
  }
}

let current: CapEssDatabase | null = null

export function database(): CapEssDatabase {
  current ??= new CapEssDatabase()
  return current
}

/** Tests open a fresh database each; the app never calls this. */
export function useDatabase(db: CapEssDatabase): void {
  current = db
}

export function nowIso(): string {
  return new Date().toISOString()
}

export function newId(): string {
  return crypto.randomUUID()
}
