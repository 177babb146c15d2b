import { PropsWithChildren } from 'react'
import { useLaunch } from '@tarojs/taro'
import { initBackend } from './services/backend'
import './app.scss'

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    initBackend()
  })
  return children
}

export default App
