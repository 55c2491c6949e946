/** Larger than a facilitator's portfolio of 200 organisations over ten years, small enough for any browser. */
export const BACKUP_MAX_BYTES = 100 * 1024 * 1024
