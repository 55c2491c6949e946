import { describe, expect, it } from 'vitest'
import { dateOfIso, formatDay, formatTime } from '@/i18n/dates'

describe('dates as people read them', () => {
  it('writes the first of the month « 1er » in French, and only the first', () => {
    expect(formatDay(dateOfIso('2024-04-01'), 'fr')).toBe('1er avril 2024')
    expect(formatDay(dateOfIso('2024-04-11'), 'fr')).toBe('11 avril 2024')
    expect(formatDay(dateOfIso('2024-04-21'), 'fr')).toBe('21 avril 2024')
  })

  it('puts the day before the month in English (British order), with no ordinal', () => {
    expect(formatDay(dateOfIso('2024-04-01'), 'en')).toBe('1 April 2024')
    expect(formatDay(dateOfIso('2027-06-12'), 'en')).toBe('12 June 2027')
  })

  it('reads an ISO day at noon, so no time zone moves it to the day before', () => {
    expect(dateOfIso('2027-01-01').getDate()).toBe(1)
    expect(formatDay(dateOfIso('2027-01-01'), 'fr')).toBe('1er janvier 2027')
  })

  it('writes times on the 24-hour clock in both languages', () => {
    const date = new Date(2027, 5, 12, 14, 5)
    expect(formatTime(date, 'fr')).toBe('14:05')
    expect(formatTime(date, 'en')).toBe('14:05')
  })
})
