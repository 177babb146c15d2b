import { Canvas } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect, useRef } from 'react'
import { palette } from '../../styles/palette'
import { drawQr, type QrCtx } from './draw'

const weapp = process.env.TARO_ENV === 'weapp'
type Node = { width: number; height: number; getContext(k: '2d'): unknown }

/** A QR code on screen, for a camera to read from the phone (a permit at the gate): drawn on a 2D canvas with a white quiet zone. */
export function QrCode({ payload, size, id }: { payload: string; size: number; id: string }) {
  const h5Ref = useRef<HTMLCanvasElement | null>(null)
  useEffect(() => {
    const paint = (c: Node | null) => {
      if (!c) return
      // Twice the CSS size: sharp on every phone screen.
      const px = size * 2
      c.width = px
      c.height = px
      const ctx = c.getContext('2d') as QrCtx
      ctx.fillStyle = palette.surface
      ctx.fillRect(0, 0, px, px)
      const quiet = Math.round(px * 0.08)
      drawQr(ctx, payload, quiet, quiet, px - 2 * quiet)
    }
    if (!weapp) return paint(h5Ref.current as unknown as Node)
    // The node exists only after the first render has reached the view layer.
    Taro.nextTick(() =>
      Taro.createSelectorQuery()
        .select(`#${id}`)
        .fields({ node: true, size: true })
        .exec((res) => paint((res?.[0]?.node as Node | undefined) ?? null)),
    )
  }, [payload, size, id])
  const style = { width: `${size}px`, height: `${size}px` }
  return weapp ? <Canvas type='2d' id={id} style={style} data-testid='qr-code' /> : <canvas ref={h5Ref} id={id} style={style} data-testid='qr-code' />
}
