import { acceptHMRUpdate, defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import { getOrganisation } from '@/db/organisationRepository'
import { deletePracticeSheet, listPracticeSheets, newPracticeSheetId } from '@/db/practiceSheetRepository'
import { listAssessments } from '@/db/assessmentRepository'
import { baseOf, editKeys, editWriter } from '@/db/writer'
import { CURRENT_GUIDE, guideKey, type GuideRef } from '@/domain/guide/current'
import type { GuideIndex } from '@/domain/guide/guideIndex'
import { loadGuideIndex } from '@/domain/guide/registry'
import type { Organisation } from '@/domain/organisation'
import { shareSheet, sheetsFile } from '@/domain/files/practiceSheets'
import {
  EMPTY_SHEET,
  type PracticeSheet,
  type PracticeSheetFields,
  type PracticeSheetPatch,
} from '@/domain/practiceSheet'
import { APP_VERSION } from './backup'

/**
 * One organisation's practice sheets. Every change goes through the one writer (kind `practiceSheet`) and shows at
 * once; what a write stores comes back here.
 */
export const usePracticeSheetsStore = defineStore('practiceSheets', () => {
  const writer = editWriter()
  const organisation = ref<Organisation | null>(null)
  const sheets = ref<PracticeSheet[]>([])
  /** The guides the sheets are written against, by `id@version`. */
  const guides = shallowRef(new Map<string, GuideIndex>())
  const isLoaded = ref(false)
  const loadFailed = ref(false)
  let request = 0

  writer.onStored('practiceSheet', (key, stored) => {
    if (key.scope !== organisation.value?.id || !stored || writer.hasUnsaved(key)) return
    const at = sheets.value.findIndex((s) => s.id === stored.id)
    if (at >= 0) sheets.value[at] = stored
    else sheets.value.push(stored)
  })

  async function load(organisationId: string) {
    const mine = ++request
    loadFailed.value = false
    if (organisation.value?.id !== organisationId) isLoaded.value = false
    await writer.replay()
    const [owner, list, assessments] = await Promise.all([
      getOrganisation(organisationId),
      listPracticeSheets(organisationId),
      listAssessments(organisationId),
    ])
    if (mine !== request) return
    if (!owner) {
      loadFailed.value = true
      return
    }
    const refs = new Map([
      [guideKey(CURRENT_GUIDE), CURRENT_GUIDE],
      ...list.map((s) => [guideKey(s), { guideId: s.guideId, guideVersion: s.guideVersion }] as const),
    ])
    const loaded = new Map<string, GuideIndex>()
    for (const [key, ref] of refs) {
      try {
        loaded.set(key, await loadGuideIndex(ref))
      } catch (error) {
        console.error('Guide not found for a sheet', ref, error)
      }
    }
    const latest = assessments.reduce<(typeof assessments)[number] | undefined>(
      (a, b) => (!a || b.year > a.year ? b : a),
      undefined,
    )
    const latestRef = latest ? { guideId: latest.guideId, guideVersion: latest.guideVersion } : CURRENT_GUIDE
    if (!loaded.has(guideKey(latestRef))) {
      try {
        loaded.set(guideKey(latestRef), await loadGuideIndex(latestRef))
      } catch {
        // Not on this device: new sheets use the national guide.
      }
    }
    if (mine !== request) return
    defaultGuide.value = loaded.has(guideKey(latestRef)) ? latestRef : CURRENT_GUIDE
    organisation.value = owner
    sheets.value = list.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
    guides.value = loaded
    isLoaded.value = true
  }

  const guideOf = (sheet: Pick<PracticeSheet, 'guideId' | 'guideVersion'>) => guides.value.get(guideKey(sheet)) ?? null

  /** The guide a new sheet is written against: the one of the organisation's latest exercise (a network's, maybe). */
  const defaultGuide = shallowRef<GuideRef>(CURRENT_GUIDE)

  /** A new sheet, created now (with what is known: the question it comes from) so that it is listed at once. */
  async function create(start: Partial<PracticeSheetFields>, guide: GuideRef = defaultGuide.value): Promise<string> {
    const owner = organisation.value
    if (!owner) throw new Error('No organisation loaded')
    const id = newPracticeSheetId()
    const now = new Date().toISOString()
    const index = await loadGuideIndex(guide)
    guides.value = new Map(guides.value).set(guideKey(guide), index)
    sheets.value.unshift({
      ...EMPTY_SHEET,
      ...start,
      id,
      organisationId: owner.id,
      guideId: guide.guideId,
      guideVersion: guide.guideVersion,
      createdAt: now,
      updatedAt: now,
    })
    writer.edit(editKeys.practiceSheet(owner.id, id), {
      ...start,
      guideId: guide.guideId,
      guideVersion: guide.guideVersion,
    })
    await writer.flush((key) => key.kind === 'practiceSheet' && key.id === id)
    return id
  }

  function edit(sheetId: string, patch: PracticeSheetPatch, typed = false) {
    const owner = organisation.value
    const at = sheets.value.findIndex((s) => s.id === sheetId)
    if (!owner || at < 0) return
    const shown = sheets.value[at]!
    sheets.value[at] = { ...shown, ...patch }
    writer.edit(editKeys.practiceSheet(owner.id, sheetId), patch, { typed, base: baseOf(shown, patch) })
  }

  async function remove(sheetId: string) {
    const owner = organisation.value
    if (!owner) return
    await writer.flush((key) => key.kind === 'practiceSheet' && key.id === sheetId)
    await deletePracticeSheet(sheetId)
    sheets.value = sheets.value.filter((s) => s.id !== sheetId)
  }

  /** Shareable sheets (or the ones given), as a sheet file and its name. */
  async function sheetFile(only: PracticeSheet[]) {
    const owner = organisation.value
    if (!owner) throw new Error('No organisation loaded')
    await writer.flush((key) => key.kind === 'practiceSheet')
    const shared = only.flatMap((s) => {
      const guide = guideOf(s)
      return guide ? [shareSheet(s, owner, guide)] : []
    })
    return sheetsFile(shared, APP_VERSION)
  }

  return { organisation, sheets, guides, isLoaded, loadFailed, load, guideOf, create, edit, remove, sheetFile }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(usePracticeSheetsStore, import.meta.hot))
