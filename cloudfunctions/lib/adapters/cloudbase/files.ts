import type { Files } from '../../ports/files'

interface CloudFilesApi {
  getTempFileURL(arg: { fileList: string[] }): Promise<{ fileList: { fileID: string; tempFileURL: string }[] }>
  deleteFile(arg: { fileList: string[] }): Promise<unknown>
}

export function cloudbaseFiles(cloud: CloudFilesApi): Files {
  return {
    async urls(fileIds) {
      if (!fileIds.length) return {}
      const out: Record<string, string> = {}
      // getTempFileURL takes at most 50 ids a call.
      for (let i = 0; i < fileIds.length; i += 50) {
        const { fileList } = await cloud.getTempFileURL({ fileList: fileIds.slice(i, i + 50) })
        for (const f of fileList) out[f.fileID] = f.tempFileURL
      }
      return out
    },
    async remove(fileIds) {
      if (fileIds.length) await cloud.deleteFile({ fileList: fileIds })
    },
  }
}
