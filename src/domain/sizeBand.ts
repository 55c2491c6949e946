import { lazySchema, z } from './zod.ts'

/**
 * Size bands by headcount (salarié·es), the INSEE thresholds (micro-entreprise < 10, PME < 250): what a network
 * shows about an organisation's size without giving its exact headcount, which could identify it.
 */
export const SIZE_BANDS = ['0', '1-9', '10-49', '50-249', '250+'] as const
export const SizeBandSchema = lazySchema(() => z.enum(SIZE_BANDS))
export type SizeBand = z.infer<typeof SizeBandSchema>

export function sizeBandOf(employees: number): SizeBand {
  if (employees <= 0) return '0'
  if (employees < 10) return '1-9'
  if (employees < 50) return '10-49'
  if (employees < 250) return '50-249'
  return '250+'
}
