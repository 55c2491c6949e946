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
                global: { score: 0.5, answered: 70, applicable: 78, coverage: 70 / 78 },
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
