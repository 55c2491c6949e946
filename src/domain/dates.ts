/** YYYY-MM-DD of an instant in the local time zone: the day a person in France sees on the calendar. */
export function localDay(instant: Date | string = new Date()): string {
  const d = typeof instant === 'string' ? new Date(instant) : instant
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
}
