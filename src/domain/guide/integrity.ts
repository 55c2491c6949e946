import type { Guide } from './schema.ts'

/**
 * Checks zod cannot express: ids unique across the whole guide, and every reference resolving.
 * Returns messages prefixed with the path of the offending item.
 */
export function guideIntegrityProblems(guide: Guide): string[] {
  const problems: string[] = []
  const seen = new Map<string, string>()
  const claim = (id: string, path: string) => {
    const first = seen.get(id)
    if (first) problems.push(`${path}.id: l’identifiant « ${id} » est déjà utilisé par ${first}`)
    else seen.set(id, path)
  }
  const numbers = new Set<number>()

  guide.themes.forEach((theme, t) => {
    const tp = `themes[${t}]`
    claim(theme.id, tp)
    if (numbers.has(theme.number)) problems.push(`${tp}.number: le numéro ${theme.number} est déjà pris`)
    numbers.add(theme.number)
    theme.domaines.forEach((domaine, d) => {
      claim(domaine.id, `${tp}.domaines[${d}]`)
      domaine.questions.forEach((question, q) => claim(question.id, `${tp}.domaines[${d}].questions[${q}]`))
    })
    theme.indicators.forEach((indicator, i) => claim(indicator.id, `${tp}.indicators[${i}]`))
  })
  guide.documents.forEach((doc, i) => claim(doc.id, `documents[${i}]`))

  const questionIds = new Set(guide.themes.flatMap((t) => t.domaines.flatMap((d) => d.questions.map((q) => q.id))))
  guide.themes.forEach((theme, t) => {
    const domaineIds = new Set(theme.domaines.map((d) => d.id))
    theme.indicators.forEach((indicator, i) => {
      if (!domaineIds.has(indicator.domaineId)) {
        problems.push(
          `themes[${t}].indicators[${i}].domaineId: « ${indicator.domaineId} » n’est pas un domaine de ce thème`,
        )
      }
      if (indicator.unit === 'percent-by-category' && !indicator.categories) {
        problems.push(`themes[${t}].indicators[${i}].categories: obligatoires pour un pourcentage par catégorie`)
      }
    })
    const indicatorIds = new Set(theme.indicators.map((i) => i.id))
    theme.domaines.forEach((domaine, d) =>
      domaine.questions.forEach((question, q) => {
        const qp = `themes[${t}].domaines[${d}].questions[${q}]`
        question.related?.forEach((ref, r) => {
          if (!questionIds.has(ref) || ref === question.id)
            problems.push(`${qp}.related[${r}]: « ${ref} » ne renvoie à aucune autre question`)
        })
        // A fact is kept in one of the theme's indicators; only a maturity question has levels to explain.
        if (question.kind === 'fact' && !question.indicatorId)
          problems.push(`${qp}.indicatorId: obligatoire pour une question factuelle`)
        if (question.indicatorId && !indicatorIds.has(question.indicatorId)) {
          problems.push(`${qp}.indicatorId: « ${question.indicatorId} » n’est pas un indicateur de ce thème`)
        }
        if (question.indicatorId && question.kind !== 'fact')
          problems.push(`${qp}.indicatorId: seulement pour une question factuelle`)
      }),
    )
  })
  guide.documents.forEach((doc, i) =>
    doc.evidenceFor.forEach((ref, r) => {
      if (!seen.has(ref))
        problems.push(`documents[${i}].evidenceFor[${r}]: « ${ref} » ne renvoie à aucun élément du guide`)
    }),
  )
  if (guide.migration) {
    const { fromVersion, renamed, removed } = guide.migration
    if (fromVersion >= guide.version)
      problems.push(`migration.fromVersion: ${fromVersion} doit précéder la version ${guide.version}`)
    for (const [from, to] of Object.entries(renamed)) {
      if (!seen.has(to)) problems.push(`migration.renamed.${from}: « ${to} » n’existe pas dans cette version`)
      if (seen.has(from))
        problems.push(`migration.renamed.${from}: l’ancien identifiant existe encore dans cette version`)
    }
    removed.forEach((id, i) => {
      if (seen.has(id)) problems.push(`migration.removed[${i}]: « ${id} » existe encore dans cette version`)
    })
    const kinds = new Map(
      guide.themes.flatMap((th) => th.domaines.flatMap((dm) => dm.questions.map((qu) => [qu.id, qu.kind] as const))),
    )
    guide.migration.notesOnly.forEach((id, i) => {
      if (kinds.get(id) === undefined)
        problems.push(`migration.notesOnly[${i}]: « ${id} » n’existe pas dans cette version`)
      else if (kinds.get(id) === 'maturity')
        problems.push(`migration.notesOnly[${i}]: « ${id} » est encore une question notée`)
    })
  }
  return problems
}
