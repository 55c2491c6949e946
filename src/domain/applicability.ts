import type { Applicability } from './guide/schema.ts'
import type { OrganisationProfile } from './organisation.ts'

/** Why an item does not apply, in a form the UI can translate. */
export type NotApplicableReason =
  { kind: 'legal-form' } | { kind: 'min-employees'; min: number } | { kind: 'volunteers' }

export function unmetConditions(rule: Applicability | undefined, profile: OrganisationProfile): NotApplicableReason[] {
  if (!rule) return []
  const reasons: NotApplicableReason[] = []
  if (rule.legalForms && !rule.legalForms.includes(profile.legalForm)) reasons.push({ kind: 'legal-form' })
  if (rule.excludedLegalForms?.includes(profile.legalForm)) reasons.push({ kind: 'legal-form' })
  if (rule.minEmployees !== undefined && profile.employees < rule.minEmployees) {
    reasons.push({ kind: 'min-employees', min: rule.minEmployees })
  }
  if (rule.requiresVolunteers && profile.volunteers < 1) reasons.push({ kind: 'volunteers' })
  return reasons
}

/** An item applies when every rule on its path (theme, domaine, item) holds. */
export function unmetConditionsAlong(
  rules: ReadonlyArray<Applicability | undefined>,
  profile: OrganisationProfile,
): NotApplicableReason[] {
  return rules.flatMap((rule) => unmetConditions(rule, profile))
}
