import Taro from '@tarojs/taro'

/**
 * H5: a file download. WeChat has no download folder: write the file and offer it to a chat
 * (shareFileMessage, so it can be opened on a computer); where that is missing, the clipboard.
 */
export async function saveCsv(filename: string, csv: string) {
  if (process.env.TARO_ENV === 'h5') {
    const a = document.createElement('a')
    a.href = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }))
    a.download = filename
    a.click()
    return
  }
  try {
    const filePath = `${Taro.env.USER_DATA_PATH}/${filename}`
    Taro.getFileSystemManager().writeFileSync(filePath, csv, 'utf8')
    await Taro.shareFileMessage({ filePath, fileName: filename })
  } catch {
    await Taro.setClipboardData({ data: csv })
  }
}
