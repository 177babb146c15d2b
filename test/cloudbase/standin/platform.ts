import { join } from 'node:path'
import { MemoryCloudDb } from './database'
import { WeChatServers } from './wechat'
import { fieldsOf, TEMPLATES, type FieldKind, type TemplateKey } from '../../../src/core/shared/templates'
import { envNameOf } from '../../../cloudfunctions/lib/templates'

/**
 * The real wx-server-sdk, with only its network ends answered here: the database requester,
 * WeChat's openapi and pay gateways, and temp file URLs. Nothing in the product knows. Install
 * before any function bundle is required, so template ids and pay settings are in the
 * environment when the bundles read them, as CloudBase sets them from cloudbaserc.json.
 */
const ROOT = join(__dirname, '../../..')
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the SDK's own modules, patched in place
const req = (m: string) => require(join(ROOT, 'node_modules', m))

export const ENV_ID = 'wuye-test-1a2b3c'
export const APPID = 'wxdemoappid'
export const SUB_MCH_ID = '1900000109'

export function installCloudBase() {
  // Template ids as the admin console gives them, and WeChat Pay's settings, as deploy sets them.
  const templates: Record<string, Record<string, FieldKind>> = {}
  for (const key of Object.keys(TEMPLATES) as TemplateKey[]) {
    const id = `tpl_${key}`
    process.env[envNameOf(key)] = id
    templates[id] = Object.fromEntries(fieldsOf(key).map((f) => [f.keyword, f.kind]))
  }
  process.env.PAY_ENV_ID = ENV_ID
  process.env.PAY_SUB_MCH_ID = SUB_MCH_ID

  const db = new MemoryCloudDb()
  const wechat = new WeChatServers(templates, join(ROOT, 'dist/weapp'))
  const { TcbDBApiHttpRequester } = req('@cloudbase/node-sdk/dist/utils/tcbdbapirequester')
  const { CloudBase } = req('@cloudbase/node-sdk/dist/cloudbase')
  const pb = req('protobufjs/minimal')
  req('wx-server-sdk') // registers its protobuf types
  const { CommApiData, CommOpenApiResp } = pb.roots.default

  TcbDBApiHttpRequester.prototype.send = async function (api: string, data: Record<string, unknown>) {
    return db.handle(api, data)
  }
  CloudBase.prototype.callCompatibleWxOpenApi = async function ({ apiName, requestData }: { apiName: string; requestData: Buffer }) {
    const msg = CommApiData.decode(requestData)
    const params = Object.fromEntries(
      (msg.openapiData?.pairs ?? []).map((p: { key: string; value: Buffer }) => [p.key, JSON.parse(Buffer.from(p.value).toString())]),
    )
    const body = apiName === 'subscribeMessage.send' ? wechat.subscribeSend(params) : { errcode: 48001, errmsg: `api unauthorized: ${apiName}` }
    return Buffer.from(CommOpenApiResp.encode({ respData: Buffer.from(JSON.stringify(body)), contentType: 'application/json' }).finish())
  }
  CloudBase.prototype.callWxPayApi = async function ({ apiName, requestData }: { apiName: string; requestData: Buffer }) {
    return Buffer.from(JSON.stringify(wechat.cloudPay(apiName, JSON.parse(Buffer.from(requestData).toString()))))
  }
  // Storage as the node SDK answers it: a temp URL per file (a string or {fileID, maxAge}), its
  // bytes, and delete; a file that is not there comes back as CloudBase's STORAGE_FILE_NONEXIST.
  CloudBase.prototype.getTempFileURL = async function ({ fileList }: { fileList: (string | { fileID: string; maxAge: number })[] }) {
    return {
      fileList: fileList.map((f) => {
        const fileID = typeof f === 'string' ? f : f.fileID
        if (!storage.files.has(fileID)) return { fileID, tempFileURL: '', code: 'STORAGE_FILE_NONEXIST' }
        const maxAge = typeof f === 'string' ? 86400 : f.maxAge
        return {
          fileID,
          maxAge,
          tempFileURL: `https://${ENV_ID}.tcb.qcloud.la/${fileID.replace(/^cloud:\/\/[^/]+\//, '')}?sign=t&t=${maxAge}`,
          code: 'SUCCESS',
        }
      }),
    }
  }
  CloudBase.prototype.downloadFile = async function ({ fileID }: { fileID: string }) {
    const bytes = storage.files.get(fileID)
    return bytes ? { fileContent: bytes, message: '文件下载完成' } : { code: 'STORAGE_FILE_NONEXIST', message: 'file not exist' }
  }
  CloudBase.prototype.deleteFile = async function ({ fileList }: { fileList: string[] }) {
    return { fileList: fileList.map((fileID) => ({ fileID, code: storage.files.delete(fileID) ? 'SUCCESS' : 'STORAGE_FILE_NONEXIST' })) }
  }
  return { db, wechat, storage }
}

/** Cloud storage: what a person's wx.cloud.uploadFile put there. */
const storage = {
  files: new Map<string, Buffer>(),
  /** The client's upload: the bytes at cloudPath, answered with the fileID WeChat gives. */
  put(cloudPath: string, bytes: Buffer) {
    const fileID = `cloud://${ENV_ID}.7775-${ENV_ID}-1300000000/${cloudPath}`
    storage.files.set(fileID, bytes)
    return fileID
  },
}

export type Caller = { openid: string; source?: 'wx_client' | 'wx_devtools' } | { source: 'wx_trigger' | 'wx_paycallback' }

let queue: Promise<unknown> = Promise.resolve()

/**
 * Run `fn` as the platform would for this caller: the SCF runtime puts the caller's identity in
 * the environment (WX_CONTEXT_KEYS and one variable per key, TCB_ENV, TCB_SOURCE) and
 * getWXContext() reads it there. The environment is the process's, so calls run one at a time.
 */
export function as<T>(caller: Caller, fn: () => Promise<T>): Promise<T> {
  const run = async () => {
    const keys = ['WX_CONTEXT_KEYS', 'WX_OPENID', 'WX_APPID', 'WX_UNIONID', 'TCB_ENV', 'TCB_SOURCE']
    const saved = Object.fromEntries(keys.map((k) => [k, process.env[k]]))
    for (const k of keys) delete process.env[k]
    process.env.TCB_ENV = ENV_ID
    if ('openid' in caller) {
      Object.assign(process.env, {
        WX_CONTEXT_KEYS: 'WX_OPENID,WX_APPID,WX_UNIONID',
        WX_OPENID: caller.openid,
        WX_APPID: APPID,
        WX_UNIONID: `u-${caller.openid}`,
        TCB_SOURCE: caller.source ?? 'wx_client',
      })
    } else {
      Object.assign(process.env, { WX_CONTEXT_KEYS: 'WX_APPID', WX_APPID: APPID, TCB_SOURCE: caller.source })
    }
    try {
      return await fn()
    } finally {
      for (const k of keys) {
        if (saved[k] === undefined) delete process.env[k]
        else process.env[k] = saved[k]
      }
    }
  }
  const p = queue.then(run, run)
  queue = p.catch(() => undefined)
  return p
}
