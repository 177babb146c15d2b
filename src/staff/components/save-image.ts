import Taro from '@tarojs/taro'

type CanvasNode = { width: number; height: number; getContext(k: '2d'): unknown }

/** Closing WeChat's share sheet, or refusing its album prompt, is the person's choice, not a failure. */
export const isCancel = (e: unknown) => /cancel/.test(String((e as { errMsg?: string })?.errMsg ?? (e as Error)?.message ?? e))

/**
 * A painted canvas as a picture to hand on. H5: a PNG download. WeChat: the image share sheet
 * (send to a chat or a computer, save, 收藏; 基础库 2.14.3+); where that is missing or fails, it is
 * saved to the photo album. Returns what happened, for the toast.
 */
export async function saveImage(canvas: CanvasNode, filename: string): Promise<'downloaded' | 'shared' | 'saved'> {
  if (process.env.TARO_ENV === 'h5') {
    const a = document.createElement('a')
    a.href = (canvas as unknown as HTMLCanvasElement).toDataURL('image/png')
    a.download = filename
    a.click()
    return 'downloaded'
  }
  const { tempFilePath } = await Taro.canvasToTempFilePath({ canvas: canvas as never, fileType: 'png' } as Taro.canvasToTempFilePath.Option)
  try {
    await Taro.showShareImageMenu({ path: tempFilePath })
    return 'shared'
  } catch (e) {
    if (isCancel(e)) throw e
    await Taro.saveImageToPhotosAlbum({ filePath: tempFilePath })
    return 'saved'
  }
}
