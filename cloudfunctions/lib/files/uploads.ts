import { createHash } from 'node:crypto'
import { AppError } from '../../../src/core/shared/errors'
import type { UploadPurpose } from '../../../src/core/account/contracts'
import type { Deps } from '../runtime/deps'
import { imageTypeOf, MAX_UPLOAD_BYTES, type ImageType } from './sniff'

/** files/<hash of fileId>: who uploaded a stored file, for what, and what its bytes are. */
export interface FileDoc {
  _id: string
  fileId: string
  uploader: string
  purpose: UploadPurpose
  type: ImageType
  size: number
  createdAt: number
}

const files = (deps: Pick<Deps, 'store'>) => deps.store.c.files
const keyOf = (fileId: string) => createHash('sha256').update(fileId).digest('hex').slice(0, 32)

export const NOT_AN_IMAGE = '只能上传 JPG、PNG、WebP 或 GIF 图片'

/**
 * Record an upload as its uploader's, after reading its bytes: a file that is not an image, or too
 * large, is deleted from storage and refused. The first caller to register a file owns it; file ids
 * are unguessable, so that is the person whose client uploaded it.
 */
export async function registerUpload(
  deps: Pick<Deps, 'store' | 'files'>,
  openid: string,
  fileId: string,
  purpose: UploadPurpose,
  now: number,
): Promise<FileDoc> {
  const known = await files(deps).get(keyOf(fileId))
  if (known) {
    if (known.uploader !== openid) throw new AppError('NOT_FOUND', '文件不存在，请重新上传')
    return known
  }
  const bytes = await deps.files.read(fileId)
  if (!bytes) throw new AppError('NOT_FOUND', '文件不存在，请重新上传')
  const type = imageTypeOf(bytes)
  if (!type || bytes.length > MAX_UPLOAD_BYTES) {
    await deps.files.remove([fileId])
    throw new AppError('INVALID_INPUT', type ? `图片不能超过 ${MAX_UPLOAD_BYTES >> 20} MB` : NOT_AN_IMAGE)
  }
  const doc: FileDoc = { _id: keyOf(fileId), fileId, uploader: openid, purpose, type, size: bytes.length, createdAt: now }
  await files(deps).set(doc)
  return doc
}

/**
 * Only the caller's own uploads may be attached to what they write: a file id seen on someone
 * else's ticket cannot be passed off as one's own photo. Checked before anything is written.
 */
export async function requireOwnUploads(deps: Pick<Deps, 'store'>, openid: string, fileIds: readonly string[] | undefined, field = 'photos') {
  const ids = [...new Set(fileIds ?? [])]
  if (!ids.length) return
  const rows = await files(deps).find({ where: { _id: { $in: ids.map(keyOf) } }, limit: ids.length })
  const mine = new Set(rows.filter((r) => r.uploader === openid).map((r) => r.fileId))
  if (ids.some((id) => !mine.has(id))) throw new AppError('INVALID_INPUT', '照片无效，请重新上传', { [field]: '照片无效，请重新上传' })
}
