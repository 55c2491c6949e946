import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { mount } from '@vue/test-utils'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import AssessmentQuestionCard from '@/components/assessment/AssessmentQuestionCard.vue'
import type { AnswerPatch } from '@/domain/answer'
import { MaturityScaleSchema } from '@/domain/guide/schema'
import { questionState } from '@/domain/scoring'
import { i18n } from '@/i18n'
import { answer, level, miniIndex, profile } from '../fixtures/factories'

const scale = MaturityScaleSchema.parse(JSON.parse(readFileSync(resolve('guide-data/maturity-scale.json'), 'utf8')))
const index = miniIndex({ gov: { rules: [{ id: 'q1' }], cse: [{ id: 'q2', applicability: { minEmployees: 11 } }] } })

function mountCard(questionId: string, opts: { employees?: number; response?: ReturnType<typeof level> } = {}) {
  const entry = index.questionById.get(questionId)!
  const current = opts.response ? answer(questionId, opts.response) : undefined
  return mount(AssessmentQuestionCard, {
    attachTo: document.body,
    props: {
      entry,
      answer: current,
      state: questionState(entry, current, profile({ employees: opts.employees ?? 12 })),
      scale,
      documents: [],
      practices: [],
      position: 'Question 1 sur 1',
    },
    global: { plugins: [i18n] },
  })
}

const changes = (wrapper: ReturnType<typeof mountCard>) => (wrapper.emitted('change') ?? []).map(([patch]) => patch as AnswerPatch)

describe('AssessmentQuestionCard, by keyboard alone', () => {
  it('is a fieldset whose legend is the question, with the five levels, N/A and « je ne sais pas »', () => {
    const wrapper = mountCard('q1')
    expect(wrapper.get('fieldset legend').text()).toBe('Question q1 ?')
    const radios = wrapper.findAll('input[type=radio]')
    expect(radios).toHaveLength(7)
    expect(wrapper.text()).toContain('0 · Pas commencé')
    expect(wrapper.text()).toContain('4 · Évaluée et améliorée')
    wrapper.unmount()
  })

  it('moves into the group with Tab, changes the level with the arrow keys and saves each choice', async () => {
    const user = userEvent.setup({ document })
    const wrapper = mountCard('q1')
    const radios = wrapper.findAll<HTMLInputElement>('input[type=radio]')

    await user.tab()
    expect(document.activeElement).toBe(radios[0].element)
    await user.keyboard(' ')
    expect(changes(wrapper).at(-1)).toEqual({ response: { kind: 'level', level: 0 } })

    await user.keyboard('{ArrowDown}{ArrowDown}')
    expect(document.activeElement).toBe(radios[2].element)
    expect(radios[2].element.checked).toBe(true)
    expect(changes(wrapper).at(-1)).toEqual({ response: { kind: 'level', level: 2 } })

    await user.keyboard('{ArrowUp}')
    expect(changes(wrapper).at(-1)).toEqual({ response: { kind: 'level', level: 1 } })
    wrapper.unmount()
  })

  it('reaches « non applicable », then its reason, then the note, with Tab', async () => {
    const user = userEvent.setup({ document })
    const wrapper = mountCard('q1')
    await user.tab()
    await user.keyboard('{ArrowDown}{ArrowDown}{ArrowDown}{ArrowDown}{ArrowDown}')
    expect(changes(wrapper).at(-1)).toEqual({ response: { kind: 'na', reason: '' } })
    await wrapper.setProps({ answer: answer('q1', { kind: 'na', reason: '' }) })

    await user.tab()
    expect((document.activeElement as HTMLElement).id).toMatch(/na-reason$/)
    await user.keyboard('Pas de salariés{Tab}')
    expect(changes(wrapper).at(-1)).toEqual({ response: { kind: 'na', reason: 'Pas de salariés' } })

    // Tab goes on through « effacer », the help, then the note; typing there emits the note.
    while (document.activeElement?.tagName !== 'TEXTAREA') await user.tab()
    await user.keyboard('Vu en CA')
    expect(wrapper.emitted('note')?.at(-1)).toEqual(['Vu en CA'])
    wrapper.unmount()
  })

  it('adds a piece of evidence with Enter', async () => {
    const user = userEvent.setup({ document })
    const wrapper = mountCard('q1', { response: level(3) })
    const input = wrapper.get<HTMLInputElement>('input[list]')
    input.element.focus()
    await user.keyboard('Bilan social 2025{Enter}')
    expect(changes(wrapper).at(-1)).toEqual({ evidence: ['Bilan social 2025'] })
    wrapper.unmount()
  })

  it('says why a question does not apply and lets the user answer anyway with a required reason', async () => {
    const user = userEvent.setup({ document })
    const wrapper = mountCard('q2', { employees: 4 })
    expect(wrapper.find('fieldset').exists()).toBe(false)
    expect(wrapper.text()).toContain('au moins 11 salarié·es')

    await user.tab()
    expect(document.activeElement?.textContent).toContain('Elle nous concerne quand même')
    await user.keyboard('{Enter}')
    await user.tab()
    await user.keyboard('{Enter}')
    expect(wrapper.text()).toContain('Ce champ est obligatoire.')
    expect(changes(wrapper)).toEqual([])

    await user.keyboard('CSE mis en place volontairement{Enter}')
    expect(changes(wrapper)).toEqual([{ applicabilityOverride: { reason: 'CSE mis en place volontairement' } }])
    wrapper.unmount()
  })
})
