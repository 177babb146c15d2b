import type { Store } from '../../cloudfunctions/lib/ports/store'

/** A document to write while seeding, with the collection it goes to. */
export interface SeedDoc {
  collection: string
  doc: { _id: string }
}

/** Documents written per store transaction while seeding: one SQLite commit per batch, not per doc. */
export const BATCH = 500

/** Plain sets in batches: seeding is not a use case, and one commit per document would be slow. */
export async function writeBatched(store: Store, docs: SeedDoc[]) {
  for (let i = 0; i < docs.length; i += BATCH) {
    await store.transaction(async (tx) => {
      for (const { collection, doc } of docs.slice(i, i + BATCH)) await tx.collection(collection).set(doc)
    })
  }
}
