import { describe, expect, it } from 'vitest'
import { i18n } from '@/i18n'
import { reportWorkshop, themeWorkshop, type WorkshopRecords } from '@/domain/report/workshop'
import type { Participant, RatingRecord } from '@/domain/workshop'
import { themeWorkshopText, workshopPeopleText } from '@/report/text'
import { realGuide } from '../fixtures/reportData'

const t = (key: string, params: Record<string, string | number> = {}) => i18n.global.t(`report.${key}`, params)
const plural = (key: string, count: number, params: Record<string, string | number> = {}) =>
  i18n.global.t(`report.${key}`, { n: count, ...params }, count)
const level = (l: number) => `${l} – niveau ${l}`
const T = '2026-11-01T10:00:00.000Z'

const person = (id: string, name: string, role: Participant['role']): Participant => ({
  assessmentId: 'a',
  id,
  name,
  role,
  createdAt: T,
  updatedAt: T,
})
const rating = (participantId: string, questionId: string, value: RatingRecord['rating']): RatingRecord => ({
  assessmentId: 'a',
  participantId,
  questionId,
  rating: value,
  updatedAt: T,
})
const gov = realGuide.questionsOfTheme('gov').map((entry, i) => ({ entry, n: i + 1 }))
const [q1, q2, q3] = gov.map((g) => g.entry.question.id)

const records: WorkshopRecords = {
  participants: [
    person('p1', 'Claire', 'board'),
    person('p2', 'Malik', 'employee'),
    person('p3', 'Aïcha', 'employee'),
    person('p4', 'Yann', 'user'),
  ],
  ratings: [
    rating('p1', q1, 4),
    rating('p2', q1, 0),
    rating('p3', q1, 1),
    rating('p1', q2, 2),
    rating('p2', q2, 2),
    rating('p4', 'ethics.x', 3),
  ],
  discussions: [
    {
      assessmentId: 'a',
      questionId: q1,
      flagged: false,
      note: 'Le CA et les salariés ne lisent pas les statuts pareil.',
      dissent: 'Les salariés maintiennent le niveau 1.',
      hands: null,
      updatedAt: T,
    },
    { assessmentId: 'a', questionId: q3, flagged: true, note: '', dissent: '', hands: null, updatedAt: T },
  ],
}

describe('the workshop in the AG report', () => {
  it('counts people by role without names, unless the organisation chose to name them', () => {
    const counted = reportWorkshop(records, false)!
    expect(counted).toMatchObject({ people: 4, names: null })
    expect(workshopPeopleText(counted, { t, plural })).toBe(
      'Atelier collectif\u00a0: 4 personnes (1 administrateur·rice, 2 salarié·es, 1 usager·ère).',
    )
    const named = workshopPeopleText(reportWorkshop(records, true)!, { t, plural })
    expect(named).toContain('Claire (administrateur·rice), Malik (salarié·e)')
  })

  it('says per theme how many gave a view and which questions were debated, with the spread and the agreed answer', () => {
    const theme = themeWorkshop(records, gov, (id) => (id === q1 ? 2 : null))!
    expect(theme.people).toBe(3) // Yann rated nothing in this theme
    expect(theme.disputed.map((q) => [q.n, q.min, q.max, q.agreed])).toEqual([
      [1, 0, 4, 2],
      [3, null, null, null],
    ])
    const words = themeWorkshopText(theme, { t, plural, level })
    expect(words.people).toBe('3 personnes ont donné leur avis sur ce thème.')
    expect(words.disputed).toBe('2 questions ont fait débat\u00a0:')
    expect(words.items[0]).toMatch(
      /^1\. .+ Avis de 0 à 4 \(3 avis\)\u202f; réponse retenue\u00a0: 2 – niveau 2\. Avis divergent consigné\u00a0: Les salariés maintiennent le niveau 1\.$/,
    )
    expect(words.items[1]).toMatch(
      /^3\. .+ Question mise en débat \(aucun avis\)\u202f; réponse retenue\u00a0: aucune\.$/,
    )
    // Names never appear in a theme's lines.
    expect(words.items.join(' ')).not.toMatch(/Claire|Malik|Aïcha/)
  })

  it('says nothing of a workshop that did not happen', () => {
    expect(reportWorkshop(null, true)).toBeNull()
    expect(reportWorkshop({ participants: [], ratings: [], discussions: [] }, true)).toBeNull()
    expect(themeWorkshop({ participants: [], ratings: [], discussions: [] }, gov, () => null)).toBeNull()
  })
})
