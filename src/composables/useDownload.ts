/** Saves a file the user downloads (no server: the file is made in the page). */
export function downloadBlob(fileName: string, blob: Blob) {
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  document.body.append(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

export function downloadText(fileName: string, text: string | BlobPart[], type: string) {
  downloadBlob(fileName, new Blob(typeof text === 'string' ? [text] : text, { type }))
}
