import { View, Image, Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { uploadFile, type Uploaded } from '../../services/backend'
import type { UploadPurpose } from '../../core/account/contracts'
import { messageOf } from '../../services/errors'
import { requirePrivacy } from '../../services/privacy'
import './index.scss'

const cancelled = (e: unknown) => /cancel/.test(String((e as Error)?.message ?? (e as { errMsg?: string })?.errMsg))

async function choose(count: number): Promise<string[]> {
  if (process.env.TARO_ENV === 'weapp') {
    await requirePrivacy()
    const r = await Taro.chooseMedia({ count, mediaType: ['image'], sizeType: ['compressed'], sourceType: ['album', 'camera'] })
    return r.tempFiles.map((f) => f.tempFilePath)
  }
  // H5: the browser's file input; asking camera-or-album first would only add a step.
  const r = await Taro.chooseImage({ count, sizeType: ['compressed'], sourceType: ['album'] })
  return r.tempFilePaths
}

/**
 * Pick photos and upload them at once, so the form only ever holds stored file ids; `urls` shows
 * photos the form starts with (an answer being amended).
 */
export function PhotoPicker({
  value,
  onChange,
  max = 6,
  folder,
  urls,
  testid = 'photo-picker',
}: {
  value: string[]
  onChange: (ids: string[]) => void
  max?: number
  folder: UploadPurpose
  urls?: Record<string, string>
  testid?: string
}) {
  const [uploading, setUploading] = useState(0)
  const [links, setLinks] = useState<Record<string, string>>({})

  const add = async () => {
    if (uploading) return
    let paths: string[]
    try {
      paths = await choose(max - value.length)
    } catch (e) {
      if (!cancelled(e)) Taro.showToast({ title: messageOf(e), icon: 'none' })
      return
    }
    paths = paths.slice(0, max - value.length)
    setUploading(paths.length)
    const done: Uploaded[] = []
    try {
      for (const p of paths) {
        done.push(await uploadFile(p, folder))
        setUploading((n) => n - 1)
      }
    } catch (e) {
      Taro.showToast({ title: `照片上传失败：${messageOf(e)}`, icon: 'none' })
    } finally {
      setUploading(0)
      if (done.length) {
        setLinks((l) => ({ ...l, ...Object.fromEntries(done.map((u) => [u.fileId, u.url])) }))
        onChange([...value, ...done.map((u) => u.fileId)])
      }
    }
  }

  return (
    <View className='pp' data-testid={testid}>
      {value.map((id) => (
        <View key={id} className='pp-item' data-testid='photo-thumb'>
          <Image className='pp-img' src={links[id] ?? urls?.[id] ?? ''} mode='aspectFill' />
          <View className='pp-del' onClick={() => onChange(value.filter((x) => x !== id))}>
            ✕
          </View>
        </View>
      ))}
      {uploading > 0 && (
        <View className='pp-item pp-add'>
          <Text className='pp-add-text'>上传中…</Text>
        </View>
      )}
      {value.length + uploading < max && (
        <View className='pp-item pp-add' onClick={add} data-testid='add-photo'>
          <Text className='pp-plus'>+</Text>
          <Text className='pp-add-text'>
            {value.length}/{max}
          </Text>
        </View>
      )}
    </View>
  )
}
