import { describe, expect, it } from 'vitest'
import { checkBackupText } from '@/domain/backup/check'
import { parseSheetsFile } from '@/domain/files/practiceSheets'
import { parseSummaryFile } from '@/domain/files/summary'
import { checkNetworkGuide } from '@/domain/guide/networkGuide'
import { indexGuide } from '@/domain/guide/guideIndex'
import { parseSheet, type Session } from '@/domain/participantSheet'
import { guideV1 } from '../fixtures/guideVersions'

/** Every kind of file the app reads, by the function that reads it, from the text it was given. */
const session: Session = { v: 1, a: 'a1', g: guideV1.id, gv: guideV1.version, y: 2025, t: ['t'], o: 'Asso' }
const readers: Record<string, (text: string) => Promise<unknown> | unknown> = {
  backup: (text) => checkBackupText(text),
  participant: (text) => parseSheet(text, { session, guide: indexGuide(guideV1) }),
  sheets: (text) => parseSheetsFile(text),
  summary: (text) => parseSummaryFile(text),
  guide: (text) => checkNetworkGuide('g.json', text),
}
const formats: Record<string, string> = {
  backup: 'cap-ess',
  participant: 'cap-ess-participant',
  sheets: 'cap-ess-practice-sheets',
  summary: 'cap-ess-summary',
  guide: 'cap-ess-guide',
}

describe('one envelope for every file the app reads', () => {
  it.each(Object.keys(readers))(
    '%s: a file from a newer Cap ESS says to update the app, in the same words',
    async (kind) => {
      const result = await readers[kind](JSON.stringify({ format: formats[kind], formatVersion: 7 }))
      expect(result).toMatchObject({
        ok: false,
        problems: [{ path: '', key: 'import.problem.newerVersion', params: { version: 7 } }],
      })
    },
  )

  it.each(Object.keys(readers))('%s: not JSON, or another kind of Cap ESS file, is said in words', async (kind) => {
    expect(await readers[kind]('{ pas du JSON')).toMatchObject({
      ok: false,
      problems: [{ key: 'import.problem.notJson' }],
    })
    const other = kind === 'summary' ? 'guide' : 'summary'
    expect(await readers[kind](JSON.stringify({ format: formats[other], formatVersion: 1 }))).toMatchObject({
      ok: false,
      problems: [{ key: 'files.problem.otherKind', params: { found: other, expected: kind } }],
    })
    expect(await readers[kind](JSON.stringify({ format: 'autre-logiciel' }))).toMatchObject({
      ok: false,
      problems: [{ key: 'import.problem.otherApp' }],
    })
  })

  it('reads a participant code from a newer Cap ESS as such, not as a damaged sheet', () => {
    expect(parseSheet('CAPESS-P2|a1|mini|1|x|p|board|---|Awa', { session, guide: indexGuide(guideV1) })).toMatchObject({
      ok: false,
      problems: [{ key: 'import.problem.newerVersion', params: { version: 2 } }],
    })
  })
})
