import { CUSTOM_INDICATOR_PREFIX } from '../indicators.ts'
import { ORGANISATION_LIMITS } from '../organisation.ts'
import type { BackupFile, BackupOrganisation } from './format.ts'

/** What to do with an organisation of the file that already exists on this device. */
export type ImportChoice = 'keep-mine' | 'take-file' | 'copy'

export interface ImportPreviewItem {
  organisationId: string
  name: string
  assessments: number
  fileModified: string
  /** The organisation as it is on this device, when it exists. */
  existing: { name: string; modified: string } | null
  /** « The newer `updatedAt` wins » unless the user chooses otherwise. */
  suggested: ImportChoice | 'new'
}

/** The latest change anywhere in an organisation's data. */
export function lastModified(org: BackupOrganisation): string {
  let latest = org.updatedAt
  const see = (date: string) => {
    if (date > latest) latest = date
  }
  for (const a of org.assessments) {
    see(a.updatedAt)
    a.answers.forEach((x) => see(x.updatedAt))
    a.indicatorValues.forEach((x) => see(x.updatedAt))
    a.objectives.forEach((x) => see(x.updatedAt))
    a.workshop?.participants.forEach((x) => see(x.updatedAt))
    a.workshop?.ratings.forEach((x) => see(x.updatedAt))
    a.workshop?.discussions.forEach((x) => see(x.updatedAt))
  }
  org.actions.forEach((x) => see(x.updatedAt))
  org.customIndicators.forEach((x) => see(x.createdAt))
  org.practiceSheets?.forEach((x) => see(x.updatedAt))
  return latest
}

export function previewImport(
  file: BackupFile,
  existing: ReadonlyMap<string, { name: string; modified: string }>,
): ImportPreviewItem[] {
  return file.organisations.map((org) => {
    const mine = existing.get(org.id) ?? null
    const fileModified = lastModified(org)
    return {
      organisationId: org.id,
      name: org.name,
      assessments: org.assessments.length,
      fileModified,
      existing: mine,
      suggested: !mine ? 'new' : fileModified > mine.modified ? 'take-file' : 'keep-mine',
    }
  })
}

/**
 * « Keep both »: the file's organisation under new ids everywhere (organisation, assessments, actions, custom
 * indicators, practice sheets, and every reference between them), its name marked as a copy.
 */
export function copyOrganisation(org: BackupOrganisation, newId: () => string, suffix: string): BackupOrganisation {
  const assessmentIds = new Map(org.assessments.map((a) => [a.id, newId()]))
  const customIds = new Map(org.customIndicators.map((c) => [c.id, `${CUSTOM_INDICATOR_PREFIX}${newId()}`]))
  const remapIndicator = (id: string) => customIds.get(id) ?? id
  const name = `${org.name} ${suffix}`.slice(0, ORGANISATION_LIMITS.nameMax)
  return {
    ...org,
    id: newId(),
    name,
    customIndicators: org.customIndicators.map((c) => ({ ...c, id: customIds.get(c.id)! })),
    ...(org.practiceSheets ? { practiceSheets: org.practiceSheets.map((s) => ({ ...s, id: newId() })) } : {}),
    actions: org.actions.map((a) => ({
      ...a,
      id: newId(),
      originAssessmentId: a.originAssessmentId ? (assessmentIds.get(a.originAssessmentId) ?? null) : null,
      indicatorId: a.indicatorId ? remapIndicator(a.indicatorId) : null,
    })),
    assessments: org.assessments.map((a) => ({
      ...a,
      id: assessmentIds.get(a.id)!,
      previousAssessmentId: a.previousAssessmentId ? (assessmentIds.get(a.previousAssessmentId) ?? null) : null,
      indicatorValues: a.indicatorValues.map((v) => ({ ...v, indicatorId: remapIndicator(v.indicatorId) })),
      objectives: a.objectives.map((o) => ({
        ...o,
        subjectId: o.subjectKind === 'indicator' ? remapIndicator(o.subjectId) : o.subjectId,
      })),
    })),
  }
}
