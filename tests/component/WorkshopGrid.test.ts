import { mount } from '@vue/test-utils'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it } from 'vitest'
import { defineComponent, h, reactive } from 'vue'
import WorkshopGrid, { type GridQuestion } from '@/components/workshop/WorkshopGrid.vue'
import { i18n } from '@/i18n'
import { spreadOf, toDebate, debateOrder, type Participant, type Rating } from '@/domain/workshop'

const T = '2026-11-01T10:00:00.000Z'
const people: Participant[] = ['Claire', 'Malik'].map((name, i) => ({
  assessmentId: 'a',
  id: `p${i}`,
  name,
  role: 'board',
  createdAt: T,
  updatedAt: T,
}))

/** The grid as the page uses it: ratings kept by the parent, rows re-ordered with the « à débattre » ones first. */
function harness() {
  const ratings = reactive(new Map<string, Rating | null>())
  const Host = defineComponent(() => () => {
    const base = ['q1', 'q2', 'q3'].map((id, i) => {
      const spread = spreadOf(people.map((p) => ratings.get(`${p.id}|${id}`) ?? null))
      return {
        id,
        n: i + 1,
        text: `Question ${i + 1}`,
        spread,
        toDebate: toDebate(spread, undefined),
        agreed: '–',
        agreedLevel: null,
      } satisfies GridQuestion
    })
    return h(WorkshopGrid, {
      questions: debateOrder(base, (q) => q.toDebate),
      participants: people,
      themeLabel: 'Gouvernance',
      locked: false,
      ratingOf: (p: string, q: string) => ratings.get(`${p}|${q}`) ?? null,
      onRate: (p: string, q: string, r: Rating | null) => ratings.set(`${p}|${q}`, r),
    })
  })
  return { wrapper: mount(Host, { attachTo: document.body, global: { plugins: [i18n] } }), ratings }
}

afterEach(() => {
  document.body.innerHTML = ''
})

const cellText = (row: number, col: number) =>
  document.querySelector(`[data-cell="${row}-${col}"]`)?.textContent?.trim()

describe('the rating grid', () => {
  it('takes a participant’s sheet by keyboard: each key sets a view and moves down', async () => {
    const { ratings } = harness()
    const user = userEvent.setup()
    await user.click(document.querySelector<HTMLElement>('[data-cell="0-0"]')!)
    await user.keyboard('4n?')
    expect([ratings.get('p0|q1'), ratings.get('p0|q2'), ratings.get('p0|q3')]).toEqual([4, 'na', 'unknown'])
    expect([cellText(0, 0), cellText(1, 0), cellText(2, 0)]).toEqual(['4', 'NA', '?'])
  })

  it('moves with the arrows, clears with Delete, and ignores other keys', async () => {
    const { ratings } = harness()
    const user = userEvent.setup()
    await user.click(document.querySelector<HTMLElement>('[data-cell="1-0"]')!)
    await user.keyboard('{ArrowRight}2{ArrowUp}{ArrowUp}x7{Delete}')
    expect(ratings.get('p1|q2')).toBe(2)
    expect(ratings.get('p1|q1')).toBeNull()
    expect(ratings.has('p0|q1')).toBe(false)
    expect(document.activeElement?.getAttribute('data-cell')).toBe('0-1')
    // One tab stop for the whole grid: only the active cell is reachable with Tab.
    expect(document.querySelectorAll('[role="gridcell"][tabindex="0"]')).toHaveLength(1)
  })

  it('keeps rows in place while typing, and puts the disputed question first once the focus leaves', async () => {
    harness()
    const user = userEvent.setup()
    await user.click(document.querySelector<HTMLElement>('[data-cell="2-0"]')!)
    await user.keyboard('0{ArrowUp}{ArrowRight}')
    await user.keyboard('{ArrowDown}4')
    // q3 is now 0 against 4: disputed, but it stays third while the grid has the focus.
    const rowIds = () => [...document.querySelectorAll('tbody tr')].map((tr) => tr.getAttribute('data-question'))
    expect(rowIds()).toEqual(['q1', 'q2', 'q3'])
    ;(document.activeElement as HTMLElement).blur()
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(rowIds()).toEqual(['q3', 'q1', 'q2'])
  })
})
