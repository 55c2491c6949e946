import type { Table } from 'dexie'
import type { ItemSet } from './database'

/** A record that belongs to an assessment and says when it last changed (answer, indicator value, objective). */
interface Owned {
  assessmentId: string
  updatedAt: string
}

type SetTable<T extends Owned> = Table<ItemSet<Omit<T, 'assessmentId'>>, string>

/** The items of one assessment's set, each with its assessment's id again (the shape the rest of the app uses). */
export function itemsOf<T extends Owned>(set: ItemSet<Omit<T, 'assessmentId'>> | undefined): T[] {
  return set ? set.items.map((item) => ({ ...item, assessmentId: set.assessmentId }) as T) : []
}

/** The item of `set` that `matches`, with its assessment's id, or undefined. */
export function findItem<T extends Owned>(
  set: ItemSet<Omit<T, 'assessmentId'>> | undefined,
  matches: (item: Omit<T, 'assessmentId'>) => boolean,
): T | undefined {
  const item = set?.items.find(matches)
  return item && set ? ({ ...item, assessmentId: set.assessmentId } as T) : undefined
}

/** A set of these records (all of one assessment), dated by the newest; null when there is none. */
export function setOf<T extends Owned>(
  assessmentId: string,
  records: ReadonlyArray<Omit<T, 'assessmentId'>>,
): ItemSet<Omit<T, 'assessmentId'>> | null {
  if (records.length === 0) return null
  let updatedAt = records[0].updatedAt
  for (const record of records) if (record.updatedAt > updatedAt) updatedAt = record.updatedAt
  return { assessmentId, updatedAt, items: [...records] }
}

/** The record without one of its fields (the key of what holds it, which the holder keeps once). */
export function without<T extends object, K extends keyof T>(record: T, key: K): Omit<T, K> {
  const { [key]: _drop, ...rest } = record
  void _drop
  return rest
}

/** Strips the owner's id: the set holds it once. */
export function withoutOwner<T extends Owned>(record: T): Omit<T, 'assessmentId'> {
  return without(record, 'assessmentId')
}

/** Puts `record` into its assessment's set in place of the item that `matches` (or adds it), in the current transaction. */
export async function putItem<T extends Owned>(
  table: SetTable<T>,
  set: ItemSet<Omit<T, 'assessmentId'>> | undefined,
  record: T,
  matches: (item: Omit<T, 'assessmentId'>) => boolean,
): Promise<ItemSet<Omit<T, 'assessmentId'>>> {
  const item = withoutOwner(record)
  // In place of the first match (the order stays), any other match dropped: a record holds each item once.
  const first = set ? set.items.findIndex(matches) : -1
  const items = set ? set.items.filter((other, i) => i === first || !matches(other)) : []
  const at = items.findIndex(matches)
  if (at >= 0) items[at] = item
  else items.push(item)
  const updatedAt = set && set.updatedAt > record.updatedAt ? set.updatedAt : record.updatedAt
  const put = { assessmentId: record.assessmentId, updatedAt, items }
  await table.put(put)
  return put
}
