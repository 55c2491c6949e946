import { AssessmentSchema, type Assessment } from '@/domain/assessment'
import type { GuideRef } from '@/domain/guide/current'
import { CUSTOM_INDICATOR_PREFIX, CustomIndicatorSchema } from '@/domain/indicators'
import {
  OrganisationInputSchema,
  OrganisationMetaPatchSchema,
  OrganisationSchema,
  type Organisation,
  type OrganisationMetaPatch,
} from '@/domain/organisation'
import { parseInput } from '@/domain/validation'
import { database, newId, nowIso } from './database'
import { RecordGoneError, stillToWrite, type WriteOptions } from './locks'

/** Takes raw form entries (unknown): validates everything before the one write: invalid input throws a ValidationError and writes nothing. */
export async function createOrganisation(input: unknown, db = database()): Promise<Organisation> {
  const fields = parseInput(OrganisationInputSchema, input)
  const now = nowIso()
  const organisation = OrganisationSchema.parse({ id: newId(), ...fields, createdAt: now, updatedAt: now })
  await db.organisations.add(organisation)
  return organisation
}

export async function updateOrganisation(id: string, input: unknown, db = database()): Promise<Organisation> {
  const fields = parseInput(OrganisationInputSchema, input)
  return db.transaction('rw', db.organisations, async () => {
    const existing = await db.organisations.get(id)
    if (!existing) throw new Error(`Organisation ${id} not found`)
    const organisation = OrganisationSchema.parse({ ...existing, ...fields, updatedAt: nowIso() })
    await db.organisations.put(organisation)
    return organisation
  })
}

/** Tags or the archive mark, set from the portfolio; the organisation's own fields are left as they are. */
export async function saveOrganisationMeta(
  id: string,
  patch: OrganisationMetaPatch,
  db = database(),
  options: WriteOptions = {},
): Promise<Organisation | undefined> {
  const parsed = OrganisationMetaPatchSchema.parse(patch)
  return db.transaction('rw', db.organisations, async () => {
    const existing = await db.organisations.get(id)
    if (!existing) throw new RecordGoneError('Organisation', id)
    const toWrite = stillToWrite(
      parsed,
      { tags: existing.tags ?? [], archivedAt: existing.archivedAt ?? null },
      options,
    )
    if (!toWrite) return undefined
    const organisation = OrganisationSchema.parse({ ...existing, ...toWrite, updatedAt: nowIso() })
    await db.organisations.put(organisation)
    return organisation
  })
}

/**
 * A new client set up from another's choices: the organisation (from the form), the model's own indicators (new
 * ids) and a first assessment for `year` with the model's retained themes, blank. No answer is copied. All or nothing.
 */
export async function createFromModel(
  input: unknown,
  modelId: string,
  year: number,
  guide: GuideRef & { themeIds: ReadonlyArray<string> },
  db = database(),
): Promise<{ organisation: Organisation; assessment: Assessment }> {
  const fields = parseInput(OrganisationInputSchema, input)
  return db.transaction('rw', [db.organisations, db.assessments, db.customIndicators], async () => {
    const model = await db.organisations.get(modelId)
    if (!model) throw new RecordGoneError('Organisation', modelId)
    const now = nowIso()
    const organisation = OrganisationSchema.parse({
      id: newId(),
      ...fields,
      tags: model.tags ?? [],
      createdAt: now,
      updatedAt: now,
    })
    await db.organisations.add(organisation)
    const custom = await db.customIndicators.where('organisationId').equals(modelId).toArray()
    await db.customIndicators.bulkAdd(
      custom.map((c) =>
        CustomIndicatorSchema.parse({
          ...c,
          id: `${CUSTOM_INDICATOR_PREFIX}${newId()}`,
          organisationId: organisation.id,
          createdAt: now,
        }),
      ),
    )
    const latest = (await db.assessments.where('organisationId').equals(modelId).toArray()).sort(
      (a, b) => b.year - a.year,
    )[0]
    const chosen = (latest?.retainedThemeIds ?? []).filter((id) => guide.themeIds.includes(id))
    const assessment = AssessmentSchema.parse({
      id: newId(),
      organisationId: organisation.id,
      year,
      guideId: guide.guideId,
      guideVersion: guide.guideVersion,
      status: 'draft',
      // The model's latest choice, within the themes this guide version knows; all of them if it has none.
      retainedThemeIds: chosen.length ? chosen : [...guide.themeIds],
      participants: '',
      previousAssessmentId: null,
      completedAt: null,
      snapshot: null,
      presentedAt: null,
      createdAt: now,
      updatedAt: now,
    })
    await db.assessments.add(assessment)
    return { organisation, assessment }
  })
}
