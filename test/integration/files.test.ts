import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { harness, PNG, type Harness } from '../helpers/harness'

/** Photos: whose they are, what they are, and who gets a link to them. */
let h: Harness
beforeEach(async () => {
  h = await harness()
})
afterEach(() => h.close())

const HOUSE = 'sunshine-1-1-301'
const report = (photos: string[], houseId = HOUSE) => ({
  type: 'repair',
  scope: 'home',
  houseId,
  category: 'water_electric',
  description: '卫生间吊顶渗水，往下滴',
  photos,
})
const ticketsOf = () => h.store.c.tickets.find({ limit: 100 })
const stored = () => readdirSync(join(h.dir, 'files'))
const filesRecords = () => h.store.c.files.find({ limit: 100 })
const HTML = Buffer.from('<html><script>alert(document.cookie)</script></html>')

describe('uploads are checked and recorded', () => {
  it('records the uploader, purpose, size and the type told by the bytes', async () => {
    const fileId = await h.upload('resident-zhang', PNG, 'surveys')
    expect(await filesRecords()).toEqual([
      expect.objectContaining({ fileId, uploader: 'dev-resident-zhang', purpose: 'surveys', type: 'image/png', size: PNG.length }),
    ])
  })

  it('refuses a file that is not an image, whatever it is called, and deletes it from storage', async () => {
    const fileId = h.files.save(HTML, 'png')
    const r = await h.call('resident-zhang', 'account', 'registerUpload', { fileId, purpose: 'tickets' })
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: '只能上传 JPG、PNG、WebP 或 GIF 图片' } })
    expect(stored()).toEqual([])
    expect(await filesRecords()).toEqual([])
  })

  it('a file someone else registered stays theirs', async () => {
    const fileId = await h.upload('resident-zhang')
    const r = await h.call('resident-li', 'account', 'registerUpload', { fileId, purpose: 'tickets' })
    expect(r).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect((await filesRecords())[0].uploader).toBe('dev-resident-zhang')
  })
})

describe('only your own uploads can be attached', () => {
  it('a photo seen on a neighbour’s ticket cannot be filed as one’s own; nothing is written', async () => {
    const zhangs = await h.upload('resident-zhang')
    await h.ok('resident-zhang', 'tickets', 'create', report([zhangs]))
    const r = await h.call('resident-li', 'tickets', 'create', report([zhangs], 'sunshine-1-1-401'))
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { photos: '照片无效，请重新上传' } } })
    expect(await ticketsOf()).toHaveLength(1)
  })

  it('a file in storage that was never registered is refused', async () => {
    const unregistered = h.files.save(PNG, 'png')
    const r = await h.call('resident-zhang', 'tickets', 'create', report([unregistered]))
    expect(r).toMatchObject({ ok: false, error: { fields: { photos: '照片无效，请重新上传' } } })
    expect(await ticketsOf()).toEqual([])
  })

  it('a handler completes with their own after-photos only, and a reply carries only the writer’s photos', async () => {
    const before = await h.upload('resident-zhang')
    const t = await h.ok('resident-zhang', 'tickets', 'create', report([before]))
    await h.ok('agent-chen', 'tickets', 'dispatch', { ticketId: t.id, assignee: 'dev-tech-zhao' })
    await h.ok('tech-zhao', 'tickets', 'accept', { ticketId: t.id })
    const refusedReply = await h.call('agent-chen', 'tickets', 'message', { ticketId: t.id, text: '请看这张照片', photos: [before] })
    expect(refusedReply).toMatchObject({ ok: false, error: { fields: { photos: '照片无效，请重新上传' } } })
    const refused = await h.call('tech-zhao', 'tickets', 'complete', { ticketId: t.id, note: '已处理好', photos: [before] })
    expect(refused).toMatchObject({ ok: false, error: { fields: { photos: '照片无效，请重新上传' } } })
    expect((await h.ok('tech-zhao', 'tickets', 'detail', { ticketId: t.id })).status).toBe('accepted')
    const after = await h.upload('tech-zhao')
    const done = await h.ok('tech-zhao', 'tickets', 'complete', { ticketId: t.id, note: '已处理好', photos: [after] })
    expect(done.status).toBe('resolved')
  })

  it('an avatar must be one’s own upload too', async () => {
    const zhangs = await h.upload('resident-zhang', PNG, 'avatars')
    const r = await h.call('resident-li', 'account', 'updateProfile', { avatar: zhangs })
    expect(r).toMatchObject({ ok: false, error: { fields: { avatar: '照片无效，请重新上传' } } })
    const me = await h.ok('resident-zhang', 'account', 'updateProfile', { avatar: zhangs })
    expect(h.files.signedPath(...linkParts(me.avatarUrl))).toBeTruthy()
  })
})

/** /api/files/<name>?e=…&s=… → the arguments signedPath checks. */
function linkParts(url: string): [string, string | null, string | null] {
  const u = new URL(url, 'http://localhost')
  return [u.pathname.split('/').pop()!, u.searchParams.get('e'), u.searchParams.get('s')]
}

describe('a photo’s link goes only to people who may see its ticket', () => {
  it('the reporter and staff in scope get working links; a link without its signature, or altered, opens nothing', async () => {
    const photo = await h.upload('resident-zhang')
    const t = await h.ok('resident-zhang', 'tickets', 'create', report([photo]))
    const mine = await h.ok('resident-zhang', 'tickets', 'detail', { ticketId: t.id })
    const agents = await h.ok('agent-chen', 'tickets', 'detail', { ticketId: t.id })
    for (const d of [mine, agents]) expect(h.files.signedPath(...linkParts(d.photoUrls[photo]))).toBe(h.files.pathOf(photo))

    const [name, e, s] = linkParts(mine.photoUrls[photo])
    expect(h.files.signedPath(name, null, null)).toBeNull()
    expect(h.files.signedPath(name, String(Number(e) + 1), s)).toBeNull()
    expect(
      h.files.signedPath(
        name,
        e,
        s!.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')),
      ),
    ).toBeNull()
    const stranger = await h.call('resident-li', 'tickets', 'detail', { ticketId: t.id })
    expect(stranger).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  })

  it('a link dies after two hours', async () => {
    const photo = await h.upload('resident-zhang')
    const t = await h.ok('resident-zhang', 'tickets', 'create', report([photo]))
    const url = (await h.ok('resident-zhang', 'tickets', 'detail', { ticketId: t.id })).photoUrls[photo]
    const now = Date.now()
    const spy = jest.spyOn(Date, 'now').mockReturnValue(now + 2 * 3_600_000 + 1000)
    try {
      expect(h.files.signedPath(...linkParts(url))).toBeNull()
    } finally {
      spy.mockRestore()
    }
    expect(existsSync(h.files.pathOf(photo)!)).toBe(true)
  })
})
