import 'fake-indexeddb/auto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { saveAnswerPatch } from '@/db/answerRepository'
import { createAssessment } from '@/db/assessmentWrites'
import { exportBackup } from '@/db/backupRepository'
import type { CapEssDatabase } from '@/db/database'
import { createOrganisation } from '@/db/organisationWrites'
import { CURRENT_GUIDE } from '@/domain/guide/current'
import { useBackupStore } from '@/stores/backup'
import { freshStores } from '../fixtures/storeSetup'

let db: CapEssDatabase

beforeEach(async () => {
  db = await freshStores()
})

afterEach(() => db.delete())

describe('backup store: export', () => {
  it('writes the file as UTF-8 bytes that read back as the backup, whatever the characters and however many organisations', async () => {
    // Accents, typographic marks, a non-breaking space, an emoji (two UTF-16 units, four bytes): the buffer sizing
    // must hold them all.
    const note = 'Égalité « réelle »\u00a0: l’AG l’a votée 🎉 — œuvre, ½, 中文'
    for (let i = 0; i < 3; i++) {
      const org = await createOrganisation({
        name: `Épicerie solidaire ${i}`,
        legalForm: 'association',
        employees: 3,
        volunteers: 5,
        members: 20,
        region: '11',
        siren: '',
      })
      const { assessment } = await createAssessment(
        org.id,
        { year: 2026, retainedThemeIds: ['gov'], participants: '' },
        CURRENT_GUIDE,
      )
      await saveAnswerPatch(assessment.id, 'gov.rules.explicit', {
        response: { kind: 'level', level: 2 },
        note: note.repeat(40 * (i + 1)),
      })
    }
    let parts: BlobPart[] = []
    const { fileName } = await useBackupStore().exportJson(null, 'Tout', (_name, made) => (parts = made))
    expect(fileName).toMatch(/^cap-ess-sauvegarde-tout-\d{4}-\d{2}-\d{2}\.json$/)
    const file = JSON.parse(await new Blob(parts).text())
    const expected = await exportBackup('x', null, db)
    expect(file.organisations).toEqual(expected.organisations)
    expect(
      file.organisations
        .map((o: { assessments: { answers: { note: string }[] }[] }) => o.assessments[0].answers[0].note.length)
        .sort((a: number, b: number) => a - b),
    ).toEqual([1, 2, 3].map((n) => note.length * 40 * n))
  })
})
