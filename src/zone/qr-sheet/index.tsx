import { View, Text, Button, Canvas } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { useEffect, useRef, useState } from 'react'
import { api } from '../../services/api'
import { messageOf } from '../../services/errors'
import { needsSignIn, useLoad } from '../../services/session'
import { Empty, ErrorView, Loading } from '../../components/page-state'
import { drawSheet, pageCount, SHEET, type SheetCtx, type SheetPoint } from './draw'
import '../zone.scss'
import { withLargeText } from '../../services/large-text'

const weapp = process.env.TARO_ENV === 'weapp'
const CANVAS_ID = 'qr-sheet'

type SheetCanvas = { width: number; height: number; getContext(k: '2d'): unknown }

/** The weapp canvas node, once the view layer has it. */
const weappCanvas = () =>
  new Promise<SheetCanvas | null>((resolve) =>
    Taro.createSelectorQuery()
      .select(`#${CANVAS_ID}`)
      .fields({ node: true, size: true })
      .exec((res) => resolve((res?.[0]?.node as SheetCanvas | undefined) ?? null)),
  )

/** WeChat: the image goes to its share menu (send to a chat or a computer to print, or save it). H5: a download. */
async function saveImage(canvas: SheetCanvas, name: string) {
  if (weapp) {
    const { tempFilePath } = await Taro.canvasToTempFilePath({ canvas: canvas as never, fileType: 'png' } as Taro.canvasToTempFilePath.Option)
    await Taro.showShareImageMenu({ path: tempFilePath })
    return
  }
  const a = document.createElement('a')
  a.href = (canvas as unknown as HTMLCanvasElement).toDataURL('image/png')
  a.download = `${name}.png`
  a.click()
}

/** 巡查点二维码: the checkpoints in his scope on A4 pages, six a page, to print and put up at each point. */
function QrSheetPage() {
  const sheet = useLoad(() => api.patrol.sheet({}))
  const [page, setPage] = useState(0)
  const [saving, setSaving] = useState(false)
  const h5Ref = useRef<HTMLCanvasElement | null>(null)
  const nodeRef = useRef<SheetCanvas | null>(null)
  const points: SheetPoint[] = sheet.data?.items ?? []
  const pages = pageCount(points.length)
  const title = `${sheet.data?.communityName ?? ''} · 巡查点二维码`
  const key = points.map((p) => p.payload).join()
  useDidShow(() => {
    if (!needsSignIn()) sheet.reload()
  })

  const canvas = async (): Promise<SheetCanvas | null> => {
    if (!weapp) return h5Ref.current
    nodeRef.current ??= await weappCanvas()
    return nodeRef.current
  }
  useEffect(() => {
    if (!points.length) return
    // The node exists only after the first render has reached the view layer.
    Taro.nextTick(async () => {
      const c = await canvas()
      if (!c) return
      c.width = SHEET.width
      c.height = SHEET.height
      drawSheet(c.getContext('2d') as SheetCtx, points, page, title)
    })
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, page])

  const save = async () => {
    const c = await canvas()
    if (!c || saving) return
    setSaving(true)
    try {
      await saveImage(c, `巡查点二维码-第${page + 1}页`)
    } catch (e) {
      // Closing WeChat's share menu is not a failure.
      if (!/cancel/.test(messageOf(e))) Taro.showToast({ title: '图片未能保存，请重试', icon: 'none' })
    } finally {
      setSaving(false)
    }
  }

  if (sheet.loading && !sheet.data) return <Loading />
  if (sheet.error) return <ErrorView message={sheet.error} code={sheet.errorCode} onRetry={sheet.reload} />
  if (!points.length)
    return (
      <View className='page'>
        <View className='card'>
          <Empty title='还没有巡查点' text='巡查点由物业统一设置，需要添加请联系客服主任' />
        </View>
      </View>
    )

  const width = weapp ? Taro.getWindowInfo().windowWidth - 24 : 0
  return (
    <View className='page'>
      <View className='card zq-head'>
        <Text className='zr-progress' data-testid='sheet-summary'>
          共 {points.length} 个巡查点 · {pages} 页 A4，每页 6 个
        </Text>
        <Text className='muted'>保存图片后用 A4 纸打印，沿虚线剪开，贴在各点位显眼处。</Text>
      </View>
      <View className='zq-paper' data-testid='sheet-page'>
        {weapp ? (
          <Canvas type='2d' id={CANVAS_ID} style={{ width: `${width}px`, height: `${(width * SHEET.height) / SHEET.width}px` }} />
        ) : (
          <canvas ref={h5Ref} className='zq-canvas' />
        )}
      </View>
      <View className='row between zq-pager'>
        <Button className='btn btn-ghost btn-small' disabled={page === 0 || undefined} onClick={() => setPage(page - 1)}>
          上一页
        </Button>
        <Text className='zr-progress'>
          第 {page + 1}/{pages} 页
        </Text>
        <Button className='btn btn-ghost btn-small' disabled={page >= pages - 1 || undefined} onClick={() => setPage(page + 1)}>
          下一页
        </Button>
      </View>
      <Button className='btn btn-primary btn-block' loading={saving} disabled={saving || undefined} onClick={save} data-testid='save-sheet'>
        {weapp ? '保存或发送本页图片' : '下载本页图片'}
      </Button>
    </View>
  )
}

export default withLargeText(QrSheetPage)
