import { mount } from '@vue/test-utils'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it } from 'vitest'
import ReportAgForm from '@/components/report/ReportAgForm.vue'
import { ValidationError } from '@/domain/validation'
import { i18n } from '@/i18n'
import { assessmentOf } from '../fixtures/reportData'

function mountForm(save: (input: Record<string, string>, assessmentId: string) => Promise<unknown>) {
  const assessment = assessmentOf('y2', 2025, ['gov'], { presentedAt: '2026-06-12', agRecord: { approach: 'Choisi en CA.', questionsRaised: '', objectivesAdopted: '' } })
  return mount(ReportAgForm, { props: { assessment, save: (id: string, input: Record<string, string>) => save(input, id) }, attachTo: document.body, global: { plugins: [i18n] } })
}

let wrapper: ReturnType<typeof mountForm> | undefined
afterEach(() => wrapper?.unmount())

const settle = () => new Promise((resolve) => setTimeout(resolve, 500))

describe('AG form', () => {
  it('starts from what is stored and saves the whole form once after a pause in the typing', async () => {
    const saved: Record<string, string>[] = []
    wrapper = mountForm(async (input) => saved.push(input))
    expect((wrapper.find('#ag-approach').element as HTMLTextAreaElement).value).toBe('Choisi en CA.')
    expect((wrapper.find('#ag-date').element as HTMLInputElement).value).toBe('2026-06-12')
    await userEvent.type(wrapper.find('#ag-questionsRaised').element, 'Écart de salaires ?')
    await settle()
    expect(saved).toEqual([{ presentedAt: '2026-06-12', approach: 'Choisi en CA.', questionsRaised: 'Écart de salaires ?', objectivesAdopted: '' }])
    expect(wrapper.find('[data-testid="ag-save-state"]').text()).toBe('Enregistré.')
  })

  it('saves at once when a field is left, and what is typed is never lost on unmount', async () => {
    const saved: Record<string, string>[] = []
    wrapper = mountForm(async (input) => saved.push(input))
    await userEvent.type(wrapper.find('#ag-objectivesAdopted').element, 'Index publié')
    await userEvent.tab()
    expect(saved.at(-1)?.objectivesAdopted).toBe('Index publié')
    await userEvent.type(wrapper.find('#ag-approach').element, ' Puis en AG.')
    wrapper.unmount()
    wrapper = undefined
    await Promise.resolve()
    expect(saved.at(-1)?.approach).toBe('Choisi en CA. Puis en AG.')
  })

  it('shows a refused date beside its field, keeps it, and still saves the texts with the last accepted date', async () => {
    const saved: Record<string, string>[] = []
    wrapper = mountForm(async (input, id) => {
      expect(id).toBe('y2')
      if (input.presentedAt === '2031-01-01') throw new ValidationError({ presentedAt: { key: 'validation.agDateRange', params: { from: 2025, to: 2027 } } })
      saved.push(input)
    })
    await wrapper.find('#ag-questionsRaised').setValue('Écart de salaires ?')
    await wrapper.find('#ag-date').setValue('2031-01-01')
    await wrapper.find('#ag-date').trigger('change')
    await settle()
    const date = wrapper.find('#ag-date')
    expect(date.attributes('aria-invalid')).toBe('true')
    expect(wrapper.find('#ag-date-error').text()).toBe('L’assemblée générale a lieu entre 2025 et 2027 pour cet exercice : vérifiez l’année.')
    expect(date.attributes('aria-describedby')).toBe('ag-date-error')
    expect((date.element as HTMLInputElement).value).toBe('2031-01-01')
    expect(wrapper.find('[data-testid="ag-save-state"]').text()).toContain('L’enregistrement a échoué')
    expect(saved.length).toBeGreaterThan(0)
    for (const input of saved) expect(input).toMatchObject({ presentedAt: '2026-06-12', questionsRaised: 'Écart de salaires ?' })
  })
})
