import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import devConfig from './dev'
import prodConfig from './prod'

/** The components Taro's weapp build always writes into base.wxml (its default, before any page is parsed). */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const baseTemplateComponents: Set<string> = require('@tarojs/webpack5-runner/dist/utils/component').componentConfig.includes

// https://docs.taro.zone/docs/next/config
export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'wuye-service',
    date: '2026-11-25',
    designWidth: 750,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    // One output folder per target, so a weapp build never overwrites the H5 one the host serves.
    outputRoot: `dist/${process.env.TARO_ENV}`,
    plugins: [],
    // The CloudBase environment id the weapp talks to (set CLOUD_ENV when building for WeChat).
    defineConstants: { CLOUD_ENV: JSON.stringify(process.env.CLOUD_ENV ?? '') },
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: 'webpack5',
    cache: { enable: false },
    // base.wxml (weapp) holds one template per nesting level; our pages are shallow, and deeper
    // trees still render through custom-wrapper. 16 (the default) costs ~30 KB of the main package; 6 leaves room for the tab pages.
    baseLevel: 6,
    mini: {
      // Taro writes scroll-view and catch-view (a View with catchMove) into base.wxml at every
      // level whether or not a page uses them: 12.5 KB of the main package. Importing ScrollView
      // puts it back by itself; a View with catchMove would render nothing, so it has no place here.
      webpackChain() {
        for (const name of ['scroll-view', 'catch-view']) baseTemplateComponents.delete(name)
      },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
    h5: {
      // Taro splits only the initial chunks on H5, so every page's chunk carried its own copy of
      // the components, zod and dayjs (4.8 MB of script in all); shared code goes to shared chunks.
      webpackChain(chain) {
        chain.optimization.splitChunks({ ...chain.optimization.get('splitChunks'), chunks: 'all', minSize: 20_000 })
      },
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      output: { filename: 'js/[name].[hash:8].js', chunkFilename: 'js/[name].[chunkhash:8].js' },
      miniCssExtractPluginOption: { ignoreOrder: true, filename: 'css/[name].[hash].css', chunkFilename: 'css/[name].[chunkhash].css' },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
  }
  if (process.env.NODE_ENV === 'development') return merge({}, baseConfig, devConfig)
  return merge({}, baseConfig, prodConfig)
})
