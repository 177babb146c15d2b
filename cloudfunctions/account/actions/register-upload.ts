import type { Handler } from '../../lib/runtime/handler'
import type { accountContract } from '../../../src/core/account/contracts'
import { registerUpload as register } from '../../lib/files/uploads'

/** Right after the client's upload to cloud storage: the file becomes the caller's, or is deleted. */
export const registerUpload: Handler<typeof accountContract.registerUpload> = async (ctx, { fileId, purpose }) => {
  const f = await register(ctx, ctx.openid, fileId, purpose, ctx.now)
  return { fileId: f.fileId, url: (await ctx.files.urls([f.fileId]))[f.fileId] ?? '', type: f.type, size: f.size }
}
