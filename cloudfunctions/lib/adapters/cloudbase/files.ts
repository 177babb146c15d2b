import type { Files } from '../../ports/files'

interface CloudFilesApi {
  getTempFileURL(arg: { fileList: { fileID: string; maxAge: number }[] }): Promise<{ fileList: { fileID: string; tempFileURL: string }[] }>
  downloadFile(arg: { fileID: string }): Promise<{ fileContent?: Uint8Array }>
  deleteFile(arg: { fileList: string[] }): Promise<unknown>
}

/** Long enough to look through a ticket's photos, short enough that a copied link soon dies. */
const URL_SECONDS = 2 * 3600

export function cloudbaseFiles(cloud: CloudFilesApi): Files {
  return {
    async urls(fileIds) {
      if (!fileIds.length) return {}
      const out: Record<string, string> = {}
      // getTempFileURL takes at most 50 ids a call.
      for (let i = 0; i < fileIds.length; i += 50) {
        const { fileList } = await cloud.getTempFileURL({ fileList: fileIds.slice(i, i + 50).map((fileID) => ({ fileID, maxAge: URL_SECONDS })) })
        for (const f of fileList) if (f.tempFileURL) out[f.fileID] = f.tempFileURL
      }
      return out
    },
    async read(fileId) {
      try {
        const { fileContent } = await cloud.downloadFile({ fileID: fileId })
        return fileContent ?? null
      } catch (e) {
        // The SDK throws {errCode, errMsg} for a file that is not there.
        if (/not ?exist|STORAGE_FILE_NONEXIST|-503003/i.test(JSON.stringify(e))) return null
        throw e
      }
    },
    async remove(fileIds) {
      if (fileIds.length) await cloud.deleteFile({ fileList: fileIds })
    },
  }
}
