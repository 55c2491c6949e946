import { describe, expect, it } from 'vitest'
import { utf8Blobs } from '@/report/utf8Blobs'

const read = async (blobs: Blob[]) => new TextDecoder().decode(await new Blob(blobs).arrayBuffer())

describe('utf8Blobs', () => {
  it('keeps the text whole and in order across buffers, whatever the characters', async () => {
    // Pieces shorter, equal and longer than a 16-byte buffer; 1-, 2-, 3- and 4-byte characters.
    const pieces = [
      'a',
      'é',
      '’',
      '🎉',
      'Égalité « réelle »\u00a0: l’AG 🎉',
      '',
      'x'.repeat(16),
      '中文'.repeat(9),
      'fin',
    ]
    const bytes = utf8Blobs(16)
    for (const piece of pieces) bytes.add(piece)
    const blobs = bytes.finish()
    expect(blobs.length).toBeGreaterThan(3)
    expect(await read(blobs)).toBe(pieces.join(''))
    expect(new Blob(blobs).size).toBe(new TextEncoder().encode(pieces.join('')).length)
  })

  it('gives nothing for no text', () => {
    expect(utf8Blobs(16).finish()).toEqual([])
  })
})
