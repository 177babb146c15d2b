import { storeContract } from '../../cloudfunctions/lib/ports/store.contract'
import { cloudbaseStore, type CloudDb } from '../../cloudfunctions/lib/adapters/cloudbase/store'
import { installCloudBase } from './standin/platform'

/** The store port's contract, run against the CloudBase adapter through the real SDK's query builder and wire format. */
installCloudBase()
// eslint-disable-next-line @typescript-eslint/no-require-imports
const cloud = require('wx-server-sdk')
cloud.init({ env: 'wuye-test-1a2b3c' })

storeContract(
  'cloudbase (wx-server-sdk on the stand-in)',
  // A fresh stand-in database per test, as the SQLite suite takes a fresh file.
  () => {
    installCloudBase()
    return cloudbaseStore(cloud.database() as CloudDb)
  },
  () => undefined,
)

describe('CloudBase adapter specifics, on the SDK’s own wire', () => {
  it('a delete inside a transaction goes out as the SDK’s removeDocument with the transaction id', async () => {
    const { db } = installCloudBase()
    const store = cloudbaseStore(cloud.database() as CloudDb)
    await store.collection<{ _id: string; n: number }>('items').set({ _id: 'gone', n: 1 })
    await store.transaction(async (tx) => tx.collection('items').remove('gone'))
    expect(db.calls.map((c) => c.api)).toEqual(expect.arrayContaining(['database.startTransaction', 'database.removeDocument', 'database.commitTransaction']))
    expect(await store.collection('items').get('gone')).toBeNull()
    expect(db.openTransactions).toBe(0)
  })
})
