import type { BackupFile, BackupOrganisation } from './format.ts'

/**
 * The backup file as JSON text in parts: its head, then one part per organisation, then the end. A 70 MB portfolio
 * is never one string in memory (the browser joins the parts into the downloaded file). Compact: nobody reads a
 * backup by eye, and indentation made it a third larger and slower to write.
 */

/** Everything before the first organisation: the head's fields, then the opening of `organisations`. */
export function backupJsonHead(head: Omit<BackupFile, 'organisations'>): string {
  const opening = JSON.stringify(head)
  return `${opening.slice(0, -1)}${opening.length > 2 ? ',' : ''}"organisations":[`
}

/** The organisation at `index` in the list, with the comma that separates it from the one before. */
export function organisationJson(organisation: BackupOrganisation, index: number): string {
  return `${index > 0 ? ',' : ''}${JSON.stringify(organisation)}`
}

export const BACKUP_JSON_END = ']}'
