import { describe, expect, it } from 'vitest'
import type { Action } from '@/domain/actions'
import type { Assessment } from '@/domain/assessment'
import type { Organisation } from '@/domain/organisation'
import { NO_FILTER, filterRows, parseTags, portfolioRows, sortRows, stageOf, whatsNext } from '@/domain/portfolio'
import type { ScoreSnapshot } from '@/domain/snapshot'

const T = '2026-01-10T09:00:00.000Z'
const today = new Date('2026-12-01T10:00:00.000Z') // the current exercise is 2026 (from July on)
const org = (id: string, name: string, extra: Partial<Organisation> = {}): Organisation => ({
  id,
  name,
  legalForm: 'association',
  employees: 5,
  volunteers: 10,
  members: 50,
  region: '76',
  siren: null,
  createdAt: T,
  updatedAt: T,
  ...extra,
})
const snapshot = (score: number): ScoreSnapshot =>
  ({ global: { score, answered: 10, applicable: 20, coverage: 0.5 } }) as unknown as ScoreSnapshot
const assessment = (id: string, organisationId: string, year: number, extra: Partial<Assessment> = {}): Assessment => ({
  id,
  organisationId,
  year,
  guideId: 'csess-2016',
  guideVersion: 2,
  status: 'draft',
  retainedThemeIds: ['gov'],
  participants: '',
  previousAssessmentId: null,
  completedAt: null,
  snapshot: null,
  presentedAt: null,
  createdAt: T,
  updatedAt: T,
  ...extra,
})
const action = (
  id: string,
  organisationId: string,
  dueDate: string | null,
  status: Action['status'] = 'todo',
): Action => ({
  id,
  organisationId,
  originAssessmentId: null,
  title: 'x',
  description: '',
  themeId: null,
  questionId: null,
  indicatorId: null,
  owner: '',
  dueDate,
  priority: 'normal',
  status,
  doneAt: null,
  createdAt: T,
  updatedAt: '2026-03-01T09:00:00.000Z',
})

describe('the stage of an exercise', () => {
  it('is to start, in progress, completed or presented at the AG', () => {
    expect(stageOf(undefined)).toBe('to-start')
    expect(stageOf({ status: 'draft', presentedAt: null })).toBe('in-progress')
    expect(stageOf({ status: 'completed', presentedAt: null })).toBe('completed')
    expect(stageOf({ status: 'completed', presentedAt: '2026-06-12' })).toBe('presented')
  })
})

describe('the portfolio', () => {
  const orgs = [
    org('o1', 'Asso 10'),
    org('o2', 'Asso 2', { tags: ['DLA'] }),
    org('o3', 'Épicerie solidaire', { archivedAt: T }),
    org('o4', 'asso 1'),
  ]
  const assessments = [
    assessment('a1-25', 'o1', 2025, { status: 'completed', snapshot: snapshot(0.62), completedAt: T }),
    assessment('a1-26', 'o1', 2026, { presentedAt: '2026-12-20' }),
    assessment('a2-26', 'o2', 2026, { status: 'completed', snapshot: snapshot(0.4), completedAt: T }),
    assessment('a3-26', 'o3', 2026, { presentedAt: '2026-12-15' }),
  ]
  const actions = [
    action('x1', 'o1', '2026-11-01'),
    action('x2', 'o1', '2027-01-01'),
    action('x3', 'o2', '2026-10-01', 'done'),
    action('x4', 'o4', '2026-05-01'),
  ]
  const rows = portfolioRows(orgs, assessments, actions, today, new Map([['a1-26', '2026-11-30T18:00:00.000Z']]))
  const row = (id: string) => rows.find((r) => r.id === id)!

  it('gives each organisation its current exercise’s stage, its last completed score, its next AG and its actions', () => {
    expect(row('o1')).toMatchObject({
      year: 2026,
      stage: 'in-progress',
      score: { year: 2025, value: 62, coverage: 50 },
      nextAg: '2026-12-20',
      openActions: 2,
      overdueActions: 1,
    })
    expect(row('o1').lastChange).toBe('2026-11-30T18:00:00.000Z') // an answer written in the draft
    expect(row('o2')).toMatchObject({
      stage: 'completed',
      score: { year: 2026, value: 40 },
      openActions: 0,
      overdueActions: 0,
      tags: ['DLA'],
    })
    expect(row('o4')).toMatchObject({ stage: 'to-start', score: null, assessmentId: null, overdueActions: 1 })
  })

  it('says what’s next: AGs within 60 days not completed, overdue actions, no assessment this year; never for archived ones', () => {
    const next = whatsNext(rows, today)
    expect(next.agsSoon.map((r) => r.id)).toEqual(['o1']) // o3 is archived
    expect(next.overdue.map((r) => r.id)).toEqual(['o4', 'o1']) // one each: by name, « asso 1 » first
    expect(next.notStarted.map((r) => r.id)).toEqual(['o4'])
    const far = portfolioRows(
      [org('o5', 'Loin')],
      [assessment('a5', 'o5', 2026, { presentedAt: '2027-03-01' })],
      [],
      today,
    )
    expect(whatsNext(far, today).agsSoon).toEqual([])
  })

  it('sorts names in natural order, empty values last whichever the direction', () => {
    expect(sortRows(rows, 'name', 'asc').map((r) => r.name)).toEqual([
      'asso 1',
      'Asso 2',
      'Asso 10',
      'Épicerie solidaire',
    ])
    expect(sortRows(rows, 'score', 'desc').map((r) => r.id)).toEqual(['o1', 'o2', 'o4', 'o3'])
    expect(
      sortRows(rows, 'score', 'asc')
        .map((r) => r.id)
        .slice(0, 2),
    ).toEqual(['o2', 'o1'])
    expect(
      sortRows(rows, 'nextAg', 'desc')
        .map((r) => r.id)
        .slice(-2)
        .every((id) => row(id).nextAg === null),
    ).toBe(true)
  })

  it('filters by words without accents or case, by stage, tag, and hides archived ones unless asked', () => {
    expect(filterRows(rows, { ...NO_FILTER, query: 'EPICERIE' })).toEqual([])
    expect(filterRows(rows, { ...NO_FILTER, query: 'EPICERIE', showArchived: true }).map((r) => r.id)).toEqual(['o3'])
    expect(filterRows(rows, { ...NO_FILTER, query: 'asso' }).map((r) => r.id)).toEqual(['o1', 'o2', 'o4'])
    expect(filterRows(rows, { ...NO_FILTER, stage: 'to-start' }).map((r) => r.id)).toEqual(['o4'])
    expect(filterRows(rows, { ...NO_FILTER, tag: 'DLA' }).map((r) => r.id)).toEqual(['o2'])
  })

  it('reads tags as typed: trimmed, no duplicates whatever the case, at most twenty', () => {
    expect(parseTags(' DLA 2026, ESUS ; dla 2026,, insertion ')).toEqual(['DLA 2026', 'ESUS', 'insertion'])
    expect(parseTags(Array.from({ length: 30 }, (_, i) => `t${i}`).join(','))).toHaveLength(20)
  })
})
