export default definePageConfig({
  navigationBarTitleText: '巡查点二维码',
})
