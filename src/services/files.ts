import Taro from '@tarojs/taro'
import { requirePrivacy } from './privacy'

/**
 * Pick a text file (a meter-reading CSV) and return its contents. In WeChat a file comes from a
 * chat (chooseMessageFile) and is read with the file system manager; in the browser, from an
 * <input type=file>. Resolves null when the person cancels.
 */
export async function pickTextFile(extensions: string[]): Promise<{ name: string; text: string } | null> {
  if (process.env.TARO_ENV === 'weapp') {
    try {
      await requirePrivacy()
      const r = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: extensions })
      const f = r.tempFiles[0]
      return { name: f.name, text: Taro.getFileSystemManager().readFileSync(f.path, 'utf8') as string }
    } catch {
      return null
    }
  }
  return new Promise((resolve) => {
    const input = document.createElement('input')
    input.type = 'file'
    input.accept = extensions.map((e) => `.${e}`).join(',')
    input.style.display = 'none'
    input.onchange = async () => {
      const file = input.files?.[0]
      input.remove()
      resolve(file ? { name: file.name, text: await file.text() } : null)
    }
    document.body.appendChild(input)
    input.click()
  })
}
