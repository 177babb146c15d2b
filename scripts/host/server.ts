import { createServer, type Server } from 'node:http'
import { createReadStream } from 'node:fs'
import { extname } from 'node:path'
import { randomBytes } from 'node:crypto'
import type { LocalDeps } from '../../cloudfunctions/lib/adapters/local'
import { DEMO_ACCOUNTS, devOpenid, wechatPhoneOf } from '../seed/demo'
import { FUNCTIONS } from './functions'
import { handlePayNotice } from '../../cloudfunctions/payCallback/notice'
import { bearer, fail, isLoopbackHost, readBody, sendJson, TooLarge } from './http'
import { IMAGE_TYPES, imageTypeOf, MAX_UPLOAD_BYTES } from '../../cloudfunctions/lib/files/sniff'
import { NOT_AN_IMAGE } from '../../cloudfunctions/lib/files/uploads'
import { MIME, serveStatic } from './static'

export const SESSION_MS = 12 * 3_600_000

/**
 * The local cloud host: the H5 app, and the cloud functions over HTTP, run on the local adapters.
 * It stands in for WeChat only where WeChat must: who is calling comes from the dev session here,
 * from getWXContext() there; everything behind that is the same code.
 */
export function createHost(local: LocalDeps, opts: { staticDir: string }): Server {
  const { deps, files } = local
  const sessions = () => deps.store.c.devSessions

  async function session(token: string | null) {
    if (!token) return null
    const s = await sessions().get(token)
    if (!s || !(s.expiresAt > Date.now())) {
      if (s) await sessions().remove(token)
      return null
    }
    return s
  }
  const identity = async (token: string | null) => (await session(token))?.openid ?? null

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost')
    const path = url.pathname
    if (!isLoopbackHost(req.headers.host)) return sendJson(res, fail('FORBIDDEN', '本地服务只接受本机地址（127.0.0.1 或 localhost）的访问'))
    try {
      if (path === '/api/health' && req.method === 'GET') {
        return sendJson(res, { ok: true, data: { status: 'ok', store: 'sqlite', functions: Object.keys(FUNCTIONS), now: deps.clock.now() } })
      }
      if (path === '/api/dev/accounts' && req.method === 'GET') {
        const list = DEMO_ACCOUNTS.map((a) => ({ account: a.account, name: a.name, title: a.title, roles: a.staff?.roles ?? ['resident'] }))
        return sendJson(res, { ok: true, data: list })
      }
      if (path === '/api/dev/login' && req.method === 'POST') {
        const body = JSON.parse((await readBody(req, 4096)).toString() || '{}') as { account?: string }
        const acct = DEMO_ACCOUNTS.find((a) => a.account === body.account)
        if (!acct) return sendJson(res, fail('NOT_FOUND', '没有这个演示账号'))
        const token = randomBytes(24).toString('hex')
        await sessions().set({
          _id: token,
          openid: devOpenid(acct.account),
          account: acct.account,
          createdAt: deps.clock.now(),
          expiresAt: Date.now() + SESSION_MS,
        })
        return sendJson(res, { ok: true, data: { token, account: acct.account } })
      }
      // The simulated WeChat Pay sheet: the payer confirms, the local order is marked paid, and the
      // very payment-callback code WeChat would call runs with the notice cloudPay sends.
      const payMatch = /^\/api\/dev\/pay\/([A-Za-z0-9]{8,32})$/.exec(path)
      if (payMatch && req.method === 'POST') {
        const openid = await identity(bearer(req))
        if (!openid) return sendJson(res, fail('UNAUTHENTICATED', '请先登录'))
        const order = await local.payments.queryOrder(payMatch[1])
        const owner = await deps.store.c.devPayOrders.get(payMatch[1])
        if (!owner || owner.openid !== openid || order.state === 'closed') return sendJson(res, fail('NOT_FOUND', '订单不存在'))
        const paid = await local.payments.markPaid(payMatch[1])
        const notice = {
          returnCode: 'SUCCESS',
          resultCode: 'SUCCESS',
          outTradeNo: paid!._id,
          totalFee: paid!.totalFee,
          transactionId: paid!.transactionId,
          timeEnd: String(deps.clock.now()),
        }
        const ack = await handlePayNotice(notice, { openid: null, source: 'payment' }, deps)
        return sendJson(res, { ok: true, data: ack })
      }
      // The simulated 手机号快速验证 sheet: a one-time code for the number this demo account has in
      // WeChat, which the account function exchanges as it would exchange WeChat's.
      if (path === '/api/dev/phone-code' && req.method === 'POST') {
        const s = await session(bearer(req))
        if (!s) return sendJson(res, fail('UNAUTHENTICATED', '请先登录'))
        const phone = wechatPhoneOf(s.account)
        if (!phone) return sendJson(res, fail('NOT_FOUND', '这个演示账号的微信没有绑定手机号，请手动填写'))
        return sendJson(res, { ok: true, data: { code: await local.phones.issue(phone) } })
      }
      const fnMatch = /^\/api\/fn\/([a-zA-Z]+)$/.exec(path)
      if (fnMatch && req.method === 'POST') {
        const fn = Object.hasOwn(FUNCTIONS, fnMatch[1]) ? FUNCTIONS[fnMatch[1]] : undefined
        if (!fn) return sendJson(res, fail('NOT_FOUND', `没有这个云函数：${fnMatch[1]}`))
        const body = await readBody(req, 1 << 20)
        let event: unknown
        try {
          event = JSON.parse(body.toString() || '{}')
        } catch {
          return sendJson(res, fail('INVALID_INPUT', '请求格式不正确'))
        }
        const openid = await identity(bearer(req))
        return sendJson(res, await fn.call(event, { openid, source: 'dev' }, deps))
      }
      // The stand-in for cloud storage's upload: the bytes are stored, then registered by the very
      // account.registerUpload WeChat's client calls after wx.cloud.uploadFile.
      if (path === '/api/files' && req.method === 'POST') {
        const openid = await identity(bearer(req))
        if (!openid) return sendJson(res, fail('UNAUTHENTICATED', '请先登录'))
        const purpose = url.searchParams.get('folder') ?? ''
        const bytes = await readBody(req, MAX_UPLOAD_BYTES)
        const type = imageTypeOf(bytes)
        if (!type) return sendJson(res, fail('INVALID_INPUT', NOT_AN_IMAGE))
        const fileId = files.save(bytes, IMAGE_TYPES[type])
        const env = await FUNCTIONS.account.call({ action: 'registerUpload', data: { fileId, purpose } }, { openid, source: 'dev' }, deps)
        if (!env.ok) await files.remove([fileId])
        return sendJson(res, env)
      }
      // A file only through a link an action handed out (as CloudBase's temp URLs): no link, no file.
      const fileMatch = /^\/api\/files\/([a-f0-9]{24}\.[a-z]+)$/.exec(path)
      if (fileMatch && req.method === 'GET') {
        const p = files.signedPath(fileMatch[1], url.searchParams.get('e'), url.searchParams.get('s'))
        if (!p) return sendJson(res, fail('NOT_FOUND', '图片链接已失效，请返回刷新页面'), 404)
        res.writeHead(200, {
          'content-type': MIME[extname(p)] ?? 'application/octet-stream',
          'cache-control': 'private, max-age=3600',
          'x-content-type-options': 'nosniff',
        })
        return createReadStream(p).pipe(res)
      }
      if (path.startsWith('/api/')) return sendJson(res, fail('NOT_FOUND', '接口不存在'))
      if (req.method !== 'GET' && req.method !== 'HEAD') return sendJson(res, fail('NOT_FOUND', '接口不存在'))
      return serveStatic(opts.staticDir, req, path, res)
    } catch (e) {
      if (e instanceof TooLarge) return sendJson(res, fail('INVALID_INPUT', `请求内容过大（上限 ${Math.round(e.limit / 1024)} KB）`), 413)
      if (e instanceof SyntaxError) return sendJson(res, fail('INVALID_INPUT', '请求格式不正确'))
      // The browser went away mid-request (the page was left): there is nobody to answer.
      if (req.destroyed) return
      console.error('[host]', e instanceof Error ? e.stack : e)
      return sendJson(res, fail('INTERNAL', '系统繁忙，请稍后再试'))
    }
  })
  // A client that trickles its headers or body must not hold a connection for ever.
  server.headersTimeout = 10_000
  server.requestTimeout = 30_000
  return server
}
