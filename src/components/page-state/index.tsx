import { View, Text, Button } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { ReactNode } from 'react'
import { restart } from '../../services/nav'
import './index.scss'

/** Back where the person came from; a page opened from a link (nothing to go back to) goes to 首页. */
const back = () => Taro.navigateBack().catch(() => restart('home'))

/** The three states every page has besides its content. */
export function Loading({ text = '加载中…' }: { text?: string }) {
  return (
    <View className='state' data-testid='loading'>
      <View className='state-spinner' />
      <Text className='state-text'>{text}</Text>
    </View>
  )
}

export function ErrorView({ message, code, onRetry }: { message: string; code?: string; onRetry?: () => void }) {
  // Being refused is not a fault to retry: say so plainly.
  if (code === 'FORBIDDEN') return <Empty title='暂无权限' text={message} />
  // A wrong link or a typo: loading it again would fail the same way, so offer the way out instead.
  if (code === 'NOT_FOUND' || code === 'INVALID_INPUT')
    return (
      <Empty
        title='没有找到要打开的内容'
        text={message}
        action={
          <Button className='btn btn-ghost btn-small' onClick={back} data-testid='error-back'>
            返回
          </Button>
        }
      />
    )
  return (
    <View className='state' data-testid='error'>
      <View className='state-icon state-icon-error'>!</View>
      <Text className='state-title'>出了点问题</Text>
      <Text className='state-text'>{message}</Text>
      {onRetry && (
        <Button className='btn btn-ghost btn-small state-action' onClick={onRetry}>
          重新加载
        </Button>
      )}
    </View>
  )
}

export function Empty({ title, text, action }: { title: string; text?: string; action?: ReactNode }) {
  return (
    <View className='state' data-testid='empty'>
      <View className='state-icon'>○</View>
      <Text className='state-title'>{title}</Text>
      {text && <Text className='state-text'>{text}</Text>}
      {action && <View className='state-action'>{action}</View>}
    </View>
  )
}
