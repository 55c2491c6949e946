// Generates a facilitator's portfolio as a Cap ESS backup file: organisations × ten exercises × every question
// answered with a note, indicator values, objectives and actions. Used by bench/run.mjs; the import validates it
// with the app's own schema, so a generator drift shows up as a refused file.
import { readFileSync } from 'node:fs'

const guide = JSON.parse(readFileSync(new URL('../guide-data/guide.csess-2016.v1.json', import.meta.url), 'utf8'))
const questions = guide.themes.flatMap((t) => t.domaines.flatMap((d) => d.questions.map((q) => q.id)))
const numericIndicators = guide.themes.flatMap((t) =>
  t.indicators.filter((i) => ['percent', 'number', 'hours', 'euros'].includes(i.unit)).map((i) => i.id),
)
const themes = guide.themes.map((t) => t.id)
const FORMS = ['association', 'scop', 'scic', 'cooperative-other', 'mutuelle', 'fondation', 'societe-commerciale-ess']
const REGIONS = ['84', '27', '53', '24', '44', '32', '11', '28', '75', '76', '52', '93']

let seed = 42
const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31
const pick = (list) => list[Math.floor(random() * list.length)]
const iso = (year, month, day) => new Date(Date.UTC(year, month - 1, day, 9, 0, 0)).toISOString()
const id = (prefix, ...parts) => `${prefix}-${parts.join('-')}`

export function portfolio(organisations, years = 10, firstYear = 2016) {
  return {
    format: 'cap-ess',
    formatVersion: 2,
    exportedAt: new Date().toISOString(),
    appVersion: 'bench',
    scope: 'all',
    organisations: Array.from({ length: organisations }, (_, o) => {
      const assessments = Array.from({ length: years }, (_, y) => {
        const year = firstYear + y
        const assessmentId = id('a', o, year)
        const completed = y < years - 1
        const answers = questions.map((questionId, q) => ({
          questionId,
          response:
            (q + y) % 17 === 0
              ? { kind: 'na', reason: 'Ne nous concerne pas cette année' }
              : { kind: 'level', level: Math.min(4, Math.floor(random() * 3) + Math.floor(y / 4)) },
          note: `Exercice ${year} : constat partagé en bureau, pièces au dossier « ${questionId} ». Prochaine étape à décider en CA.`,
          evidence: q % 5 === 0 ? ['PV d’AG', 'Rapport d’activité'] : [],
          applicabilityOverride: null,
          carriedOver: false,
          updatedAt: iso(year + 1, 3, 1),
        }))
        return {
          id: assessmentId,
          year,
          guideId: 'csess-2016',
          guideVersion: 1,
          status: completed ? 'completed' : 'draft',
          retainedThemeIds: themes,
          participants: 'Bureau, direction, deux salarié·es',
          previousAssessmentId: y > 0 ? id('a', o, year - 1) : null,
          completedAt: completed ? iso(year + 1, 4, 1) : null,
          // The snapshot is what completion would have frozen; the app recomputes nothing for old years.
          snapshot: completed
            ? {
                takenAt: iso(year + 1, 4, 1),
                guideId: 'csess-2016',
                guideVersion: 1,
                scoringVersion: 1,
                // Sums of the themes' figures, as scoring makes them (a summary that says otherwise is refused).
                global: {
                  score: 0.5,
                  answered: 8 * guide.themes.length,
                  applicable: 9 * guide.themes.length,
                  coverage: 8 / 9,
                },
                themes: guide.themes.map((t) => ({
                  themeId: t.id,
                  score: Math.min(1, 0.2 + y * 0.07),
                  answered: 8,
                  applicable: 9,
                  coverage: 8 / 9,
                  domaines: t.domaines.map((d) => ({
                    domaineId: d.id,
                    score: 0.5,
                    answered: 1,
                    applicable: 1,
                    coverage: 1,
                  })),
                })),
              }
            : null,
          presentedAt: completed ? `${year + 1}-06-15` : null,
          createdAt: iso(year + 1, 2, 1),
          updatedAt: iso(year + 1, 4, 1),
          indicatorValues: numericIndicators.map((indicatorId) => ({
            indicatorId,
            value: Math.round(random() * 100),
            note: '',
            updatedAt: iso(year + 1, 3, 1),
          })),
          objectives: questions.slice(0, 10).map((subjectId) => ({
            subjectKind: 'question',
            subjectId,
            comparator: 'at-least',
            oneYear: 3,
            threeYear: 4,
            updatedAt: iso(year + 1, 3, 1),
          })),
          answers,
        }
      })
      return {
        id: id('org', o),
        name: `Organisation ${o + 1} (${pick(['Ressourcerie', 'SCIC énergie', 'Mutuelle', 'Épicerie solidaire', 'Fondation'])})`,
        legalForm: pick(FORMS),
        employees: Math.floor(random() * 120),
        volunteers: Math.floor(random() * 60),
        members: Math.floor(random() * 2000),
        region: pick(REGIONS),
        siren: null,
        createdAt: iso(firstYear, 1, 10),
        updatedAt: iso(firstYear + years, 1, 10),
        customIndicators: [],
        actions: Array.from({ length: 20 }, (_, a) => ({
          id: id('act', o, a),
          originAssessmentId: id('a', o, firstYear + (a % years)),
          title: `Action ${a + 1} : ${pick(['former le bureau', 'écrire la charte', 'mesurer la participation', 'réduire les déchets'])}`,
          description: 'Décidée en AG, suivie en CA.',
          themeId: pick(themes),
          questionId: null,
          indicatorId: null,
          owner: pick(['Claire', 'Paul', 'Aïcha', 'Marc']),
          dueDate: `${firstYear + years + 1}-06-30`,
          priority: pick(['high', 'normal', 'low']),
          status: a % 4 === 0 ? 'done' : 'todo',
          doneAt: a % 4 === 0 ? iso(firstYear + years, 2, 1) : null,
          createdAt: iso(firstYear + (a % years), 5, 1),
          updatedAt: iso(firstYear + (a % years), 5, 1),
        })),
        assessments,
      }
    }),
  }
}

const guideV2 = JSON.parse(readFileSync(new URL('../guide-data/guide.csess-2016.v2.json', import.meta.url), 'utf8'))
const scoredV2 = guideV2.themes.flatMap((t) =>
  t.domaines.flatMap((d) => d.questions.filter((q) => (q.kind ?? 'maturity') === 'maturity').map((q) => q.id)),
)

/**
 * The shape of the portfolio an outside walk wrote by hand in today's format: many small organisations with three or
 * four exercises each on guide version 2 (all but the last completed, their snapshots with the profile), 27 to 65
 * answers each with no note (a quarter of them « non applicable », « je ne sais pas » or empty), few actions, no
 * indicators or objectives. About 10.5 MB for 200 organisations: many small records, where the portfolio above has
 * fewer, larger ones.
 */
export function walkPortfolio(organisations) {
  seed = 7
  return {
    format: 'cap-ess',
    formatVersion: 2,
    exportedAt: new Date().toISOString(),
    appVersion: 'bench',
    scope: 'all',
    organisations: Array.from({ length: organisations }, (_, o) => {
      const legalForm = pick(FORMS)
      const profile = {
        legalForm,
        employees: Math.floor(random() * 40),
        volunteers: Math.floor(random() * 30),
        members: 5 + Math.floor(random() * 200),
      }
      const count = 3 + (o % 2)
      const years = Array.from({ length: count }, (_, y) => 2026 - count + 1 + y)
      return {
        id: id('walk', o),
        name: `Client ${o + 1}`,
        ...profile,
        region: pick(REGIONS),
        siren: null,
        tags: [],
        createdAt: iso(2025, 11, 2),
        updatedAt: iso(2026, 2, 10),
        customIndicators: [],
        actions: Array.from({ length: o % 2 ? 0 : 2 }, (_, a) => ({
          id: id('walk-act', o, a),
          originAssessmentId: id('walk-a', o, years.at(-1)),
          title: `Action ${a + 1}`,
          description: '',
          themeId: null,
          questionId: null,
          indicatorId: null,
          owner: '',
          dueDate: null,
          priority: 'normal',
          status: 'todo',
          doneAt: null,
          createdAt: iso(2026, 1, 5),
          updatedAt: iso(2026, 1, 5),
        })),
        assessments: years.map((year, y) => {
          const completed = y < count - 1
          // A completed exercise was worked on the year after; the current draft this year (never in the future).
          const at = completed ? year + 1 : year
          const answered = scoredV2.slice(0, 27 + Math.floor(random() * 39))
          const answers = answered.map((questionId) => {
            const r = random()
            return {
              questionId,
              response:
                r < 0.75
                  ? { kind: 'level', level: Math.floor(random() * 5) }
                  : r < 0.86
                    ? { kind: 'na', reason: '' }
                    : r < 0.93
                      ? { kind: 'unknown' }
                      : null,
              note: '',
              evidence: [],
              applicabilityOverride: null,
              carriedOver: false,
              updatedAt: iso(at, 3, 28),
            }
          })
          const levels = answers.filter((a) => a.response?.kind === 'level').length
          return {
            id: id('walk-a', o, year),
            year,
            guideId: 'csess-2016',
            guideVersion: 2,
            status: completed ? 'completed' : 'draft',
            retainedThemeIds: guideV2.themes.map((t) => t.id),
            participants: '',
            previousAssessmentId: null,
            completedAt: completed ? iso(year + 1, 4, 2) : null,
            snapshot: completed
              ? {
                  takenAt: iso(year + 1, 4, 2),
                  guideId: 'csess-2016',
                  guideVersion: 2,
                  scoringVersion: 1,
                  global: { score: 0.5, answered: levels, applicable: 69, coverage: levels / 69 },
                  themes: guideV2.themes.map((t) => ({
                    themeId: t.id,
                    score: 0.5,
                    answered: 4,
                    applicable: 8,
                    coverage: 0.5,
                    domaines: t.domaines.map((d) => ({
                      domaineId: d.id,
                      score: 0.5,
                      answered: 1,
                      applicable: 2,
                      coverage: 0.5,
                    })),
                  })),
                  profile,
                }
              : null,
            presentedAt: completed ? `${year + 1}-06-02` : null,
            createdAt: iso(at, 2, 22),
            updatedAt: iso(at, completed ? 4 : 3, completed ? 2 : 28),
            indicatorValues: [],
            objectives: [],
            answers,
          }
        }),
      }
    }),
  }
}
