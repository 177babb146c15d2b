import { View, Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect } from 'react'
import { devAccounts, devLogin } from '../../services/backend'
import { messageOf } from '../../services/errors'
import { setToken } from '../../services/token'
import { useLoad } from '../../services/session'
import { ErrorView, Loading } from '../../components/page-state'
import './index.scss'
import { restart } from '../../services/nav'
import { takeLanding } from '../../services/landing'
import { withLargeText } from '../../services/large-text'

/**
 * Local host only: in WeChat the platform says who you are; here you pick a demo person.
 * This page is not part of the weapp build (see app.config.ts).
 */
function Login() {
  const accounts = useLoad(() => devAccounts())
  useEffect(() => {
    accounts.reload()
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  const signIn = async (account: string, staff: boolean) => {
    try {
      setToken(await devLogin(account))
      // Staff land on their 工作台, residents on 首页.
      takeLanding()
      restart(staff ? 'staffHome' : 'home')
    } catch (e) {
      Taro.showToast({ title: messageOf(e), icon: 'none' })
    }
  }

  return (
    <View className='page login'>
      <View className='login-head'>
        <Text className='login-title'>物业服务 · 本地演示</Text>
        <Text className='muted'>在微信中由平台识别身份；本地演示请选择一个账号登录</Text>
      </View>
      {accounts.loading && !accounts.data ? (
        <Loading />
      ) : accounts.error ? (
        <ErrorView message={accounts.error} onRetry={accounts.reload} />
      ) : (
        (accounts.data ?? []).map((a) => (
          <View
            key={a.account}
            className='card login-item'
            onClick={() =>
              signIn(
                a.account,
                a.roles.some((r) => r !== 'resident'),
              )
            }
            data-testid={`login-${a.account}`}
          >
            <View className='login-avatar'>{a.name.slice(0, 1)}</View>
            <View className='login-who'>
              <Text className='login-name'>{a.name}</Text>
              <Text className='muted'>{a.title}</Text>
            </View>
            <Text className='login-account'>{a.account}</Text>
          </View>
        ))
      )}
    </View>
  )
}

export default withLargeText(Login)
