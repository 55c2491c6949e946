import { useI18n } from 'vue-i18n'
import type { ImportProblem } from '@/domain/backup/problems'

/** Counts and limits read as numbers (« 50 000 »); other numbers (a year, a level) stay as they are. */
const AMOUNTS = ['count', 'max', 'min', 'answered', 'applicable']

/** A refused file's problem in words; its `expected` and `problem` values are themselves message keys. */
export function useImportProblemText() {
  const { t, n } = useI18n()
  return (problem: ImportProblem) => {
    const { expected, problem: why, found } = problem.params
    const amounts = Object.fromEntries(
      AMOUNTS.flatMap((key) =>
        typeof problem.params[key] === 'number' ? [[key, n(problem.params[key] as number)]] : [],
      ),
    )
    return t(problem.key, {
      ...problem.params,
      ...amounts,
      ...(expected
        ? {
            expected:
              problem.key === 'files.problem.otherKind'
                ? t(`files.kind.${expected}`)
                : t(`import.expected.${expected}`),
          }
        : {}),
      ...(found ? { found: t(`files.kind.${found}`) } : {}),
      ...(why ? { problem: t(String(why)) } : {}),
    })
  }
}
