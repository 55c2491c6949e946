import type { LegalForm, Region } from '@/domain/organisation'
import type { SizeBand } from '@/domain/sizeBand'

/** What the network documents need from the UI language (keys relative to `network.`), free of vue-i18n. */
export interface NetworkText {
  locale: 'fr' | 'en'
  t(key: string, params?: Record<string, string | number>): string
  legalForm(form: LegalForm): string
  region(region: Region): string
  sizeBand(band: SizeBand): string
  /** « 12 juin 2026 » */
  day(iso: string): string
  /** « 42 » (0..1 → 0..100), or « – » */
  score(value: number | null): string
  /** « 43 % » */
  percent(value: number): string
}
