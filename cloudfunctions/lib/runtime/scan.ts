import { MAX_LIMIT, type Collection, type Doc, type Filter } from '../ports/store'

/**
 * Page through the documents matching `where` in _id order — a cursor, not an offset, so it is
 * stable while the walk writes — for reads past CloudBase's 1,000 per call. Stops after `max`
 * documents, if given, and says so.
 */
export async function scan<T extends Doc>(
  coll: Collection<T>,
  where: Filter,
  onPage: (page: T[]) => Promise<void> | void,
  opts: { page?: number; max?: number } = {},
) {
  const size = opts.page ?? MAX_LIMIT
  let after = ''
  let seen = 0
  for (;;) {
    const page = await coll.find({ where: { ...where, ...(after ? { _id: { $gt: after } } : {}) }, orderBy: [['_id', 'asc']], limit: size })
    if (!page.length) return { seen, truncated: false }
    await onPage(page)
    seen += page.length
    after = page[page.length - 1]._id
    if (page.length < size) return { seen, truncated: false }
    if (opts.max !== undefined && seen >= opts.max) return { seen, truncated: true }
  }
}
