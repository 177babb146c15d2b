import { View, Text, Button } from '@tarojs/components'
import './index.scss'

interface Props {
  onAgree: () => void
  onDisagree: () => void
}

/**
 * Our consent sheet, shown before any privacy API (avatar, nickname, phone). In WeChat the agree
 * button is `open-type="agreePrivacyAuthorization"`, which is what lets those APIs run at all.
 */
export function PrivacySheet({ onAgree, onDisagree }: Props) {
  return (
    <View className='sheet-mask' data-testid='privacy-sheet'>
      <View className='sheet privacy-sheet'>
        <Text className='privacy-title'>个人信息保护提示</Text>
        <Text className='privacy-body'>
          为了给您提供报事报修、账单缴费和通知提醒服务，我们需要使用您的头像、昵称，您填写的姓名，以及您填写或经微信验证的手机号。
          这些信息仅用于本小区物业服务，手机号在员工端默认隐藏中间四位，我们不会向第三方提供。
        </Text>
        <Text className='privacy-link'>详见《物业服务小程序隐私保护指引》</Text>
        <View className='privacy-actions'>
          <Button className='btn btn-ghost privacy-btn' onClick={onDisagree}>
            暂不同意
          </Button>
          <Button
            className='btn btn-primary privacy-btn'
            id='agree-btn'
            openType={process.env.TARO_ENV === 'weapp' ? ('agreePrivacyAuthorization' as never) : undefined}
            onClick={onAgree}
          >
            同意并继续
          </Button>
        </View>
      </View>
    </View>
  )
}
