import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { indexGuide } from '@/domain/guide/guideIndex'
import { GuideSchema } from '@/domain/guide/schema'
import {
  SHEET_FORMAT,
  decodeSession,
  encodeSession,
  parseSheet,
  sessionQuestionIds,
  sheetToQr,
  type Session,
  type Sheet,
} from '@/domain/participantSheet'

const guide = indexGuide(
  GuideSchema.parse(JSON.parse(readFileSync(resolve('guide-data/guide.csess-2016.v2.json'), 'utf8'))),
)
const session: Session = {
  v: 1,
  a: 'a-2025',
  g: guide.guide.id,
  gv: guide.guide.version,
  y: 2025,
  t: ['gov', 'ethics'],
  o: 'Ressourcerie du Val d’Oust',
}
const questions = sessionQuestionIds(guide, session)
const sheet: Sheet = {
  format: SHEET_FORMAT,
  formatVersion: 1,
  assessmentId: 'a-2025',
  guideId: session.g,
  guideVersion: session.gv,
  participant: { id: 'p-1', name: 'Zoé | « la trésorière »', role: 'board' },
  ratings: { [questions[0]]: 3, [questions[1]]: 'na', [questions[4]]: 'unknown', [questions.at(-1)!]: 0 },
  exportedAt: '2026-11-30T18:00:00.000Z',
}
const context = { session, guide, now: new Date('2026-12-01T10:00:00.000Z') }

describe('the session link', () => {
  it('carries what a participant’s device needs, and reads back the same', () => {
    expect(decodeSession(encodeSession(session))).toEqual(session)
  })

  it('is refused when damaged or cut short', () => {
    const code = encodeSession(session)
    expect(decodeSession(code.slice(0, -6))).toBeNull()
    expect(decodeSession('pas-un-code')).toBeNull()
  })

  it('leaves out the questions that do not apply to the organisation', () => {
    const without = sessionQuestionIds(guide, { ...session, x: [questions[1]] })
    expect(without).toEqual(questions.filter((id) => id !== questions[1]))
  })

  it('lists the scored questions of the session’s themes only, in the guide’s order', () => {
    expect(questions.length).toBeGreaterThan(10)
    expect(
      questions.every(
        (id) =>
          ['gov', 'ethics'].includes(guide.questionById.get(id)!.theme.id) &&
          guide.questionById.get(id)!.question.kind === 'maturity',
      ),
    ).toBe(true)
    expect(questions[0].startsWith('gov.')).toBe(true)
  })
})

describe('a participant’s sheet', () => {
  it('is read from its file', () => {
    expect(parseSheet(JSON.stringify(sheet), context)).toEqual({ ok: true, sheet })
  })

  it('travels in a QR code of about 200 characters and reads back the same ratings and name', () => {
    const qr = sheetToQr(sheet, questions)
    expect(qr.length).toBeLessThan(260)
    const read = parseSheet(qr, context)
    expect(read.ok).toBe(true)
    if (read.ok) expect({ ...read.sheet, exportedAt: sheet.exportedAt }).toEqual(sheet)
  })

  it('is refused when it answers another workshop or another guide version', () => {
    expect(parseSheet(JSON.stringify({ ...sheet, assessmentId: 'a-2024' }), context)).toMatchObject({
      ok: false,
      problems: [{ path: 'assessmentId', key: 'workshop.sheet.problem.otherWorkshop' }],
    })
    expect(parseSheet(JSON.stringify({ ...sheet, guideVersion: 1 }), context)).toMatchObject({
      ok: false,
      problems: [{ key: 'workshop.sheet.problem.otherGuide' }],
    })
  })

  it('says where a problem is: an unknown question, a level out of the scale, an empty name', () => {
    const wrong = {
      ...sheet,
      ratings: { ...sheet.ratings, 'gov.nope': 2, [questions[2]]: 5 },
      participant: { ...sheet.participant, name: ' ' },
    }
    const result = parseSheet(JSON.stringify(wrong), context)
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.problems.map((p) => p.path)).toEqual(
      expect.arrayContaining(['participant.name', `ratings.${questions[2]}`]),
    )
    const unknown = parseSheet(JSON.stringify({ ...sheet, ratings: { 'gov.nope': 2 } }), context)
    expect(unknown).toMatchObject({
      ok: false,
      problems: [{ path: 'ratings.gov.nope', key: 'workshop.sheet.problem.unknownQuestion' }],
    })
  })

  it('refuses another file, a QR code of another length, and a sheet too large', () => {
    // A backup handed in by mistake is named as one, as every file kind names another.
    expect(parseSheet('{"format":"cap-ess","formatVersion":2,"organisations":[]}', context)).toMatchObject({
      ok: false,
      problems: [{ key: 'files.problem.otherKind', params: { found: 'backup', expected: 'participant' } }],
    })
    expect(parseSheet('pas du JSON', context)).toMatchObject({
      ok: false,
      problems: [{ key: 'workshop.sheet.problem.notASheet' }],
    })
    const qr = sheetToQr(sheet, questions)
    const parts = qr.split('|')
    parts[7] = parts[7].slice(1)
    expect(parseSheet(parts.join('|'), context)).toMatchObject({
      ok: false,
      problems: [{ key: 'workshop.sheet.problem.otherQuestions' }],
    })
    // As many characters as questions, but for other questions (the profile changed since the link was handed
    // out): the fingerprint refuses it, the ratings never land on the wrong questions.
    const shifted = { ...context, session: { ...session, x: [questions[0]] } }
    const other = sheetToQr(sheet, [...questions.slice(2), questions[0]])
    expect(other.split('|')[7]).toHaveLength(sessionQuestionIds(guide, shifted.session).length)
    expect(parseSheet(other, shifted)).toMatchObject({
      ok: false,
      problems: [{ key: 'workshop.sheet.problem.otherQuestions' }],
    })
    expect(parseSheet('x'.repeat(200_001), context)).toMatchObject({
      ok: false,
      problems: [{ key: 'files.problem.tooLarge' }],
    })
  })

  it('says that a sheet or a code from a newer Cap ESS needs the app updated, as every file kind does', () => {
    const newer = { key: 'import.problem.newerVersion', params: { version: 2 } }
    expect(parseSheet(JSON.stringify({ ...sheet, formatVersion: 2 }), context)).toMatchObject({
      ok: false,
      problems: [newer],
    })
    const code = sheetToQr(sheet, questions).replace(/^CAPESS-P1\|/, 'CAPESS-P2|')
    expect(parseSheet(code, context)).toMatchObject({ ok: false, problems: [newer] })
  })

  it('refuses, in a file as in a code, a view of a question the session does not ask (ruled out by the profile)', () => {
    const excluded = { ...context, session: { ...session, x: [questions[1]] } }
    const file = parseSheet(JSON.stringify({ ...sheet, ratings: { [questions[1]]: 3 } }), excluded)
    expect(file).toMatchObject({
      ok: false,
      problems: [{ path: `ratings.${questions[1]}`, key: 'workshop.sheet.problem.unknownQuestion' }],
    })
  })

  it('names the field it refuses, a key nobody expects included (`__proto__`)', () => {
    const text = JSON.stringify(sheet).replace('"ratings":', '"__proto__": { "isAdmin": true }, "ratings":')
    expect(parseSheet(text, context)).toMatchObject({
      ok: false,
      problems: [{ path: '(fichier)', key: 'import.problem.unknownKeys', params: { keys: '__proto__' } }],
    })
  })
})
