// The app loads the French texts of the network, the AG report and the workshop with their pages (loadMoreTexts);
// tests render those components and documents directly, so every French text is there from the start. A merged
// copy: the two files stay as they are, for the test that checks how they split.
import { i18n, type MessageSchema } from '@/i18n'
import first from '@/i18n/fr'
import more from '@/i18n/fr.more'

type Tree = { [key: string]: string | Tree }

function merged(a: Tree, b: Tree): Tree {
  const out: Tree = { ...a }
  for (const [k, v] of Object.entries(b))
    out[k] = typeof v === 'object' && typeof out[k] === 'object' ? merged(out[k] as Tree, v) : v
  return out
}

/** Every French text, both files together. */
export const allFrench = merged(structuredClone(first) as Tree, more as Tree)

i18n.global.setLocaleMessage('fr', allFrench as unknown as MessageSchema)
