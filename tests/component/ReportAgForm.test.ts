import { mount } from '@vue/test-utils'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it } from 'vitest'
import ReportAgForm from '@/components/report/ReportAgForm.vue'
import type { AgRecordPatch, Assessment } from '@/domain/assessment'
import { i18n } from '@/i18n'
import { assessmentOf } from '../fixtures/reportData'

const stored = (extra: Partial<Assessment> = {}) =>
  assessmentOf('y2', 2025, ['gov'], {
    presentedAt: '2026-06-12',
    agRecord: { approach: 'Choisi en CA.', questionsRaised: '', objectivesAdopted: '' },
    ...extra,
  })

function mountForm(unsaved = () => false) {
  const edits: [AgRecordPatch, boolean][] = []
  const wrapper = mount(ReportAgForm, {
    props: {
      assessment: stored(),
      isUnsaved: unsaved,
      onEdit: (patch: AgRecordPatch, typed: boolean) => edits.push([patch, typed]),
    },
    attachTo: document.body,
    global: { plugins: [i18n] },
  })
  return { wrapper, edits }
}

let wrapper: ReturnType<typeof mountForm>['wrapper'] | undefined
afterEach(() => wrapper?.unmount())

describe('AG form', () => {
  it('starts from what is stored and sends each text as it is typed, field by field', async () => {
    const form = mountForm()
    wrapper = form.wrapper
    expect((wrapper.find('#ag-approach').element as HTMLTextAreaElement).value).toBe('Choisi en CA.')
    expect((wrapper.find('#ag-date').element as HTMLInputElement).value).toBe('2026-06-12')
    await userEvent.type(wrapper.find('#ag-questionsRaised').element, 'Écart ?')
    expect(form.edits.at(-1)).toEqual([{ questionsRaised: 'Écart ?' }, true])
    expect(form.edits.every(([patch, typed]) => typed && Object.keys(patch).join() === 'questionsRaised')).toBe(true)
  })

  it('never redraws a field the user is in, nor one with typing not stored yet; follows storage otherwise', async () => {
    let unsaved = false
    const form = mountForm(() => unsaved)
    wrapper = form.wrapper
    const approach = wrapper.find('#ag-approach')
    await userEvent.click(approach.element)
    await userEvent.type(approach.element, ' Puis en AG.')
    // A save lands (or another tab writes) while the user is in the field: what they typed stays.
    await wrapper.setProps({
      assessment: stored({ agRecord: { approach: 'Autre onglet', questionsRaised: '', objectivesAdopted: '' } }),
    })
    expect((approach.element as HTMLTextAreaElement).value).toBe('Choisi en CA. Puis en AG.')
    // Left with typing not stored yet: still kept.
    unsaved = true
    await userEvent.tab()
    await wrapper.setProps({
      assessment: stored({ agRecord: { approach: 'Encore un autre', questionsRaised: '', objectivesAdopted: '' } }),
    })
    expect((approach.element as HTMLTextAreaElement).value).toBe('Choisi en CA. Puis en AG.')
    // Stored, and left: the field shows what is stored.
    unsaved = false
    await wrapper.setProps({
      assessment: stored({
        agRecord: { approach: 'Choisi en CA. Puis en AG.', questionsRaised: '', objectivesAdopted: 'Index publié' },
      }),
    })
    expect((wrapper.find('#ag-objectivesAdopted').element as HTMLTextAreaElement).value).toBe('Index publié')
  })

  it('shows a refused date beside its field, keeps it and does not send it; the texts are sent all the same', async () => {
    const form = mountForm()
    wrapper = form.wrapper
    await wrapper.find('#ag-date').setValue('2031-01-01')
    await wrapper.find('#ag-date').trigger('change')
    const date = wrapper.find('#ag-date')
    expect(date.attributes('aria-invalid')).toBe('true')
    expect(wrapper.find('#ag-date-error').text()).toBe(
      'L’assemblée générale a lieu entre 2025 et 2027 pour cet exercice : vérifiez l’année.',
    )
    expect(date.attributes('aria-describedby')).toBe('ag-date-error')
    expect((date.element as HTMLInputElement).value).toBe('2031-01-01')
    expect(form.edits).toEqual([])
    await userEvent.type(wrapper.find('#ag-objectivesAdopted').element, 'Index')
    expect(form.edits.at(-1)).toEqual([{ objectivesAdopted: 'Index' }, true])
    await wrapper.find('#ag-date').setValue('2026-05-20')
    await wrapper.find('#ag-date').trigger('change')
    expect(wrapper.find('#ag-date-error').exists()).toBe(false)
    expect(form.edits.at(-1)).toEqual([{ presentedAt: '2026-05-20' }, false])
  })
})
