import { lazySchema, z } from './zod.ts'
import { localDay } from './dates.ts'
import { RECORD_ID_MAX, RecordIdSchema, hasVisibleCharacter } from './fields.ts'

/** The plan de progrès: actions live across exercises until done or dropped. */
export const ACTION_STATUSES = ['todo', 'doing', 'done', 'dropped'] as const
export const ActionStatusSchema = lazySchema(() => z.enum(ACTION_STATUSES))
export type ActionStatus = z.infer<typeof ActionStatusSchema>

export const ACTION_PRIORITIES = ['high', 'normal', 'low'] as const
export const ActionPrioritySchema = lazySchema(() => z.enum(ACTION_PRIORITIES))
export type ActionPriority = z.infer<typeof ActionPrioritySchema>

export const ACTION_TITLE_MAX = 200
export const ACTION_TEXT_MAX = 4000
export const ACTION_OWNER_MAX = 200

const optionalId = lazySchema(() =>
  z
    .string()
    .max(RECORD_ID_MAX)
    .nullable()
    .transform((s) => (s === '' ? null : s)),
)

/** An empty title or one with something to read (not only spaces or invisible characters). */
const titleField = lazySchema(() =>
  z
    .string()
    .trim()
    .max(ACTION_TITLE_MAX, { error: 'validation.tooLong' })
    .refine((s) => s === '' || hasVisibleCharacter(s), { error: 'validation.required' }),
)

/**
 * An action needs a title, except one made from a question in one click: it has none stored and is named after its
 * question when shown (« Progresser : … », « Improve: … »), in the reader's language and the guide's current words.
 */
export function hasTitle(a: { title: string; questionId: string | null }): boolean {
  return a.title.trim() !== '' || a.questionId !== null
}
const TITLE_REQUIRED = { error: 'validation.required', path: ['title'] }

/** The form's fields, each checked alone; `ActionInputSchema` adds the rule between title and question. */
export const ActionInputFieldsSchema = lazySchema(() =>
  z.strictObject({
    title: titleField,
    description: z.string().trim().max(ACTION_TEXT_MAX, { error: 'validation.tooLong' }),
    themeId: optionalId,
    questionId: optionalId,
    indicatorId: optionalId,
    owner: z.string().trim().max(ACTION_OWNER_MAX, { error: 'validation.tooLong' }),
    dueDate: z
      .string()
      .trim()
      .refine((s) => s === '' || z.iso.date().safeParse(s).success, { error: 'validation.date' })
      .transform((s) => (s === '' ? null : s)),
    priority: z.enum(ACTION_PRIORITIES, { error: 'validation.choose' }),
    status: z.enum(ACTION_STATUSES, { error: 'validation.choose' }),
  }),
)
export const ActionInputSchema = lazySchema(() => ActionInputFieldsSchema.refine(hasTitle, TITLE_REQUIRED))

/**
 * One change to an action, as the form sends it (the fields it changed). The first change of a new action also
 * says which exercise it comes from; the action is created by that change, with the defaults of the form.
 */
export const ActionPatchSchema = lazySchema(() =>
  ActionInputFieldsSchema.partial().extend({ originAssessmentId: RecordIdSchema.nullable().optional() }),
)
export type ActionPatch = z.input<typeof ActionPatchSchema>

/** What a new action holds before the user says otherwise (its title, or a question, is required before it can be stored). */
export const NEW_ACTION: z.output<typeof ActionInputFieldsSchema> = {
  title: '',
  description: '',
  themeId: null,
  questionId: null,
  indicatorId: null,
  owner: '',
  dueDate: null,
  priority: 'normal',
  status: 'todo',
}

/** The fields; `ActionSchema` adds the due-date rule (zod cannot omit fields of a refined object). */
export const ActionFieldsSchema = lazySchema(() =>
  z.strictObject({
    id: RecordIdSchema,
    organisationId: RecordIdSchema,
    originAssessmentId: RecordIdSchema.nullable(),
    title: titleField,
    description: z.string().max(ACTION_TEXT_MAX),
    themeId: RecordIdSchema.nullable(),
    questionId: RecordIdSchema.nullable(),
    indicatorId: RecordIdSchema.nullable(),
    owner: z.string().max(ACTION_OWNER_MAX),
    dueDate: z.iso.date().nullable(),
    priority: ActionPrioritySchema,
    status: ActionStatusSchema,
    /** Kept once the action is done, for the AG report; cleared if it is reopened. */
    doneAt: z.iso.datetime().nullable(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  }),
)

/** An action cannot be due before the day it was created (that day as the calendar showed it, not in UTC). */
export function dueDateIsPossible(a: { dueDate: string | null; createdAt: string }): boolean {
  return a.dueDate === null || a.dueDate >= localDay(a.createdAt)
}

export const ActionSchema = lazySchema(() =>
  ActionFieldsSchema.refine(dueDateIsPossible, { error: 'validation.dueBeforeCreation', path: ['dueDate'] }).refine(
    hasTitle,
    TITLE_REQUIRED,
  ),
)
export type Action = z.infer<typeof ActionSchema>

/** The done date follows the status: set when an action becomes done, kept while it stays done. */
export function doneAtAfter(
  previous: Pick<Action, 'status' | 'doneAt'> | null,
  status: ActionStatus,
  now: string,
): string | null {
  if (status !== 'done') return null
  return previous?.status === 'done' && previous.doneAt ? previous.doneAt : now
}

export function isOpen(action: Pick<Action, 'status'>): boolean {
  return action.status === 'todo' || action.status === 'doing'
}

/** Open and past its due date (`today` as YYYY-MM-DD, in the user's time zone). */
export function isOverdue(action: Pick<Action, 'status' | 'dueDate'>, today: string): boolean {
  return isOpen(action) && action.dueDate !== null && action.dueDate < today
}

export interface ActionFilter {
  themeId?: string
  status?: ActionStatus | 'open'
  owner?: string
}

export function filterActions<A extends Pick<Action, 'themeId' | 'status' | 'owner'>>(
  actions: ReadonlyArray<A>,
  filter: ActionFilter,
): A[] {
  const owner = filter.owner?.trim().toLocaleLowerCase('fr')
  return actions.filter(
    (a) =>
      (!filter.themeId || a.themeId === filter.themeId) &&
      (!filter.status || (filter.status === 'open' ? isOpen(a) : a.status === filter.status)) &&
      (!owner || a.owner.toLocaleLowerCase('fr').includes(owner)),
  )
}

const PRIORITY_ORDER: Record<ActionPriority, number> = { high: 0, normal: 1, low: 2 }

/** Open actions first, then by due date (none last), then by priority. */
export function sortActions<A extends Pick<Action, 'status' | 'dueDate' | 'priority' | 'createdAt'>>(
  actions: ReadonlyArray<A>,
): A[] {
  return [...actions].sort(
    (a, b) =>
      Number(!isOpen(a)) - Number(!isOpen(b)) ||
      (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999') ||
      PRIORITY_ORDER[a.priority] - PRIORITY_ORDER[b.priority] ||
      a.createdAt.localeCompare(b.createdAt),
  )
}
