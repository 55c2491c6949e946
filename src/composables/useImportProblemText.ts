import { useI18n } from 'vue-i18n'
import type { ImportProblem } from '@/domain/backup/problems'

/** A refused file's problem in words; its `expected` and `problem` values are themselves message keys. */
export function useImportProblemText() {
  const { t } = useI18n()
  return (problem: ImportProblem) => {
    const { expected, problem: why, found } = problem.params
    return t(problem.key, {
      ...problem.params,
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
