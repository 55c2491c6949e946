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
import { upgradeToV2 } from './upgrades'

export const DATABASE_NAME = 'cap-ess'

/** A device-level setting (not part of any organisation, not exported). */
export interface Setting {
  key: string
  value: string
}


/** An anonymised summary in a network's regional picture, with when it arrived. */
export type StoredSummary = Summary & { importedAt: string }

/**
 * The only place that knows IndexedDB. Index only what is queried; every new version gets an upgrade and a
 * test that opens a database of the previous version with real data.
 */
export class CapEssDatabase extends Dexie {
  organisations!: EntityTable<Organisation, 'id'>
  assessments!: EntityTable<Assessment, 'id'>
  answers!: Table<Answer, [string, string]>
  indicatorValues!: Table<IndicatorRecord, [string, string]>
  customIndicators!: EntityTable<CustomIndicator, 'id'>
  objectives!: Table<Objective, [string, string]>
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
