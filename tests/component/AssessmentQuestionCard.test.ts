import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { mount } from '@vue/test-utils'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it } from 'vitest'
import { defineComponent, h, ref } from 'vue'
import AssessmentQuestionCard from '@/components/assessment/AssessmentQuestionCard.vue'
import { applyAnswerPatch, emptyAnswer, type Answer, type AnswerPatch } from '@/domain/answer'
import { MaturityScaleSchema } from '@/domain/guide/schema'
import { questionState } from '@/domain/scoring'
import { i18n } from '@/i18n'
import { createMemoryHistory, createRouter } from 'vue-router'
import { ROUTES } from '@/constants'
import { miniIndex, profile } from '../fixtures/factories'

/** The card links its provenance tag to the legend page: a router that knows that page. */
const router = createRouter({
  history: createMemoryHistory(),
  routes: [
    { path: '/', component: { render: () => null } },
    { path: '/guide/provenance', name: ROUTES.provenance, component: { render: () => null } },
  ],
})

const scale = MaturityScaleSchema.parse(JSON.parse(readFileSync(resolve('guide-data/maturity-scale.json'), 'utf8')))
const index = miniIndex({
  gov: {
    rules: [{ id: 'q1' }, { id: 'q3', kind: 'fact', indicatorId: 'gov.ind.budget' }, { id: 'q4', kind: 'reflection' }],
    cse: [{ id: 'q2', applicability: { minEmployees: 11 } }],
  },
})
const budget = {
  id: 'gov.ind.budget',
  label: 'Budget de formation',
  unit: 'euros' as const,
  provenance: 'proposed' as const,
  domaineId: 'gov.rules',
}

/**
 * A parent like the theme page: it keeps the answer, applies every emitted patch and passes the result back,
 * so the card is tested as it is used (its checked state comes from its props, not only from the DOM).
 */
function mountCard(questionId: string, employees = 12) {
  const entry = index.questionById.get(questionId)!
  const changes: AnswerPatch[] = []
  const typed: AnswerPatch[] = []
  const values: [unknown, boolean][] = []
  const Parent = defineComponent(() => {
    const current = ref<Answer>(emptyAnswer('a1', questionId, '2026-11-27T10:00:00.000Z'))
    const apply = (patch: AnswerPatch) =>
      (current.value = applyAnswerPatch(current.value, patch, '2026-11-27T10:00:01.000Z'))
    return () =>
      h(AssessmentQuestionCard, {
        entry,
        answer: current.value,
        state: questionState(entry, current.value, profile({ employees })),
        scale,
        documents: [],
        practices: [],
        indicator: entry.question.indicatorId ? budget : undefined,
        indicatorValue: null,
        onChange: (patch: AnswerPatch) => (changes.push(patch), apply(patch)),
        onTyped: (patch: AnswerPatch) => (typed.push(patch), apply(patch)),
        onIndicator: (value: unknown, isTyped: boolean) => values.push([value, isTyped]),
      })
  })
  const wrapper = mount(Parent, { attachTo: document.body, global: { plugins: [i18n, router] } })
  return { wrapper, changes, typed, values }
}

const focused = () => document.activeElement as HTMLElement
let unmount: (() => void) | undefined
afterEach(() => unmount?.())

describe('AssessmentQuestionCard, by keyboard alone', () => {
  it('is a fieldset whose legend is the question, with the five levels, N/A and « je ne sais pas »', () => {
    const { wrapper } = mountCard('q1')
    unmount = () => wrapper.unmount()
    expect(wrapper.get('fieldset legend').text()).toBe('Question q1 ?')
    expect(wrapper.findAll('input[type=radio]')).toHaveLength(7)
    const choices = wrapper.findAll('label.scale__choice').map((label) => label.text())
    expect(choices).toEqual([
      '0 Pas commencé',
      '1 En réflexion',
      '2 Premières actions',
      '3 Pratique établie',
      '4 Évaluée et améliorée',
      'Non applicable',
      'Je ne sais pas',
    ])
  })

  it('shows the chosen level’s meaning, and the whole scale one click away', async () => {
    const user = userEvent.setup({ document })
    const { wrapper } = mountCard('q1')
    unmount = () => wrapper.unmount()
    expect(wrapper.find('[data-testid="level-meaning"]').exists()).toBe(false)
    await user.tab()
    await user.keyboard('{ArrowDown}{ArrowDown}{ArrowDown}')
    expect(wrapper.get('[data-testid="level-meaning"]').text()).toMatch(/^3 · Pratique établie\s:\s/)
    const toggle = wrapper.findAll('button').find((b) => b.text() === 'Échelle détaillée')!
    expect(toggle.attributes('aria-expanded')).toBe('false')
    await toggle.trigger('click')
    expect(toggle.attributes('aria-expanded')).toBe('true')
    expect(wrapper.findAll('.question__scale li')).toHaveLength(5)
  })

  it('moves into the group with Tab, changes the level with the arrow keys and saves each choice', async () => {
    const user = userEvent.setup({ document })
    const { wrapper, changes } = mountCard('q1')
    unmount = () => wrapper.unmount()
    const radios = () => wrapper.findAll<HTMLInputElement>('input[type=radio]').map((r) => r.element)

    await user.tab()
    expect(focused()).toBe(radios()[0])
    await user.keyboard(' ')
    expect(changes.at(-1)).toEqual({ response: { kind: 'level', level: 0 } })

    await user.keyboard('{ArrowDown}{ArrowDown}')
    expect(focused()).toBe(radios()[2])
    expect(changes.at(-1)).toEqual({ response: { kind: 'level', level: 2 } })
    expect(radios().map((r) => r.checked)).toEqual([false, false, true, false, false, false, false])

    await user.keyboard('{ArrowUp}')
    expect(changes.at(-1)).toEqual({ response: { kind: 'level', level: 1 } })
    expect(radios()[1].checked).toBe(true)
  })

  it('reaches « non applicable », types its reason, then the note, with Tab', async () => {
    const user = userEvent.setup({ document })
    const { wrapper, changes, typed } = mountCard('q1')
    unmount = () => wrapper.unmount()
    await user.tab()
    await user.keyboard('{ArrowDown}{ArrowDown}{ArrowDown}{ArrowDown}{ArrowDown}')
    expect(changes.at(-1)).toEqual({ response: { kind: 'na', reason: '' } })

    await user.tab()
    expect(focused().id).toMatch(/na-reason$/)
    await user.keyboard('Pas de salariés')
    expect(typed.at(-1)).toEqual({ response: { kind: 'na', reason: 'Pas de salariés' } })

    // The note opens on demand (cards stay short) and takes the focus.
    await user.tab()
    expect(focused().textContent).toBe('Ajouter une note')
    await user.keyboard('{Enter}')
    expect(focused().tagName).toBe('TEXTAREA')
    await user.keyboard('Vu en CA')
    expect(typed.at(-1)).toEqual({ note: 'Vu en CA' })
  })

  it('clears the answer and puts focus back on the choices', async () => {
    const user = userEvent.setup({ document })
    const { wrapper, changes } = mountCard('q1')
    unmount = () => wrapper.unmount()
    await user.tab()
    await user.keyboard('{ArrowDown}')
    while (!focused().textContent?.includes('Effacer la réponse')) await user.tab()
    await user.keyboard('{Enter}')
    expect(changes.at(-1)).toEqual({ response: null })
    expect(focused().getAttribute('type')).toBe('radio')
  })

  it('adds a piece of evidence with Enter', async () => {
    const user = userEvent.setup({ document })
    const { wrapper, changes } = mountCard('q1')
    unmount = () => wrapper.unmount()
    await wrapper
      .findAll('button')
      .find((b) => b.text() === 'Justificatifs (0)')!
      .trigger('click')
    wrapper.get<HTMLInputElement>('input[list]').element.focus()
    await user.keyboard('Bilan social 2025{Enter}')
    expect(changes.at(-1)).toEqual({ evidence: ['Bilan social 2025'] })
    expect(wrapper.text()).toContain('Bilan social 2025')
    expect(wrapper.text()).toContain('Justificatifs (1)')
  })

  it('says why a question does not apply and lets the user answer anyway with a required reason', async () => {
    const user = userEvent.setup({ document })
    const { wrapper, changes } = mountCard('q2', 4)
    unmount = () => wrapper.unmount()
    expect(wrapper.find('fieldset').exists()).toBe(false)
    expect(wrapper.text()).toContain('au moins 11 salarié·es')

    await user.tab()
    expect(focused().textContent).toContain('Elle nous concerne quand même')
    await user.keyboard('{Enter}')
    expect(focused().id).toMatch(/override$/)
    await user.keyboard('{Enter}')
    expect(wrapper.text()).toContain('Ce champ est obligatoire.')
    expect(changes).toEqual([])

    await user.keyboard('CSE mis en place volontairement{Enter}')
    expect(changes).toEqual([{ applicabilityOverride: { reason: 'CSE mis en place volontairement' } }])
    expect(wrapper.find('fieldset').exists()).toBe(true)
    expect(focused().getAttribute('type')).toBe('radio')
  })

  it('asks a fact question for its value, kept in its indicator, with no scale and no score', async () => {
    const user = userEvent.setup({ document })
    const { wrapper, values } = mountCard('q3')
    unmount = () => wrapper.unmount()
    expect(wrapper.findAll('input[type=radio]')).toHaveLength(0)
    expect(wrapper.text()).toContain('Question factuelle, non notée')
    await user.tab()
    expect(focused().tagName).toBe('INPUT')
    await user.keyboard('12 500')
    expect(values.at(-1)).toEqual([12500, true])
    await user.tab()
    expect(values.at(-1)).toEqual([12500, false])
  })

  it('asks a reflection question for text for the debate, with no scale and no score', async () => {
    const user = userEvent.setup({ document })
    const { wrapper, typed } = mountCard('q4')
    unmount = () => wrapper.unmount()
    expect(wrapper.findAll('input[type=radio]')).toHaveLength(0)
    expect(wrapper.get('label[for$="-note"]').text()).toBe('Vos pistes pour le débat')
    await user.tab()
    expect(focused().tagName).toBe('TEXTAREA')
    await user.keyboard('Un vote en ligne avant l’AG')
    expect(typed.at(-1)).toEqual({ note: 'Un vote en ligne avant l’AG' })
  })

  it('links its provenance tag to the legend, at the entry for that provenance, inside the app', async () => {
    const user = userEvent.setup({ document })
    const { wrapper } = mountCard('q1')
    unmount = () => wrapper.unmount()
    const tag = wrapper.get('a.provenance')
    expect(tag.attributes('href')).toMatch(/\/guide\/provenance#(official|official-incomplete|proposed)$/)
    await user.click(tag.element)
    await router.isReady()
    expect(router.currentRoute.value.name).toBe(ROUTES.provenance)
    expect(router.currentRoute.value.hash).toBe(tag.attributes('href')!.replace(/^.*#/, '#'))
  })
})
