export default definePageConfig({
  navigationBarTitleText: '空置房托管',
})
