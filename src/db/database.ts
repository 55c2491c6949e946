import Dexie, { type EntityTable, type Table } from 'dexie'
import type { Answer } from '@/domain/answer'
import type { Assessment } from '@/domain/assessment'
import type { Action } from '@/domain/actions'
import type { CustomIndicator, IndicatorRecord } from '@/domain/indicators'
import type { Objective } from '@/domain/objectives'
import type { Organisation } from '@/domain/organisation'
import type { Discussion, Participant, RatingRecord } from '@/domain/workshop'
import type { CatalogueSheet } from '@/domain/catalogue'
import type { StoredGuide } from '@/domain/guide/networkGuide'
import type { PracticeSheet } from '@/domain/practiceSheet'
import type { Summary } from '@/domain/files/summary'
import { upgradeToV2, upgradeToV7 } from './upgrades'

export const DATABASE_NAME = 'cap-ess'

/** A device-level setting (not part of any organisation, not exported). */
export interface Setting {
  key: string
  value: string
}

/**
 * One assessment's answers, indicator values or objectives, stored as one record: a backup of 200 organisations ×
 * 10 years is then about 12 000 records instead of 276 000, and IndexedDB's cost is per record (docs/performance.md).
 * The items are kept as the backup file nests them, without their assessment's id; `updatedAt` is the newest item's.
 */
export interface ItemSet<T> {
  assessmentId: string
  updatedAt: string
  items: T[]
}
export type AnswerSet = ItemSet<Omit<Answer, 'assessmentId'>>
export type IndicatorSet = ItemSet<Omit<IndicatorRecord, 'assessmentId'>>
export type ObjectiveSet = ItemSet<Omit<Objective, 'assessmentId'>>

/** An anonymised summary in a network's regional picture, with when it arrived. */
export type StoredSummary = Summary & { importedAt: string }

/**
 * The only place that knows IndexedDB. Index only what is queried; every new version gets an upgrade and a
 * test that opens a database of the previous version with real data.
 */
export class CapEssDatabase extends Dexie {
  organisations!: EntityTable<Organisation, 'id'>
  assessments!: EntityTable<Assessment, 'id'>
  answerSets!: Table<AnswerSet, string>
  indicatorSets!: Table<IndicatorSet, string>
  customIndicators!: EntityTable<CustomIndicator, 'id'>
  objectiveSets!: Table<ObjectiveSet, string>
  actions!: EntityTable<Action, 'id'>
  settings!: Table<Setting, string>
  participants!: Table<Participant, [string, string]>
  ratings!: Table<RatingRecord, [string, string, string]>
  discussions!: Table<Discussion, [string, string]>
  guides!: Table<StoredGuide, [string, number]>
  practiceSheets!: EntityTable<PracticeSheet, 'id'>
  catalogue!: EntityTable<CatalogueSheet, 'id'>
  summaries!: EntityTable<StoredSummary, 'id'>

  constructor(name: string = DATABASE_NAME) {
    super(name)
    this.version(1).stores({
      organisations: 'id, name',
      assessments: 'id, organisationId, &[organisationId+year]',
      answers: '[assessmentId+questionId], assessmentId',
    })
    // v2 (continuous improvement): history fields on assessments and answers, indicators, objectives, actions.
    this.version(2)
      .stores({
        indicatorValues: '[assessmentId+indicatorId], assessmentId',
        customIndicators: 'id, organisationId',
        objectives: '[assessmentId+subjectId], assessmentId',
        actions: 'id, organisationId',
      })
      .upgrade(upgradeToV2)
    // v3 (data safety): device-level settings such as the date of the last backup. A new table, no data to move.
    this.version(3).stores({ settings: 'key' })
    // v4 (workshop): participants, their ratings, and each question's discussion. New tables, no data to move.
    this.version(4).stores({
      participants: '[assessmentId+id], assessmentId',
      ratings: '[assessmentId+participantId+questionId], assessmentId',
      discussions: '[assessmentId+questionId], assessmentId',
    })
    // v5 (portfolio): the newest answer of a draft without reading them all, the recent exercises without the old
    // ones, and only the open actions.
    this.version(5).stores({
      answers: '[assessmentId+questionId], assessmentId, [assessmentId+updatedAt]',
      assessments: 'id, organisationId, &[organisationId+year], year',
      actions: 'id, organisationId, status',
    })
    // v6 (network): a network's own guides, organisations' practice sheets, and what a network gathers from others
    // (the sheet catalogue, the summaries of its regional picture), each keyed by the id its file gives, so a file
    // imported twice is kept once. New tables, no data to move.
    this.version(6).stores({
      guides: '[id+version]',
      practiceSheets: 'id, organisationId',
      catalogue: 'id',
      summaries: 'id',
    })
    // v7 (performance): an assessment's answers, indicator values and objectives each become one record (ItemSet),
    // the newest answer's date indexed for the portfolio. The rows move in the upgrade; v8 drops the old tables
    // (Dexie lets an upgrade read a table only a later version deletes).
    this.version(7)
      .stores({
        answerSets: 'assessmentId, [assessmentId+updatedAt]',
        indicatorSets: 'assessmentId',
        objectiveSets: 'assessmentId',
      })
      .upgrade(upgradeToV7)
    this.version(8).stores({ answers: null, indicatorValues: null, objectives: null })
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
