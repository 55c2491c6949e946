import { describe, expect, it } from 'vitest'
import jsQR from 'jsqr'
import { encode } from 'uqr'

/** Draws the encoder's matrix as the camera would see it (4 pixels a module) and reads it back with the decoder. */
function readBack(text: string): string | undefined {
  const qr = encode(text, { ecc: 'M', border: 2 })
  const scale = 4
  const side = qr.size * scale
  const pixels = new Uint8ClampedArray(side * side * 4)
  for (let y = 0; y < side; y++) {
    for (let x = 0; x < side; x++) {
      const dark = qr.data[Math.floor(y / scale)][Math.floor(x / scale)]
      const i = (y * side + x) * 4
      pixels.set(dark ? [0, 0, 0, 255] : [255, 255, 255, 255], i)
    }
  }
  return jsQR(pixels, side, side)?.data
}

describe('QR codes of the workshop', () => {
  it('are read back by the camera’s decoder exactly as written, accents and « | » included', () => {
    const sheet = `CAPESS-P1|a-2025|csess-2016|2|9b2f6a3e-1c4d-4e8f-9a7b-2c3d4e5f6a7b|board|${'0123nu-'.repeat(11)}|${encodeURIComponent('Zoé | « la trésorière »')}`
    expect(readBack(sheet)).toBe(sheet)
    const link = `https://cap-ess.example/participer?s=${'eyJ2IjoxLCJhIjoiYS0yMDI1In0'.repeat(6)}`
    expect(readBack(link)).toBe(link)
  })
})
