import { PropsWithChildren } from 'react'
import { useLaunch } from '@tarojs/taro'
import { initBackend } from './services/backend'
import { getToken } from './services/token'
import './app.scss'

// On H5 the caller is whoever signed in on this browser: with no session there is nobody to show a
// page to, so go to sign-in before the router fetches the home page's code only to leave it.
if (process.env.TARO_ENV === 'h5' && !getToken() && !window.location.hash.includes('pages/login')) window.location.replace('#/pages/login/index')

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    initBackend()
  })
  return children
}

export default App
