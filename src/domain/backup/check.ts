import { guideCatalog } from '../guide/registry.ts'
import { guideRefsOf, readBackupJson, validateBackup, type ParseOptions, type ParseResult } from './parse.ts'

/**
 * A backup file's text, checked as the app checks it: JSON, then the guide versions it names loaded from the guide
 * catalogue, then the whole file. The import page and the import's property test both come through here.
 */
export async function checkBackupText(text: string, options: ParseOptions = {}): Promise<ParseResult> {
  const read = readBackupJson(text)
  if (!('json' in read)) return read
  return validateBackup(read.json, await guideCatalog(guideRefsOf(read.json)), options)
}
