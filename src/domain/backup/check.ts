import { guideCatalog, knowsGuide, loadGuide } from '../guide/registry.ts'
import { GuideSchema, type Guide } from '../guide/schema.ts'
import { sameGuide } from '../guide/networkGuide.ts'
import { guideRefsOf, readBackupJson, validateBackup, type ParseOptions, type ParseResult } from './parse.ts'

/**
 * A backup file's text, checked as the app checks it: JSON, then the guide versions it names loaded from the guide
 * catalogue, then the whole file. The import page and the import's property test both come through here.
 */
export async function checkBackupText(text: string, options: ParseOptions = {}): Promise<ParseResult> {
  const read = readBackupJson(text)
  if (!('json' in read)) return read
  const carried = carriedGuides(read.json)
  // A guide the file brings may not differ from the one of the same id and version already here.
  for (const [i, guide] of carried.entries()) {
    const ref = { guideId: guide.id, guideVersion: guide.version }
    if ((await knowsGuide(ref)) && !sameGuide(await loadGuide(ref), guide)) {
      return {
        ok: false,
        problems: [
          {
            path: `guides[${i}]`,
            key: 'import.problem.guideConflict',
            params: { value: `${guide.id} v${guide.version}` },
          },
        ],
        truncated: 0,
      }
    }
  }
  return validateBackup(read.json, await guideCatalog(guideRefsOf(read.json), carried), options)
}

/** The guides a file brings that read as guides (the others are refused, located, by the validation). */
function carriedGuides(json: unknown): Guide[] {
  const guides = (json as { guides?: unknown } | null)?.guides
  return Array.isArray(guides) ? guides.flatMap((g) => GuideSchema.safeParse(g).data ?? []) : []
}
