import { mount } from '@vue/test-utils'
import { defineComponent, h, nextTick } from 'vue'
import { afterEach, describe, expect, it } from 'vitest'
import { i18n, setLocale } from '@/i18n'
import { useText } from '@/i18n/useText'

const Labels = defineComponent({
  setup() {
    const { t } = useText()
    return () =>
      h('p', [t('question.na'), ' | ', t('question.unknown'), ' | ', t('question.position', { n: 2, total: 9 })])
  },
})

afterEach(() => setLocale('fr'))

describe('useText', () => {
  it('gives the texts vue-i18n gives, with and without parameters, and follows a change of language', async () => {
    const wrapper = mount(Labels, { global: { plugins: [i18n] } })
    const { t } = i18n.global
    const expected = () =>
      `${t('question.na')} | ${t('question.unknown')} | ${t('question.position', { n: 2, total: 9 })}`
    expect(wrapper.text()).toBe(expected())
    expect(wrapper.text()).toContain('2')
    // Drawn again (cached texts), then in English, then in French again.
    wrapper.vm.$forceUpdate()
    await nextTick()
    expect(wrapper.text()).toBe(expected())
    await setLocale('en')
    await nextTick()
    expect(wrapper.text()).toBe(expected())
    expect(wrapper.text()).not.toContain('Je ne sais pas')
    await setLocale('fr')
    await nextTick()
    expect(wrapper.text()).toBe(expected())
  })
})
