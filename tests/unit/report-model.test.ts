import { describe, expect, it } from 'vitest'
import { actionsForYear, buildReport, employeeReport, type ReportInput } from '@/domain/report/model'
import { actionTitleText } from '@/report/text'
import { ActionSchema } from '@/domain/actions'
import { exerciseProfile } from '@/domain/exercise'
import {
  action,
  answer,
  assessmentOf,
  fullAnswers,
  indicator,
  level,
  na,
  objective,
  organisation,
  realGuide,
  exerciseOf,
} from '../fixtures/reportData'

const retained = ['gov', 'employment', 'environment']

function input(extra: Partial<ReportInput> = {}): ReportInput {
  const before = assessmentOf('y1', 2024, retained, { status: 'completed' })
  const after = assessmentOf('y2', 2025, retained, {
    presentedAt: '2026-06-12',
    agRecord: {
      approach: 'Le CA a retenu trois thèmes.',
      questionsRaised: 'Écarts de salaires ?',
      objectivesAdopted: 'Publier l’index.',
    },
  })
  return {
    guide: realGuide,
    organisation,
    previous: exerciseOf(before, fullAnswers('y1', retained, 0), {
      indicators: new Map([['employment.ind.pay-ratio', indicator('y1', 'employment.ind.pay-ratio', 3.2)]]),
      objectives: new Map([
        ['gov.rules.explicit', objective('y1', 'question', 'gov.rules.explicit', 4)],
        [
          'employment.ind.pay-ratio',
          { ...objective('y1', 'indicator', 'employment.ind.pay-ratio', 3), comparator: 'at-most' },
        ],
      ]),
    }),
    exercise: exerciseOf(after, fullAnswers('y2', retained, 1), {
      indicators: new Map([
        ['employment.ind.pay-ratio', indicator('y2', 'employment.ind.pay-ratio', 2.8, 'Hors dirigeants bénévoles')],
        ['custom.budget', indicator('y2', 'custom.budget', 1234.56)],
      ]),
      objectives: new Map([
        ['environment.ind.energy', objective('y2', 'indicator', 'environment.ind.energy', 900, 700)],
      ]),
    }),
    actions: [
      action('a1', {
        themeId: 'gov',
        status: 'done',
        updatedAt: '2025-09-01T00:00:00.000Z',
        doneAt: '2025-09-01T00:00:00.000Z',
      }),
      action('a2', { questionId: 'employment.pay.policy', priority: 'high' }),
      action('a3', { status: 'done', updatedAt: '2022-01-01T00:00:00.000Z', themeId: 'gov' }),
      action('a4', { themeId: 'ethics', status: 'doing' }),
    ],
    customIndicators: [
      {
        id: 'custom.budget',
        organisationId: 'org',
        label: 'Budget formation',
        themeId: 'employment',
        unit: 'euros',
        createdAt: '2025-01-01T00:00:00.000Z',
      },
    ],
    highlightsPerTheme: 3,
    ...extra,
  }
}

describe('report model', () => {
  it('covers the retained themes in the guide order with scores, coverage and the change since last year', () => {
    const report = buildReport(input())
    expect(report.themes.map((t) => t.id)).toEqual(['gov', 'employment', 'environment'])
    expect(report.approach.notRetained.map((t) => t.number)).toEqual([2, 3, 5, 6, 8])
    expect(report.approach).toMatchObject({
      participants: 'CA, deux salariées, la directrice',
      text: 'Le CA a retenu trois thèmes.',
      previousYear: 2024,
    })
    const gov = report.themes[0]
    expect(gov.title).toBe(realGuide.themeById.get('gov')!.officialTitle)
    expect(gov.score.coverage).toBe(100)
    expect(gov.score.delta).toBe(gov.score.score! - gov.score.previous!)
    // Every level moved up by one except those that wrapped from 4 to 0.
    expect(gov.changes!.better + gov.changes!.worse).toBe(realGuide.questionsOfTheme('gov').length)
    const base = input()
    expect(report.global.score).toBe(Math.round(base.exercise.snapshot.global.score! * 100))
    expect(report.global.previous).toBe(Math.round(base.previous!.snapshot.global.score! * 100))
    expect(report.debate).toEqual({ questionsRaised: 'Écarts de salaires ?', objectivesAdopted: 'Publier l’index.' })
  })

  it('lists strengths (level 3 or more) and axes de progrès per theme, never the same question twice', () => {
    const report = buildReport(input())
    for (const theme of report.themes) {
      expect(theme.strengths.length).toBeLessThanOrEqual(3)
      expect(theme.strengths.every((s) => s.level >= 3)).toBe(true)
      expect(theme.axes.every((s) => s.level < 3)).toBe(true)
      expect(theme.strengths.filter((s) => theme.axes.some((a) => a.questionId === s.questionId))).toEqual([])
    }
  })

  it('judges last year’s 1-year objectives on this exercise and carries this year’s to the next', () => {
    const report = buildReport(input())
    const gov = report.themes.find((t) => t.id === 'gov')!
    const level = report.annex[0].questions.find((q) => q.id === 'gov.rules.explicit')!.level
    expect(gov.review).toEqual([
      expect.objectContaining({ subjectId: 'gov.rules.explicit', unit: 'level', actual: level, met: level === 4 }),
    ])
    const employment = report.themes.find((t) => t.id === 'employment')!
    expect(employment.review).toEqual([
      expect.objectContaining({ subjectId: 'employment.ind.pay-ratio', actual: 2.8, met: true, unit: 'ratio' }),
    ])
    const environment = report.themes.find((t) => t.id === 'environment')!
    expect(environment.objectives).toEqual([
      expect.objectContaining({ subjectId: 'environment.ind.energy', oneYear: 900, threeYear: 700 }),
    ])
  })

  it('shows indicators with a value or a note, custom ones included, with the trend of numbers', () => {
    const employment = buildReport(input()).themes.find((t) => t.id === 'employment')!
    expect(employment.indicators).toEqual([
      expect.objectContaining({
        id: 'employment.ind.pay-ratio',
        value: 2.8,
        previous: 3.2,
        trend: 'down',
        note: 'Hors dirigeants bénévoles',
        custom: false,
      }),
      expect.objectContaining({
        id: 'custom.budget',
        label: 'Budget formation',
        unit: 'euros',
        value: 1234.56,
        previous: null,
        trend: null,
        custom: true,
      }),
    ])
  })

  it('puts each action under its theme (or its question’s theme), open ones first, and leaves out actions closed before the exercise', () => {
    const report = buildReport(input())
    expect(report.themes.find((t) => t.id === 'gov')!.actions.map((a) => a.id)).toEqual(['a1'])
    expect(report.themes.find((t) => t.id === 'employment')!.actions.map((a) => a.id)).toEqual(['a2'])
    expect(report.otherActions.map((a) => a.id)).toEqual(['a4'])
    expect(actionsForYear(input().actions, 2025).map((a) => a.id)).toEqual(['a1', 'a2', 'a4'])
    expect(report.counts.actions).toBe(3)
  })

  it('keeps every answer, note and evidence in the annex, with the state of unanswered and non-applicable questions', () => {
    const base = input()
    const answers = new Map(base.exercise.answers)
    answers.set(
      'gov.rules.explicit',
      answer('gov.rules.explicit', na('Pas de statuts propres'), { assessmentId: 'y2' }),
    )
    answers.delete('gov.rules.respect')
    answers.set(
      'environment.energy.measure',
      answer('environment.energy.measure', { kind: 'unknown' }, { assessmentId: 'y2', note: 'À mesurer' }),
    )
    const report = buildReport({ ...base, exercise: exerciseOf(base.exercise.assessment, answers) })
    const all = report.annex.flatMap((t) => t.questions)
    expect(all).toHaveLength(retained.reduce((n, id) => n + realGuide.questionsOfTheme(id).length, 0))
    expect(all.find((q) => q.id === 'gov.rules.explicit')).toMatchObject({
      state: 'not-applicable',
      reason: 'Pas de statuts propres',
      level: null,
    })
    expect(all.find((q) => q.id === 'gov.rules.respect')).toMatchObject({ state: 'unanswered', note: '' })
    const answered = all.find((q) => q.id === 'gov.participation.turnout')!
    expect(answered).toMatchObject({ state: 'answered', evidence: ['Rapport de gestion 2025'] })
    expect(answered.note).toMatch(/débattu en CA/)
    expect(report.counts.notes).toBe(all.filter((q) => q.note !== '').length)
  })

  it('works the first year (no comparison, no review) and with no AG record yet', () => {
    const base = input()
    const report = buildReport({
      ...base,
      previous: null,
      exercise: { ...base.exercise, assessment: { ...base.exercise.assessment, agRecord: undefined } },
    })
    expect(report.global.previous).toBeNull()
    expect(report.global.delta).toBeNull()
    expect(report.themes.every((t) => t.changes === null && t.review.length === 0)).toBe(true)
    expect(report.debate).toEqual({ questionsRaised: '', objectivesAdopted: '' })
    expect(report.approach.previousYear).toBeNull()
  })

  it('gives employees the main results and the open plan, without notes', () => {
    const summary = employeeReport(buildReport(input()), 5)
    expect(summary.themes.map((t) => t.ref.id)).toEqual(retained)
    expect(summary.strengths.length).toBeLessThanOrEqual(5)
    expect(summary.strengths.map((s) => s.level)).toEqual(
      [...summary.strengths.map((s) => s.level)].sort((a, b) => b - a),
    )
    expect(summary.plan.map((a) => a.id).sort()).toEqual(['a2', 'a4'])
    expect(JSON.stringify(summary)).not.toContain('débattu en CA')
  })

  it('scores a theme from its only answered question, with the coverage that shows how little it rests on', () => {
    const base = input()
    const answers = new Map([['gov.rules.explicit', answer('gov.rules.explicit', level(3), { assessmentId: 'y2' })]])
    const report = buildReport({ ...base, previous: null, exercise: exerciseOf(base.exercise.assessment, answers) })
    const gov = report.themes[0].score
    expect(gov).toMatchObject({ score: 75, answered: 1, coverage: Math.round(100 / gov.applicable) })
    expect(gov.applicable).toBeGreaterThan(1)
    expect(report.themes[1].score.score).toBeNull()
  })

  it('does not compare global scores over different themes, and dates closed actions by their done date', () => {
    const base = input()
    const previous = {
      ...base.previous!,
      assessment: { ...base.previous!.assessment, retainedThemeIds: ['gov', 'ethics'] },
    }
    const report = buildReport({ ...base, previous })
    expect(report.approach.sameThemesAsPrevious).toBe(false)
    expect(report.global.previous).toBeNull()
    expect(report.themes.find((t) => t.id === 'gov')!.score.previous).not.toBeNull()
    expect(buildReport(base).approach.sameThemesAsPrevious).toBe(true)
    const late = action('late', {
      status: 'done',
      doneAt: '2022-05-01T00:00:00.000Z',
      updatedAt: '2025-10-01T00:00:00.000Z',
    })
    expect(actionsForYear([late], 2025)).toEqual([])
  })

  it('marks the employees’ version of a draft', () => {
    const base = input()
    expect(employeeReport(buildReport(base), 5).draft).toBe(true)
    const completed = { ...base.exercise, assessment: { ...base.exercise.assessment, status: 'completed' as const } }
    expect(employeeReport(buildReport({ ...base, exercise: completed }), 5).draft).toBe(false)
  })

  it('reads a completed year with the profile frozen in its snapshot, not the organisation’s current one', () => {
    const base = input()
    // The organisation had volunteers when 2025 was completed; it has none today.
    const answers = new Map(base.exercise.answers)
    answers.set('gov.volunteers.welcome', answer('gov.volunteers.welcome', level(4), { assessmentId: 'y2' }))
    const frozen = exerciseOf(base.exercise.assessment, answers)
    const snapshot = {
      ...frozen.snapshot,
      profile: { legalForm: organisation.legalForm, employees: 14, volunteers: 12, members: 120 },
    }
    const assessment = { ...frozen.assessment, status: 'completed' as const, snapshot }
    const completed = { ...frozen, snapshot, assessment, profile: exerciseProfile(assessment, organisation) }
    const annex = (report: ReturnType<typeof buildReport>) =>
      report.annex.flatMap((t) => t.questions).find((q) => q.id === 'gov.volunteers.welcome')!
    expect(annex(buildReport({ ...base, exercise: completed }))).toMatchObject({ state: 'answered', level: 4 })
    // A draft follows today's profile.
    expect(annex(buildReport({ ...base, exercise: { ...frozen, answers } })).state).toBe('not-applicable-profile')
  })
})

describe('an action made from a question in one click', () => {
  it('has no stored title and is named after its question, in the reader’s language, when shown', () => {
    const report = buildReport(
      input({ actions: [action('a9', { title: '', questionId: 'gov.rules.explicit', themeId: 'gov' })] }),
    )
    const line = report.themes.find((t) => t.id === 'gov')!.actions[0]
    expect(line).toMatchObject({ title: '', question: realGuide.questionById.get('gov.rules.explicit')!.question.text })
    const fr = (key: string, params?: Record<string, string | number>) =>
      key === 'pdf.actionFromQuestion' ? `Progresser : ${params?.question}` : key
    const en = (key: string, params?: Record<string, string | number>) =>
      key === 'pdf.actionFromQuestion' ? `Improve: ${params?.question}` : key
    expect(actionTitleText(line, fr)).toMatch(/^Progresser : Notre fonctionnement/)
    expect(actionTitleText(line, en)).toMatch(/^Improve: Notre fonctionnement/)
    // A title of its own wins.
    expect(actionTitleText({ ...line, title: 'Réécrire le règlement intérieur' }, en)).toBe(
      'Réécrire le règlement intérieur',
    )
  })

  it('needs a title of its own once it has no question', () => {
    expect(ActionSchema.safeParse(action('a10', { title: '', questionId: 'gov.rules.explicit' })).success).toBe(true)
    const untitled = ActionSchema.safeParse(action('a11', { title: '   ', questionId: null }))
    expect(untitled.success).toBe(false)
    expect(untitled.error?.issues[0]).toMatchObject({ path: ['title'], message: 'validation.required' })
  })
})
