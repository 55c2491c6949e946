import 'fake-indexeddb/auto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { listActions, newActionId, saveActionPatch } from '@/db/actionRepository'
import { saveAnswerPatch, AssessmentLockedError } from '@/db/answerRepository'
import {
  completeAssessment,
  createAssessment,
  reopenAssessment,
  saveAgPatch,
  setRetainedThemes,
  upgradeDraftGuide,
} from '@/db/assessmentWrites'
import { CapEssDatabase } from '@/db/database'
import { newCustomIndicatorId, saveCustomIndicator, saveIndicatorValue } from '@/db/indicatorRepository'
import { saveObjective } from '@/db/objectiveRepository'
import { createOrganisation } from '@/db/organisationWrites'
import { migrationSteps } from '@/domain/guide/migration'
import { takeSnapshot } from '@/domain/snapshot'
import { scoreAssessment } from '@/domain/scoring'
import { indexGuide } from '@/domain/guide/guideIndex'
import { ValidationError } from '@/domain/validation'
import { guideV1, guideV2 } from '../fixtures/guideVersions'
import { profile } from '../fixtures/factories'
import { answerCount, storedExercise } from '../fixtures/storedRows'

let db: CapEssDatabase
let orgId: string
beforeEach(async () => {
  db = new CapEssDatabase(`test-${crypto.randomUUID()}`)
  await db.open()
  orgId = (
    await createOrganisation(
      { name: 'Coop', legalForm: 'scic', employees: 8, volunteers: 0, members: 90, region: '76', siren: '' },
      db,
    )
  ).id
})
afterEach(() => db.delete())

const themes = { retainedThemeIds: ['t'], participants: '' }

describe('yearly cycle in the database', () => {
  it('starts year 2 from year 1 through the guide migration map, in one transaction', async () => {
    const { assessment: y1 } = await createAssessment(
      orgId,
      { year: 2025, ...themes },
      { guideId: 'mini', guideVersion: 1 },
      null,
      db,
    )
    await saveAnswerPatch(y1.id, 't.d.kept', { response: { kind: 'level', level: 2 }, note: 'à suivre' }, db)
    await saveAnswerPatch(y1.id, 't.d.old-name', { response: { kind: 'level', level: 3 } }, db)
    await saveAnswerPatch(y1.id, 't.d.gone', { response: { kind: 'level', level: 1 } }, db)

    const steps = migrationSteps([guideV1, guideV2], 1, 2)
    const created = await createAssessment(
      orgId,
      { year: 2026, ...themes },
      { guideId: 'mini', guideVersion: 2 },
      { fromAssessmentId: y1.id, steps, questionIds: new Set(['t.d.kept', 't.d.new-name', 't.d.added']) },
      db,
    )
    expect(created.dropped).toEqual(['t.d.gone'])
    expect(created.assessment).toMatchObject({ previousAssessmentId: y1.id, guideVersion: 2, status: 'draft' })
    const carried = (await storedExercise(db, created.assessment.id)).answers
    expect(carried.map((a) => [a.questionId, a.carriedOver]).sort()).toEqual([
      ['t.d.kept', true],
      ['t.d.new-name', true],
    ])
    // Year 1 is untouched.
    expect((await storedExercise(db, y1.id)).answers.map((a) => a.questionId).sort()).toEqual([
      't.d.gone',
      't.d.kept',
      't.d.old-name',
    ])

    // « Inchangé »: confirming keeps the answer and clears the mark; a new level also confirms.
    await saveAnswerPatch(created.assessment.id, 't.d.kept', { carriedOver: false }, db)
    await saveAnswerPatch(created.assessment.id, 't.d.new-name', { response: { kind: 'level', level: 4 } }, db)
    expect((await storedExercise(db, created.assessment.id)).answers.every((a) => !a.carriedOver)).toBe(true)
  })

  it('writes nothing when the new year is taken, even with a prefill', async () => {
    const { assessment: y1 } = await createAssessment(
      orgId,
      { year: 2025, ...themes },
      { guideId: 'mini', guideVersion: 1 },
      null,
      db,
    )
    await saveAnswerPatch(y1.id, 't.d.kept', { response: { kind: 'level', level: 2 } }, db)
    await expect(
      createAssessment(
        orgId,
        { year: 2025, ...themes },
        { guideId: 'mini', guideVersion: 1 },
        { fromAssessmentId: y1.id, steps: [], questionIds: new Set(['t.d.kept']) },
        db,
      ),
    ).rejects.toBeInstanceOf(ValidationError)
    expect(await db.assessments.count()).toBe(1)
    expect(await answerCount(db)).toBe(1)
  })

  it('completes with a snapshot, locks the answers, reopens, and records the AG date', async () => {
    const { assessment } = await createAssessment(
      orgId,
      { year: 2026, ...themes },
      { guideId: 'mini', guideVersion: 1 },
      null,
      db,
    )
    const scores = scoreAssessment(indexGuide(guideV1), ['t'], profile(), new Map())
    await completeAssessment(assessment.id, () => takeSnapshot(scores, assessment, '2027-01-10T00:00:00.000Z'), db)
    // Everything of a completed assessment is frozen, whichever tab tries to write.
    await expect(saveAnswerPatch(assessment.id, 't.d.kept', { note: 'x' }, db)).rejects.toBeInstanceOf(
      AssessmentLockedError,
    )
    await expect(saveIndicatorValue(assessment.id, 'gov.ind.vote-turnout', { value: 3 }, db)).rejects.toBeInstanceOf(
      AssessmentLockedError,
    )
    await expect(
      saveObjective(
        { assessmentId: assessment.id, subjectKind: 'question', subjectId: 't.d.kept' },
        { oneYear: 2 },
        db,
      ),
    ).rejects.toBeInstanceOf(AssessmentLockedError)
    await expect(setRetainedThemes(assessment.id, ['t'], db)).rejects.toBeInstanceOf(AssessmentLockedError)
    await expect(
      completeAssessment(assessment.id, () => takeSnapshot(scores, assessment, '2027-01-10T00:00:00.000Z'), db),
    ).rejects.toBeInstanceOf(AssessmentLockedError)

    await expect(saveAgPatch(assessment.id, { presentedAt: '2025-06-01' }, db)).rejects.toBeInstanceOf(ValidationError)
    expect((await saveAgPatch(assessment.id, { presentedAt: '2027-06-12' }, db))?.presentedAt).toBe('2027-06-12')

    const reopened = await reopenAssessment(assessment.id, db)
    expect(reopened).toMatchObject({ status: 'draft', snapshot: null, completedAt: null, presentedAt: '2027-06-12' })
    await saveAnswerPatch(assessment.id, 't.d.kept', { note: 'x' }, db)
  })

  it('stores indicator values, custom indicators and objectives per exercise', async () => {
    const { assessment } = await createAssessment(
      orgId,
      { year: 2026, ...themes },
      { guideId: 'mini', guideVersion: 1 },
      null,
      db,
    )
    await saveIndicatorValue(assessment.id, 'gov.ind.vote-turnout', { value: 42.5 }, db)
    await saveIndicatorValue(assessment.id, 'gov.ind.vote-turnout', { note: 'AG de juin' }, db)
    expect((await storedExercise(db, assessment.id)).indicatorValues).toEqual([
      expect.objectContaining({ indicatorId: 'gov.ind.vote-turnout', value: 42.5, note: 'AG de juin' }),
    ])
    const custom = (await saveCustomIndicator(
      orgId,
      newCustomIndicatorId(),
      { label: 'Heures de bénévolat', themeId: 'gov', unit: 'hours' },
      db,
    ))!
    expect(custom.id).toMatch(/^custom\./)
    // Written again with the same id (a replayed creation), it stays one indicator.
    await saveCustomIndicator(orgId, custom.id, { label: 'Heures de bénévolat', themeId: 'gov', unit: 'hours' }, db)
    expect(await db.customIndicators.count()).toBe(1)
    await expect(
      saveCustomIndicator(orgId, newCustomIndicatorId(), { label: ' ', themeId: 'gov', unit: 'hours' }, db),
    ).rejects.toBeInstanceOf(ValidationError)
    await expect(
      saveCustomIndicator(orgId, newCustomIndicatorId(), { label: '\u200b\u200b', themeId: 'gov', unit: 'hours' }, db),
    ).rejects.toBeInstanceOf(ValidationError)

    await saveObjective(
      { assessmentId: assessment.id, subjectKind: 'question', subjectId: 't.d.kept' },
      { oneYear: 3, threeYear: 4 },
      db,
    )
    await expect(
      saveObjective(
        { assessmentId: assessment.id, subjectKind: 'question', subjectId: 't.d.kept' },
        { oneYear: -1 },
        db,
      ),
    ).rejects.toMatchObject({ issues: expect.arrayContaining([expect.objectContaining({ path: ['oneYear'] })]) })
    expect((await storedExercise(db, assessment.id)).objectives).toEqual([
      expect.objectContaining({ oneYear: 3, threeYear: 4, comparator: 'at-least' }),
    ])
  })

  it('keeps actions across years with their done date, and refuses a due date before creation', async () => {
    const input = {
      title: 'Former les élu·es',
      description: '',
      themeId: 'gov',
      questionId: '',
      indicatorId: '',
      owner: 'Claire',
      dueDate: '',
      priority: 'high',
      status: 'todo',
    }
    const action = (await saveActionPatch(orgId, newActionId(), input, db))!
    expect(action).toMatchObject({ title: 'Former les élu·es', originAssessmentId: null, status: 'todo', doneAt: null })
    const past = await saveActionPatch(orgId, newActionId(), { ...input, dueDate: '2001-01-01' }, db).catch(
      (e: unknown) => e,
    )
    expect(past).toBeInstanceOf(ValidationError)
    expect((past as ValidationError).fieldErrors.dueDate.key).toBe('validation.dueBeforeCreation')
    // A new action without a title is not created: the form waits for one.
    const untitled = await saveActionPatch(orgId, newActionId(), { owner: 'Paul' }, db).catch((e: unknown) => e)
    expect((untitled as ValidationError).fieldErrors.title.key).toBe('validation.required')

    const done = (await saveActionPatch(orgId, action.id, { status: 'done' }, db))!
    expect(done.doneAt).not.toBeNull()
    const edited = (await saveActionPatch(orgId, action.id, { owner: 'Paul' }, db))!
    expect(edited.doneAt).toBe(done.doneAt)
    // A quick status change touches only the status (another tab's title edit survives).
    await db.actions.update(action.id, { title: 'Titre changé ailleurs' })
    const reopened = await saveActionPatch(orgId, action.id, { status: 'doing' }, db)
    expect(reopened).toMatchObject({ title: 'Titre changé ailleurs', owner: 'Paul', status: 'doing', doneAt: null })
    expect(await listActions(orgId, db)).toHaveLength(1)
  })

  it('moves a draft to the next guide version in one transaction: renamed, removed, and no longer scored (note kept, level and objective dropped)', async () => {
    const { assessment } = await createAssessment(
      orgId,
      { year: 2026, ...themes },
      { guideId: 'mini', guideVersion: 1 },
      null,
      db,
    )
    await saveAnswerPatch(
      assessment.id,
      't.d.kept',
      { response: { kind: 'level', level: 3 }, note: 'vu en CA', evidence: ['PV'] },
      db,
    )
    await saveAnswerPatch(assessment.id, 't.d.old-name', { response: { kind: 'level', level: 2 } }, db)
    await saveAnswerPatch(assessment.id, 't.d.gone', { response: { kind: 'level', level: 1 } }, db)
    await saveObjective(
      { assessmentId: assessment.id, subjectKind: 'question', subjectId: 't.d.kept' },
      { oneYear: 4 },
      db,
    )
    const steps = [{ ...migrationSteps([guideV1, guideV2], 1, 2)[0], notesOnly: ['t.d.kept'] }]
    const result = await upgradeDraftGuide(
      assessment.id,
      { guideId: 'mini', guideVersion: 2 },
      steps,
      new Set(['t.d.kept', 't.d.new-name', 't.d.added']),
      db,
    )
    expect(result).toMatchObject({ dropped: ['t.d.gone'], renamed: [['t.d.old-name', 't.d.new-name']], unscored: 1 })
    expect(result.assessment.guideVersion).toBe(2)
    const stored = new Map((await storedExercise(db, assessment.id)).answers.map((a) => [a.questionId, a]))
    expect([...stored.keys()].sort()).toEqual(['t.d.kept', 't.d.new-name'])
    expect(stored.get('t.d.kept')).toMatchObject({ response: null, note: 'vu en CA', evidence: ['PV'] })
    expect(stored.get('t.d.new-name')?.response).toEqual({ kind: 'level', level: 2 })
    expect((await storedExercise(db, assessment.id)).objectives).toEqual([])

    // A migration that moves a question onto one still answered keeps one answer and one objective per question
    // (the one already there): two would make the assessment's backup refused as holding a duplicate.
    const { assessment: merged } = await createAssessment(
      orgId,
      { year: 2027, ...themes },
      { guideId: 'mini', guideVersion: 1 },
      null,
      db,
    )
    await saveAnswerPatch(merged.id, 't.d.old-name', { response: { kind: 'level', level: 1 }, note: 'déplacée' }, db)
    await saveAnswerPatch(merged.id, 't.d.kept', { response: { kind: 'level', level: 4 }, note: 'en place' }, db)
    await saveObjective(
      { assessmentId: merged.id, subjectKind: 'question', subjectId: 't.d.old-name' },
      { oneYear: 2 },
      db,
    )
    await saveObjective({ assessmentId: merged.id, subjectKind: 'question', subjectId: 't.d.kept' }, { oneYear: 4 }, db)
    const onto = [{ ...migrationSteps([guideV1, guideV2], 1, 2)[0], renamed: { 't.d.old-name': 't.d.kept' } }]
    await upgradeDraftGuide(
      merged.id,
      { guideId: 'mini', guideVersion: 2 },
      onto,
      new Set(['t.d.kept', 't.d.new-name', 't.d.added']),
      db,
    )
    expect((await storedExercise(db, merged.id)).answers.map((a) => [a.questionId, a.note])).toEqual([
      ['t.d.kept', 'en place'],
    ])
    expect((await storedExercise(db, merged.id)).objectives.map((o) => [o.subjectId, o.oneYear])).toEqual([
      ['t.d.kept', 4],
    ])
    // A later save changes that one answer, and the record still holds it once.
    await saveAnswerPatch(merged.id, 't.d.kept', { note: 'revue' }, db)
    expect((await storedExercise(db, merged.id)).answers.map((a) => [a.questionId, a.note])).toEqual([
      ['t.d.kept', 'revue'],
    ])

    // A completed assessment keeps the version it was made with.
    const { assessment: done } = await createAssessment(
      orgId,
      { year: 2025, ...themes },
      { guideId: 'mini', guideVersion: 1 },
      null,
      db,
    )
    await completeAssessment(
      done.id,
      () =>
        takeSnapshot(
          scoreAssessment(indexGuide(guideV1), ['t'], profile(), new Map()),
          done,
          '2026-01-10T00:00:00.000Z',
        ),
      db,
    )
    await expect(
      upgradeDraftGuide(done.id, { guideId: 'mini', guideVersion: 2 }, steps, new Set(), db),
    ).rejects.toBeInstanceOf(AssessmentLockedError)
  })
})
