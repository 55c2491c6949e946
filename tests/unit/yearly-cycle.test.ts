import { describe, expect, it } from 'vitest'
import { doneAtAfter, filterActions, isOverdue, sortActions, ActionSchema } from '@/domain/actions'
import { agDateProblem } from '@/domain/assessment'
import { compareAssessments, compareLevels, countChanges } from '@/domain/comparison'
import { guideIntegrityProblems } from '@/domain/guide/integrity'
import { migrateQuestionIds, migrationSteps } from '@/domain/guide/migration'
import { nextStep, previousOf } from '@/domain/history'
import { parseFrenchNumber, parseIndicatorDraft } from '@/domain/indicators'
import { parseTarget, targetMet } from '@/domain/objectives'
import { prefillFromPrevious } from '@/domain/prefill'
import { scoreAssessment } from '@/domain/scoring'
import { takeSnapshot } from '@/domain/snapshot'
import { answer, answers, level, miniIndex, profile, unknown } from '../fixtures/factories'
import { guideV1, guideV2 } from '../fixtures/guideVersions'

const v2Questions = new Set(guideV2.themes.flatMap((t) => t.domaines.flatMap((d) => d.questions.map((q) => q.id))))

describe('guide migration map', () => {
  it('carries kept and renamed questions and drops removed ones, with a notice', () => {
    const steps = migrationSteps([guideV1, guideV2], 1, 2)
    const result = migrateQuestionIds(['t.d.kept', 't.d.old-name', 't.d.gone'], steps)
    expect([...result.mapping]).toEqual([
      ['t.d.kept', 't.d.kept'],
      ['t.d.old-name', 't.d.new-name'],
    ])
    expect(result.dropped).toEqual(['t.d.gone'])
    expect(result.renamed).toEqual([['t.d.old-name', 't.d.new-name']])
  })

  it('has nothing to do between equal versions and refuses a broken chain', () => {
    expect(migrationSteps([guideV1], 1, 1)).toEqual([])
    expect(() => migrationSteps([guideV1], 1, 3)).toThrow(/No migration path/)
  })

  it('checks the map against the new version', () => {
    expect(guideIntegrityProblems(guideV2)).toEqual([])
    const broken = {
      ...guideV2,
      migration: {
        fromVersion: 1,
        renamed: { 't.d.kept': 't.d.nowhere' },
        removed: ['t.d.added'],
        notesOnly: ['t.d.kept', 't.d.missing'],
      },
    }
    expect(guideIntegrityProblems(broken)).toEqual([
      'migration.renamed.t.d.kept: « t.d.nowhere » n’existe pas dans cette version',
      'migration.renamed.t.d.kept: l’ancien identifiant existe encore dans cette version',
      'migration.removed[0]: « t.d.added » existe encore dans cette version',
      'migration.notesOnly[0]: « t.d.kept » est encore une question notée',
      'migration.notesOnly[1]: « t.d.missing » n’existe pas dans cette version',
    ])
  })

  it('pre-fills next year from last year through the map, every answer to confirm', () => {
    const previous = [
      answer('t.d.kept', level(3), { note: 'vu en CA', evidence: ['PV'] }),
      answer('t.d.old-name', level(1)),
      answer('t.d.gone', level(4)),
    ]
    const result = prefillFromPrevious(
      previous,
      migrationSteps([guideV1, guideV2], 1, 2),
      v2Questions,
      'a2',
      '2027-03-01T00:00:00.000Z',
    )
    expect(result.answers.map((a) => [a.assessmentId, a.questionId, a.carriedOver])).toEqual([
      ['a2', 't.d.kept', true],
      ['a2', 't.d.new-name', true],
    ])
    expect(result.answers[0]).toMatchObject({
      note: 'vu en CA',
      evidence: ['PV'],
      response: { kind: 'level', level: 3 },
    })
    expect(result.dropped).toEqual(['t.d.gone'])
    expect(previous[0].assessmentId).toBe('a1')
  })

  it('never carries two answers onto one question, nor onto a question the new guide lacks', () => {
    const merging = { fromVersion: 1, renamed: { 't.d.old-name': 't.d.kept' }, removed: ['t.d.gone'], notesOnly: [] }
    const previous = [answer('t.d.kept', level(3)), answer('t.d.old-name', level(1)), answer('t.d.orphan', level(2))]
    const result = prefillFromPrevious(previous, [merging], v2Questions, 'a2', '2027-03-01T00:00:00.000Z')
    expect(result.answers.map((a) => a.questionId)).toEqual(['t.d.kept'])
    expect(result.dropped).toEqual(['t.d.old-name', 't.d.orphan'])
    expect(result.renamed).toEqual([])
  })
})

describe('comparison of two exercises', () => {
  const index = miniIndex({
    gov: { d: [{ id: 'q1' }, { id: 'q2' }, { id: 'q3' }, { id: 'q4' }, { id: 'q5' }, { id: 'q6' }] },
    eth: { d: [{ id: 'e1' }] },
  })
  const snapshot = (map: ReturnType<typeof answers>) =>
    takeSnapshot(
      scoreAssessment(index, ['gov', 'eth'], profile(), map),
      { guideId: 'mini', guideVersion: 1 },
      '2026-06-01T00:00:00.000Z',
    )

  it('tells better, worse, same, new and no longer answered, question by question', () => {
    expect(compareLevels(1, 3)).toBe('better')
    expect(compareLevels(3, 1)).toBe('worse')
    expect(compareLevels(2, 2)).toBe('same')
    expect(compareLevels(null, 2)).toBe('new')
    expect(compareLevels(2, null)).toBe('no-longer')
    expect(compareLevels(null, null)).toBeNull()
  })

  it('gives the theme scores of both years, the delta in displayed points and each question’s change', () => {
    const before = answers(
      answer('q1', level(1)),
      answer('q2', level(3)),
      answer('q3', level(2)),
      answer('q5', level(2)),
      answer('q6', unknown),
    )
    const after = answers(
      answer('q1', level(3)),
      answer('q2', level(1)),
      answer('q3', level(2)),
      answer('q4', level(4)),
      answer('q6', level(0)),
    )
    const [gov, eth] = compareAssessments({
      themeIds: ['gov', 'eth'],
      questionIdsOfTheme: (id) => index.questionsOfTheme(id).map((e) => e.question.id),
      before: { snapshot: snapshot(before), answers: before },
      after: { snapshot: snapshot(after), answers: after },
    })
    // before: (1+3+2+2)/4/4 = 0.5 → 50; after: (3+1+2+4+0)/5/4 = 0.5 → 50
    expect(gov).toMatchObject({ before: 50, after: 50, delta: 0 })
    // Each score with what it rests on: 4 answers then 5, of the theme's applicable questions.
    expect(gov.beforeCoverage?.answered).toBe(4)
    expect(gov.afterCoverage?.answered).toBe(5)
    expect(gov.afterCoverage?.applicable).toBe(gov.beforeCoverage?.applicable)
    expect(gov.questions.map((q) => [q.questionId, q.change])).toEqual([
      ['q1', 'better'],
      ['q2', 'worse'],
      ['q3', 'same'],
      ['q4', 'new'],
      ['q5', 'no-longer'],
      ['q6', 'new'],
    ])
    expect(countChanges(gov.questions)).toEqual({ better: 1, worse: 1, same: 1, new: 2, 'no-longer': 1 })
    expect(eth).toMatchObject({ before: null, after: null, delta: null, questions: [] })
  })
})

describe('score snapshot', () => {
  it('is a copy: later answers or a changed formula do not touch it', () => {
    const index = miniIndex({ t: { d: [{ id: 'q1' }, { id: 'q2' }] } })
    const map = answers(answer('q1', level(4)))
    const scores = scoreAssessment(index, ['t'], profile(), map)
    const snap = takeSnapshot(scores, { guideId: 'mini', guideVersion: 1 }, '2026-06-01T00:00:00.000Z')
    const frozen = structuredClone(snap)
    map.set('q2', answer('q2', level(0)))
    scores.themes[0].score = 0
    expect(snap).toEqual(frozen)
    expect(snap).toMatchObject({ scoringVersion: 1, guideVersion: 1, global: { score: 1, answered: 1, applicable: 2 } })
  })
})

describe('objectives', () => {
  it('parses targets: a level 0–4, a value of the indicator’s kind, never below zero', () => {
    expect(parseTarget('level', '3')).toEqual({ ok: true, value: 3 })
    expect(parseTarget('level', '5')).toEqual({ ok: false, error: 'validation.levelRange' })
    expect(parseTarget('level', '2,5')).toEqual({ ok: false, error: 'validation.levelRange' })
    expect(parseTarget('percent', '-5')).toEqual({ ok: false, error: 'validation.targetNegative' })
    expect(parseTarget('percent', '120')).toEqual({ ok: false, error: 'validation.percentRange' })
    expect(parseTarget('euros', '1 234,56')).toEqual({ ok: true, value: 1234.56 })
    expect(parseTarget('boolean', true)).toEqual({ ok: true, value: true })
    expect(parseTarget('number', '')).toEqual({ ok: true, value: null })
    expect(parseTarget('text', 'x')).toEqual({ ok: false, error: 'validation.invalid' })
  })

  it('says whether a target is met, in the right direction', () => {
    expect(targetMet(3, 'at-least', 3)).toBe(true)
    expect(targetMet(3, 'at-least', 2)).toBe(false)
    expect(targetMet(5, 'at-most', 4.2)).toBe(true)
    expect(targetMet(5, 'at-most', 6)).toBe(false)
    expect(targetMet(true, 'at-least', true)).toBe(true)
    expect(targetMet(true, 'at-least', false)).toBe(false)
    expect(targetMet(3, 'at-least', null)).toBeNull()
    expect(targetMet(null, 'at-least', 3)).toBeNull()
    expect(targetMet(3, 'at-least', 'texte')).toBeNull()
  })
})

describe('indicator values', () => {
  it('reads French numbers', () => {
    expect(parseFrenchNumber('1 234,56')).toBe(1234.56)
    expect(parseFrenchNumber('12 %')).toBe(12)
    expect(parseFrenchNumber('')).toBeNull()
    expect(parseFrenchNumber('douze')).toBeUndefined()
  })

  it('checks each value against its unit', () => {
    expect(parseIndicatorDraft('percent', '45,5')).toEqual({ ok: true, value: 45.5 })
    expect(parseIndicatorDraft('percent', '140')).toEqual({ ok: false, error: 'validation.percentRange' })
    expect(parseIndicatorDraft('number', '-2')).toEqual({ ok: false, error: 'validation.negative' })
    expect(parseIndicatorDraft('number', 'beaucoup')).toEqual({ ok: false, error: 'validation.decimal' })
    expect(parseIndicatorDraft('ratio', '0')).toEqual({ ok: false, error: 'validation.positive' })
    expect(parseIndicatorDraft('ratio', '3,2')).toEqual({ ok: true, value: 3.2 })
    expect(parseIndicatorDraft('boolean', true)).toEqual({ ok: true, value: true })
    expect(parseIndicatorDraft('boolean', 'oui')).toEqual({ ok: false, error: 'validation.choose' })
    expect(parseIndicatorDraft('text', '  CA et bureau  ')).toEqual({ ok: true, value: 'CA et bureau' })
    expect(parseIndicatorDraft('date', '2026-02-30')).toEqual({ ok: false, error: 'validation.date' })
    expect(parseIndicatorDraft('date', '2026-02-28')).toEqual({ ok: true, value: '2026-02-28' })
    expect(parseIndicatorDraft('percent-by-category', { Femmes: '60', Hommes: '' }, ['Femmes', 'Hommes'])).toEqual({
      ok: true,
      value: { Femmes: 60, Hommes: null },
    })
    expect(parseIndicatorDraft('percent-by-category', { Femmes: '160' }, ['Femmes', 'Hommes'])).toEqual({
      ok: false,
      error: 'validation.percentRange',
    })
    expect(parseIndicatorDraft('hours', '')).toEqual({ ok: true, value: null })
  })
})

describe('actions', () => {
  const base = {
    id: 'x',
    organisationId: 'o',
    originAssessmentId: null,
    title: 'Écrire le règlement intérieur',
    description: '',
    themeId: 'gov',
    questionId: null,
    indicatorId: null,
    owner: 'Claire',
    priority: 'normal' as const,
    status: 'todo' as const,
    doneAt: null,
    createdAt: '2026-11-27T10:00:00.000Z',
    updatedAt: '2026-11-27T10:00:00.000Z',
  }

  it('refuses a due date before the creation date, at the due date field', () => {
    const result = ActionSchema.safeParse({ ...base, dueDate: '2026-11-26' })
    expect(result.success).toBe(false)
    expect(result.error?.issues[0]).toMatchObject({ path: ['dueDate'], message: 'validation.dueBeforeCreation' })
    expect(ActionSchema.safeParse({ ...base, dueDate: '2026-11-27' }).success).toBe(true)
  })

  it('keeps the done date while done, clears it when reopened', () => {
    expect(doneAtAfter(null, 'done', 'T1')).toBe('T1')
    expect(doneAtAfter({ status: 'done', doneAt: 'T1' }, 'done', 'T2')).toBe('T1')
    expect(doneAtAfter({ status: 'done', doneAt: 'T1' }, 'doing', 'T2')).toBeNull()
  })

  it('flags open actions past their due date only', () => {
    expect(isOverdue({ status: 'todo', dueDate: '2026-11-26' }, '2026-11-27')).toBe(true)
    expect(isOverdue({ status: 'doing', dueDate: '2026-11-27' }, '2026-11-27')).toBe(false)
    expect(isOverdue({ status: 'done', dueDate: '2026-01-01' }, '2026-11-27')).toBe(false)
    expect(isOverdue({ status: 'todo', dueDate: null }, '2026-11-27')).toBe(false)
  })

  it('filters by theme, status and owner, and sorts open ones first by due date', () => {
    const actions = [
      { ...base, id: 'a', status: 'done' as const, dueDate: '2026-01-01' },
      { ...base, id: 'b', themeId: 'ethics', owner: 'Paul', dueDate: '2027-03-01' },
      { ...base, id: 'c', dueDate: '2027-01-15', priority: 'high' as const },
      { ...base, id: 'd', dueDate: null },
    ]
    expect(filterActions(actions, { themeId: 'gov', status: 'open' }).map((a) => a.id)).toEqual(['c', 'd'])
    expect(filterActions(actions, { owner: 'pau' }).map((a) => a.id)).toEqual(['b'])
    expect(sortActions(actions).map((a) => a.id)).toEqual(['c', 'b', 'd', 'a'])
  })
})

describe('yearly cycle', () => {
  const a = (year: number, status: 'draft' | 'completed', presentedAt: string | null = null) => ({
    id: `a${year}`,
    year,
    status,
    presentedAt,
  })

  it('proposes the next step of the guide’s cycle', () => {
    expect(nextStep([])).toEqual({ kind: 'first-assessment' })
    expect(nextStep([a(2025, 'completed', '2026-06-12'), a(2026, 'draft')])).toEqual({
      kind: 'continue',
      assessmentId: 'a2026',
      year: 2026,
    })
    expect(nextStep([a(2026, 'completed')])).toEqual({ kind: 'record-ag', assessmentId: 'a2026', year: 2026 })
    expect(nextStep([a(2026, 'completed', '2027-06-10')])).toEqual({
      kind: 'next-year',
      previousAssessmentId: 'a2026',
      year: 2027,
    })
  })

  it('finds the previous exercise', () => {
    expect(previousOf([a(2024, 'completed'), a(2022, 'completed'), a(2026, 'draft')], 2026)?.year).toBe(2024)
    expect(previousOf([a(2026, 'draft')], 2026)).toBeUndefined()
  })

  it('accepts an AG date from the exercise year to two years after', () => {
    expect(agDateProblem('2027-06-15', 2026)).toBeNull()
    expect(agDateProblem('2025-06-15', 2026)).toBe('validation.agDateRange')
    expect(agDateProblem('2029-01-01', 2026)).toBe('validation.agDateRange')
    expect(agDateProblem('2027-02-30', 2026)).toBe('validation.date')
  })
})
