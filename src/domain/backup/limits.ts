/** Larger than a facilitator's portfolio of 200 organisations over ten years, small enough for any browser. */
export const BACKUP_MAX_BYTES = 100 * 1024 * 1024

/**
 * The organisations one device keeps: a consultant's portfolio counts tens, a large network's hundreds (a network
 * gathers anonymised summaries, not backups). Beyond this the home page and the data page would hold the tab for
 * seconds, so an import that would pass it is refused, in words, before anything is written.
 */
export const ORGANISATIONS_MAX = 2000
