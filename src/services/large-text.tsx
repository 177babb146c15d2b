import { View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { useEffect, useState, type ComponentType, type CSSProperties } from 'react'
import { palette } from '../styles/palette'

/**
 * 长辈模式: larger text (body 18 px and up, nothing under 14 px), taller controls and darker
 * secondary text, remembered on this phone. Stylesheets read it as --fs, --text-2 and --text-3
 * (tokens.scss), which every page's root view carries: custom properties reach everything
 * below them, in WeChat and on H5 alike, with no page-level node to depend on.
 */
const KEY = 'largeText'
/** 28 → 36.4 design px: body text at 18.2 px on a 375-wide screen; the smallest (26) at 16.9 px. */
export const LARGE_SCALE = 1.3
const STYLE = { '--fs': String(LARGE_SCALE), '--text-2': palette.elderText2, '--text-3': palette.elderText3 } as CSSProperties

export const isLargeText = () => Taro.getStorageSync(KEY) === true

export function setLargeText(on: boolean) {
  Taro.setStorageSync(KEY, on)
  Taro.eventCenter.trigger(KEY, on)
}

/** Every page is wrapped once, so its loading and error states are large too; read again on show, and at once when 我的 changes it. */
export function withLargeText<P extends object>(Page: ComponentType<P>) {
  return function LargeTextPage(props: P) {
    const [on, setOn] = useState(isLargeText)
    useDidShow(() => setOn(isLargeText()))
    useEffect(() => {
      Taro.eventCenter.on(KEY, setOn)
      return () => {
        Taro.eventCenter.off(KEY, setOn)
      }
    }, [])
    return (
      <View className={on ? 'lt-root lt-on' : 'lt-root'} style={on ? STYLE : undefined}>
        <Page {...props} />
      </View>
    )
  }
}
