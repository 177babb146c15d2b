import { Canvas, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect, useRef } from 'react'
import { drawChart, type ChartSpec, type Ctx2D } from './draw'
import './index.scss'

const HEIGHT = 180

/** Size the backing store to the screen's pixel ratio, then paint in CSS pixels. */
function paint(canvas: { width: number; height: number; getContext(k: '2d'): unknown }, w: number, h: number, dpr: number, spec: ChartSpec) {
  canvas.width = Math.round(w * dpr)
  canvas.height = Math.round(h * dpr)
  const ctx = canvas.getContext('2d') as Ctx2D & { scale(x: number, y: number): void }
  ctx.scale(dpr, dpr)
  drawChart(ctx, w, h, spec)
}

/**
 * A chart that works in both builds. WeChat: a `type="2d"` Canvas, reached through a selector
 * query for its node. H5: Taro's Canvas exposes no node there, so a plain <canvas> element.
 */
export function TrendChart({ id, spec, testid }: { id: string; spec: ChartSpec; testid?: string }) {
  const ref = useRef<HTMLCanvasElement | null>(null)
  const key = JSON.stringify(spec.series) + spec.labels.join()
  useEffect(() => {
    if (process.env.TARO_ENV === 'h5') {
      const el = ref.current
      if (el) paint(el, el.clientWidth, HEIGHT, window.devicePixelRatio || 1, spec)
      return
    }
    // The node exists only after the first render has reached the view layer.
    Taro.nextTick(() => {
      Taro.createSelectorQuery()
        .select(`#${id}`)
        .fields({ node: true, size: true })
        .exec((res) => {
          const r = res?.[0]
          if (r?.node) paint(r.node, r.width, r.height, Taro.getSystemInfoSync().pixelRatio, spec)
        })
    })
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, id])
  return (
    <View className='trend-chart' data-testid={testid}>
      {process.env.TARO_ENV === 'h5' ? (
        <canvas ref={ref} className='trend-canvas' style={{ height: `${HEIGHT}px` }} />
      ) : (
        <Canvas type='2d' id={id} className='trend-canvas' style={{ height: `${HEIGHT}px` }} />
      )}
    </View>
  )
}

export type { ChartSpec }
