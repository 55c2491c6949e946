import { ActionSchema } from '@/domain/actions'
import { AnswerSchema } from '@/domain/answer'
import { AssessmentSchema } from '@/domain/assessment'
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, BackupFileSchema, type BackupFile, type BackupOrganisation } from '@/domain/backup/format'
import { copyOrganisation, lastModified, type ImportChoice } from '@/domain/backup/plan'
import { CustomIndicatorSchema, IndicatorRecordSchema } from '@/domain/indicators'
import { ObjectiveSchema } from '@/domain/objectives'
import { OrganisationSchema } from '@/domain/organisation'
import { database, newId, nowIso, type CapEssDatabase } from './database'

async function readOrganisation(db: CapEssDatabase, id: string): Promise<BackupOrganisation | null> {
  const org = await db.organisations.get(id)
  if (!org) return null
  const assessments = await db.assessments.where('organisationId').equals(id).sortBy('year')
  const ids = assessments.map((a) => a.id)
  const [answers, values, objectives, actions, customIndicators] = await Promise.all([
    db.answers.where('assessmentId').anyOf(ids).toArray(),
    db.indicatorValues.where('assessmentId').anyOf(ids).toArray(),
    db.objectives.where('assessmentId').anyOf(ids).toArray(),
    db.actions.where('organisationId').equals(id).toArray(),
    db.customIndicators.where('organisationId').equals(id).toArray(),
  ])
  const without = <T extends object, K extends keyof T>(record: T, key: K): Omit<T, K> => {
    const { [key]: _drop, ...rest } = record
    void _drop
    return rest
  }
  return {
    ...org,
    assessments: assessments.map((a) => ({
      ...without(a, 'organisationId'),
      answers: answers.filter((x) => x.assessmentId === a.id).map((x) => without(x, 'assessmentId')),
      indicatorValues: values.filter((x) => x.assessmentId === a.id).map((x) => without(x, 'assessmentId')),
      objectives: objectives.filter((x) => x.assessmentId === a.id).map((x) => without(x, 'assessmentId')),
    })),
    actions: actions.map((x) => without(x, 'organisationId')),
    customIndicators: customIndicators.map((x) => without(x, 'organisationId')),
  }
}

/** Everything, or one organisation, as a backup file (validated, so what is exported can be imported). */
export async function exportBackup(appVersion: string, organisationId: string | null = null, db = database()): Promise<BackupFile> {
  return db.transaction('r', [db.organisations, db.assessments, db.answers, db.indicatorValues, db.objectives, db.actions, db.customIndicators], async () => {
    const ids = organisationId ? [organisationId] : (await db.organisations.toCollection().primaryKeys()).map(String)
    const organisations: BackupOrganisation[] = []
    for (const id of ids) {
      const org = await readOrganisation(db, id)
      if (org) organisations.push(org)
    }
    return BackupFileSchema.parse({
      format: BACKUP_FORMAT,
      formatVersion: BACKUP_FORMAT_VERSION,
      exportedAt: nowIso(),
      appVersion,
      scope: organisationId ? 'organisation' : 'all',
      organisations,
    })
  })
}

/** Name and latest change of each organisation on this device, for the import preview. */
export async function organisationSummaries(db = database()): Promise<Map<string, { name: string; modified: string }>> {
  const result = new Map<string, { name: string; modified: string }>()
  for (const org of await db.organisations.toArray()) {
    const full = await readOrganisation(db, org.id)
    if (full) result.set(org.id, { name: org.name, modified: lastModified(full) })
  }
  return result
}

const ALL_TABLES = (db: CapEssDatabase) => [db.organisations, db.assessments, db.answers, db.indicatorValues, db.objectives, db.actions, db.customIndicators]

async function deleteOrganisation(db: CapEssDatabase, id: string) {
  const ids = (await db.assessments.where('organisationId').equals(id).primaryKeys()).map(String)
  await db.answers.where('assessmentId').anyOf(ids).delete()
  await db.indicatorValues.where('assessmentId').anyOf(ids).delete()
  await db.objectives.where('assessmentId').anyOf(ids).delete()
  await db.assessments.where('organisationId').equals(id).delete()
  await db.actions.where('organisationId').equals(id).delete()
  await db.customIndicators.where('organisationId').equals(id).delete()
  await db.organisations.delete(id)
}

async function writeOrganisation(db: CapEssDatabase, org: BackupOrganisation) {
  const { assessments, actions, customIndicators, ...fields } = org
  await db.organisations.add(OrganisationSchema.parse(fields))
  for (const { answers, indicatorValues, objectives, ...assessment } of assessments) {
    await db.assessments.add(AssessmentSchema.parse({ ...assessment, organisationId: org.id }))
    await db.answers.bulkAdd(answers.map((x) => AnswerSchema.parse({ ...x, assessmentId: assessment.id })))
    await db.indicatorValues.bulkAdd(indicatorValues.map((x) => IndicatorRecordSchema.parse({ ...x, assessmentId: assessment.id })))
    await db.objectives.bulkAdd(objectives.map((x) => ObjectiveSchema.parse({ ...x, assessmentId: assessment.id })))
  }
  await db.actions.bulkAdd(actions.map((x) => ActionSchema.parse({ ...x, organisationId: org.id })))
  await db.customIndicators.bulkAdd(customIndicators.map((x) => CustomIndicatorSchema.parse({ ...x, organisationId: org.id })))
}

export interface ImportSummary {
  added: number
  replaced: number
  copied: number
  kept: number
}

/**
 * Writes a validated file in one transaction: all of it or, if anything fails (an id already used elsewhere,
 * storage full), nothing. `choices` says what to do with organisations that already exist here.
 */
export async function importBackup(
  file: BackupFile,
  choices: ReadonlyMap<string, ImportChoice>,
  copySuffix: string,
  db = database(),
): Promise<ImportSummary> {
  const summary: ImportSummary = { added: 0, replaced: 0, copied: 0, kept: 0 }
  await db.transaction('rw', ALL_TABLES(db), async () => {
    for (const org of file.organisations) {
      const exists = (await db.organisations.get(org.id)) !== undefined
      const choice = exists ? (choices.get(org.id) ?? 'keep-mine') : null
      if (choice === 'keep-mine') summary.kept++
      else if (choice === 'take-file') {
        await deleteOrganisation(db, org.id)
        await writeOrganisation(db, org)
        summary.replaced++
      } else if (choice === 'copy') {
        await writeOrganisation(db, copyOrganisation(org, newId, copySuffix))
        summary.copied++
      } else {
        await writeOrganisation(db, org)
        summary.added++
      }
    }
  })
  return summary
}
