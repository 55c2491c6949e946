import { database } from './database'

const LAST_BACKUP = 'lastBackupAt'

export async function lastBackupAt(db = database()): Promise<string | null> {
  return (await db.settings.get(LAST_BACKUP))?.value ?? null
}

export async function recordBackup(at: string, db = database()): Promise<void> {
  await db.settings.put({ key: LAST_BACKUP, value: at })
}

/** Whether the device holds anything worth backing up. */
export async function hasData(db = database()): Promise<boolean> {
  return (await db.organisations.count()) > 0
}
