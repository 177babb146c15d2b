/** Whole numbers typed by a person; an empty box is not zero. */
export const num = (s: string | undefined) => (s === undefined || s.trim() === '' ? Number.NaN : Number(s))
