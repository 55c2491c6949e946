import { execFileSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { expect, test, type Download, type Page } from '@playwright/test'
import { portfolio } from '../../bench/portfolio.mjs'
import { frenchNumber, parseCsv } from '../fixtures/csv'
import { expectNoAxeViolations } from './axe'
import { waitSaved } from './helpers'

const NAME = 'Ressourcerie Cœur d’Œuvre – Épinal'

/** One organisation, three exercises, every question answered with a note, twenty actions, an amount in euros. */
function backupFile(path: string) {
  const file = portfolio(1, 3, 2023)
  const org = file.organisations[0]
  org.name = NAME
  org.customIndicators = [
    {
      id: 'custom.budget-formation',
      label: 'Budget de formation',
      themeId: 'employment',
      unit: 'euros',
      createdAt: '2024-01-10T09:00:00.000Z',
    },
  ]
  const last = org.assessments.at(-1)!
  // Completed but not yet presented: the debate is written after completion, when the answers are locked.
  Object.assign(last, {
    status: 'completed',
    completedAt: '2026-04-01T09:00:00.000Z',
    snapshot: { ...(org.assessments[0].snapshot as object), takenAt: '2026-04-01T09:00:00.000Z' },
  })
  last.indicatorValues.push({
    indicatorId: 'custom.budget-formation',
    value: 1234.56,
    note: 'Plan de développement des compétences',
    updatedAt: '2026-03-01T09:00:00.000Z',
  })
  writeFileSync(path, JSON.stringify(file))
  return { file, org, last }
}

async function importFile(page: Page, path: string) {
  await page.goto('/donnees')
  await page.getByLabel('Fichier de sauvegarde (.json)').setInputFiles(path)
  await expect(page.getByTestId('import-preview')).toContainText('Une organisation sera ajoutée')
  await page.getByRole('button', { name: 'Importer' }).click()
  await expect(page.getByTestId('import-done')).toContainText('1 ajoutée(s)')
}

async function download(page: Page, testId: string): Promise<Download> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()])
  return file
}

// The service worker would answer the font requests from its cache; this spec routes them itself (offline.spec covers the worker).
test.use({ serviceWorkers: 'block' })

const run = (command: string, ...args: string[]) => execFileSync(command, args, { encoding: 'utf8' })

test('the AG report: debate recorded after completion, PDF checked with poppler, CSV read back', async ({
  page,
}, info) => {
  const { org, last } = backupFile(info.outputPath('portfolio.json'))
  await importFile(page, info.outputPath('portfolio.json'))
  // A completed exercise not yet presented: the organisation's next step leads to the AG report.
  await page.goto('/')
  await page.getByRole('link', { name: NAME }).click()
  await expect(page.getByTestId('next-step')).toContainText('préparez le rapport pour l’assemblée générale')
  await page.getByTestId('next-step').getByRole('link', { name: 'Rapport AG, date et débat éventuel' }).click()
  await expect(page).toHaveURL(new RegExp(`/evaluations/${last.id}/rapport$`))
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Rapport pour l’assemblée générale : exercice 2025')
  await expect(page.getByTestId('report-preview')).toContainText(NAME)
  await expectNoAxeViolations(page, 'report page')

  // The approach and the debate are saved as they are typed, and survive a reload.
  await page
    .getByLabel('Pourquoi ces thèmes, comment vous avez travaillé')
    .fill('Le bureau a retenu les huit thèmes ; deux ateliers « bonnes pratiques » avec l’équipe.')
  await page
    .getByLabel('Questions soulevées en AG (lors du débat, le cas échéant)')
    .fill('Faut-il réduire l’écart de rémunération ?')
  await page.getByLabel('Date de l’assemblée générale').fill('2031-06-20')
  await expect(
    page.getByText('L’assemblée générale a lieu entre 2025 et 2027 pour cet exercice : vérifiez l’année.'),
  ).toBeVisible()
  await page.getByLabel('Date de l’assemblée générale').fill('2026-06-20')
  await waitSaved(page)
  await page.reload()
  await expect(page.getByLabel('Questions soulevées en AG (lors du débat, le cas échéant)')).toHaveValue(
    'Faut-il réduire l’écart de rémunération ?',
  )
  await expect(page.getByLabel('Date de l’assemblée générale')).toHaveValue('2026-06-20')

  // Printed, the page is the report alone: no header, buttons or form.
  await page.emulateMedia({ media: 'print' })
  await expect(page.getByTestId('report-preview')).toBeVisible()
  for (const hidden of [
    page.getByRole('banner'),
    page.getByTestId('pdf-ag'),
    page.getByLabel('Questions soulevées en AG (lors du débat, le cas échéant)'),
  ])
    await expect(hidden).toBeHidden()
  await page.emulateMedia({ media: 'screen' })

  // A PDF that cannot be made says why, and nothing typed is lost.
  await page.route('**/*.ttf', (route) => route.abort())
  await page.getByTestId('pdf-ag').click()
  await expect(page.getByTestId('report-problem')).toHaveText(
    'Le PDF n’a pas pu être créé (la police de caractères n’a pas pu être chargée). Vos données ne sont pas touchées : réessayez, ou imprimez cette page.',
  )
  await expect(page.getByLabel('Questions soulevées en AG (lors du débat, le cas échéant)')).toHaveValue(
    'Faut-il réduire l’écart de rémunération ?',
  )
  await expectNoAxeViolations(page, 'report page with a PDF error')
  await page.unroute('**/*.ttf')

  // The PDF, made in the page.
  const pdf = await download(page, 'pdf-ag')
  expect(pdf.suggestedFilename()).toBe('cap-ess-rapport-ag-ressourcerie-coeur-d-oeuvre-epinal-2025.pdf')
  await expect(page.getByTestId('report-status')).toContainText('a été créé')
  const pdfPath = info.outputPath('rapport.pdf')
  await pdf.saveAs(pdfPath)
  const text = run('pdftotext', '-enc', 'UTF-8', pdfPath, '-').replace(/[ \t]+\n/g, '\n')
  const flat = text.replace(/\s+/g, ' ')
  expect(flat).toContain(NAME)
  expect(flat).toContain('Présenté à l’assemblée générale du 20 juin 2026')
  expect(flat).toContain('Auto-évaluation terminée le 1er avril 2026')
  expect(flat).not.toContain('document de travail')
  // French amounts have a narrow no-break space (U+202F): drawn with DejaVu, it reads back as a space, where
  // jsPDF's own Helvetica prints « 1 /234,56 € ».
  await expect(page.getByTestId('report-preview')).toContainText('Budget de formation\u00a0: 1\u202f234,56\u00a0€')
  expect(flat).toMatch(/Budget de formation Plan de développement des compétences 1 234,56 €/)
  expect(text).not.toContain('/234')
  for (const word of [
    'Démarche',
    'Thèmes retenus',
    'Faut-il réduire l’écart de rémunération ?',
    'deux ateliers « bonnes pratiques »',
    'Points forts',
    'Axes de progrès',
    'Annexe : toutes les réponses',
    'Sommaire',
  ]) {
    expect(flat.toLowerCase()).toContain(word.toLowerCase())
  }
  const guide = JSON.parse(readFileSync('guide-data/guide.csess-2016.v2.json', 'utf8')) as {
    themes: { officialTitle: string }[]
  }
  for (const theme of guide.themes) expect(flat).toContain(theme.officialTitle.replace(/\s+/g, ' '))
  // Every word comes from the messages: no key is printed raw (dynamic ones such as trends and answer states included).
  expect(flat).not.toMatch(/\b(report|pdf)\.[a-z]/)
  expect(flat).toMatch(/en (hausse|baisse)|stable/)
  // French typography whatever typed the text: no line starts with a lone « ? », « : » or « ; ».
  expect(text).not.toMatch(/^\s*[?!;:»%]/m)
  // Words, not marks: « 50 sur 100 »; the level names of the scale file; plurals that agree; one parenthesis.
  expect(flat).toMatch(/Score global : \d+ sur 100/)
  expect(flat).toContain('de 0 (pas commencé) à 4 (évaluée et améliorée)')
  expect(flat).not.toMatch(/question\(s\)|stable\(s\)|pratique exemplaire|\)\)/)
  // Once the debate is written down, its page reports it instead of asking to fill it in.
  expect(flat).toContain('Ce que l’assemblée générale a soulevé et retenu.')
  // Every note is in the annex (checked on one, long enough to wrap).
  expect(flat).toContain('Exercice 2025 : constat partagé en bureau')
  const pages = Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', pdfPath))![1])
  expect(pages).toBeGreaterThan(10)
  expect(flat).toContain(`Page 2 / ${pages}`)
  const info2 = run('pdfinfo', pdfPath)
  expect(info2).toMatch(/Title:\s+Ressourcerie Cœur d’Œuvre – Épinal\s:\sbonnes pratiques de l’ESS, exercice 2025/)
  expect(readFileSync(pdfPath, 'latin1')).toContain('/Lang (fr-FR)')
  const fonts = run('pdffonts', pdfPath)
  // Regular and bold, both embedded (emb yes, sub yes); no standard font that lacks the French glyphs.
  const fontLines = fonts
    .split('\n')
    .slice(2)
    .filter((l) => l.trim())
  expect(fontLines).toHaveLength(2)
  for (const line of fontLines)
    expect(line).toMatch(/^DejaVuSans\S*\s+CID TrueType\s+Identity-H\s+yes\s+(yes|no)\s+yes/)

  // The employees' version: results and plan, no notes.
  const short = await download(page, 'pdf-employees')
  const shortPath = info.outputPath('salaries.pdf')
  await short.saveAs(shortPath)
  const shortText = run('pdftotext', '-enc', 'UTF-8', shortPath, '-').replace(/\s+/g, ' ')
  expect(shortText).toContain('ce que nous avons évalué')
  expect(shortText).toContain('Notre plan de progrès')
  expect(shortText).not.toContain('constat partagé en bureau')
  expect(Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', shortPath))![1])).toBeLessThanOrEqual(4)

  // The CSV files read back into the data they came from.
  const answersFile = await download(page, 'csv-answers')
  expect(answersFile.suggestedFilename()).toBe('cap-ess-reponses-ressourcerie-coeur-d-oeuvre-epinal-2025.csv')
  const answerRows = parseCsv(readFileSync(await answersFile.path(), 'utf8'))
  expect(answerRows[0].slice(0, 5)).toEqual(['N° du thème', 'Thème', 'Domaine d’action', 'Identifiant', 'Question'])
  const byQuestion = new Map(answerRows.slice(1).map((r) => [r[3], r]))
  const unscored = new Set(
    (guide.themes as unknown as { domaines: { questions: { id: string; kind?: string }[] }[] }[])
      .flatMap((t) => t.domaines.flatMap((d) => d.questions))
      .filter((q) => (q.kind ?? 'maturity') !== 'maturity')
      .map((q) => q.id),
  )
  expect(byQuestion.size).toBe(last.answers.length)
  for (const a of last.answers) {
    const row = byQuestion.get(a.questionId)!
    expect(row[9]).toBe(a.note)
    const response = a.response as { kind: string; level?: number }
    // A question the organisation's legal form excludes is reported as such, whatever the file holds.
    const excluded = row[5] === 'Non applicable (profil)'
    // So is a question today's guide no longer scores (a fact or a reflection): its note stays, its level goes.
    const scored = !unscored.has(a.questionId)
    expect(row[6]).toBe(response.kind === 'level' && !excluded && scored ? String(response.level) : '')
    expect(row[10]).toBe(a.evidence.join(' | '))
  }
  expect(answerRows.slice(1).filter((r) => r[6] !== '').length).toBeGreaterThan(50)
  const indicatorRows = parseCsv(readFileSync(await (await download(page, 'csv-indicators')).path(), 'utf8'))
  const column = (title: string) => indicatorRows[0].indexOf(title)
  expect(indicatorRows[0]).toEqual(expect.arrayContaining(['Valeur 2025', 'Valeur 2024', 'Sens de l’objectif', 'Note']))
  const budget = indicatorRows.find((r) => r[2] === 'custom.budget-formation')!
  expect(frenchNumber(budget[column('Valeur 2025')])).toBe(1234.56)
  expect(budget[column('Note')]).toBe('Plan de développement des compétences')
  // The generator sets every numeric guide indicator each year: this year's and last year's values are both there.
  const previousValues = new Map(
    (org.assessments[1].indicatorValues as { indicatorId: string; value: number }[]).map((v) => [
      v.indicatorId,
      v.value,
    ]),
  )
  for (const row of indicatorRows.slice(1).filter((r) => previousValues.has(r[2])))
    expect(frenchNumber(row[column('Valeur 2024')])).toBe(previousValues.get(row[2]))
  const actionRows = parseCsv(readFileSync(await (await download(page, 'csv-actions')).path(), 'utf8'))
  const titles = new Set(org.actions.map((a) => a.title))
  expect(actionRows.length - 1).toBeGreaterThan(0)
  expect(actionRows.slice(1).every((r) => titles.has(r[0]))).toBe(true)
  // Open actions are all there (the generator leaves 15 of 20 open).
  expect(actionRows.slice(1).filter((r) => r[2] === 'À faire')).toHaveLength(
    org.actions.filter((a) => a.status === 'todo').length,
  )

  // In English, the headings and the words of the PDF follow the interface (the guide's own texts stay French).
  await page.getByRole('button', { name: 'English' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Report for the general assembly (AG): 2025 financial year',
  )
  const english = await download(page, 'pdf-ag')
  const englishPath = info.outputPath('report-en.pdf')
  await english.saveAs(englishPath)
  const englishText = run('pdftotext', '-enc', 'UTF-8', englishPath, '-').replace(/\s+/g, ' ')
  for (const words of [
    'Contents',
    'Our approach',
    'Overall results',
    'Theme by theme',
    'The debate at the general assembly (where appropriate)',
    'Annex: every answer',
    'Presented to the general assembly (AG) on 20 June 2026',
  ]) {
    expect(englishText).toContain(words)
  }
  expect(englishText).not.toMatch(/\b(report|pdf)\.[a-z]/)
  expect(readFileSync(englishPath, 'latin1')).toContain('/Lang (en-GB)')
})
