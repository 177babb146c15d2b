import { Button, Canvas } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useRef, useState } from 'react'
import { measureReport, paintReport, type ReportImage } from './long-image'
import { isCancel, saveImage } from '../components/save-image'

const weapp = process.env.TARO_ENV === 'weapp'
const CANVAS_ID = 'rp-long-image'
/** The canvas is drawn off screen at the image's own proportions: WeChat exports a stretched canvas wrongly. */
const CSS_WIDTH = 375

type Node = { width: number; height: number; getContext(k: '2d'): unknown }

const weappCanvas = () =>
  new Promise<Node | null>((resolve) =>
    Taro.createSelectorQuery()
      .select(`#${CANVAS_ID}`)
      .fields({ node: true, size: true })
      .exec((res) => resolve((res?.[0]?.node as Node | undefined) ?? null)),
  )

/** The view layer has the new style once the next tick has passed and a frame has been drawn. */
const rendered = () => new Promise<void>((resolve) => Taro.nextTick(() => setTimeout(resolve, 50)))

/** 导出长图: paints the 月报 as one long image and hands it on (WeChat: share or save; H5: a PNG download). */
export function LongImageButton({ image, filename }: { image: ReportImage; filename: string }) {
  const h5Ref = useRef<HTMLCanvasElement | null>(null)
  const nodeRef = useRef<Node | null>(null)
  const [cssHeight, setCssHeight] = useState(CSS_WIDTH)
  const [busy, setBusy] = useState(false)

  const save = async () => {
    if (busy) return
    setBusy(true)
    try {
      const canvas = weapp ? (nodeRef.current ??= await weappCanvas()) : h5Ref.current
      if (!canvas) throw new Error('画布未就绪')
      const size = measureReport(canvas, image)
      setCssHeight(Math.round((CSS_WIDTH * size.height) / size.width))
      await rendered()
      paintReport(canvas, image, size)
      const how = await saveImage(canvas, filename)
      Taro.showToast({ title: how === 'downloaded' ? '已下载' : how === 'saved' ? '已保存到相册' : '已生成', icon: 'success' })
    } catch (e) {
      if (!isCancel(e)) Taro.showToast({ title: '长图未能生成，请重试', icon: 'none' })
    } finally {
      setBusy(false)
    }
  }

  const style = { position: 'fixed' as const, left: '-10000px', top: '0', width: `${CSS_WIDTH}px`, height: `${cssHeight}px` }
  return (
    <>
      {weapp ? <Canvas type='2d' id={CANVAS_ID} style={style} /> : <canvas ref={h5Ref} style={style} />}
      <Button className='btn btn-primary rp-action' loading={busy} disabled={busy || undefined} onClick={save} data-testid='rp-export-image'>
        导出长图
      </Button>
    </>
  )
}
