import { describe, expect, it } from 'vitest'
import { BACKUP_JSON_END, backupJsonHead, organisationJson } from '@/domain/backup/serialise'
import type { BackupFile } from '@/domain/backup/format'

/** The parts in the order the export writes them: the head, one per organisation, the end. */
function backupJsonParts(file: BackupFile): string[] {
  const { organisations, ...head } = file
  return [backupJsonHead(head), ...organisations.map(organisationJson), BACKUP_JSON_END]
}

describe('the backup written in parts', () => {
  const head = {
    format: 'cap-ess',
    formatVersion: 2,
    exportedAt: '2026-01-01T00:00:00.000Z',
    appVersion: '1.0.0',
    scope: 'all',
  } as const
  it('reads back as the file it was made from, one part per organisation', () => {
    const organisations = [
      { id: 'o1', name: 'Une « asso »' },
      { id: 'o2', name: 'Deux\nlignes' },
    ] as unknown as BackupFile['organisations']
    const file = { ...head, organisations, guides: [] } as unknown as BackupFile
    const parts = backupJsonParts(file)
    expect(parts).toHaveLength(4)
    expect(JSON.parse(parts.join(''))).toEqual(file)
  })
  it('holds a file without organisations', () => {
    const file = { ...head, organisations: [] } as unknown as BackupFile
    expect(JSON.parse(backupJsonParts(file).join(''))).toEqual(file)
  })
})
