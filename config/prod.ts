import type { UserConfigExport } from '@tarojs/cli'

export default {
  // Taro's defaults trade size for build speed; the main package has a 400 KB budget, so we let
  // terser work harder and keep Chinese text as UTF-8 (3 bytes) instead of \uXXXX (6).
  terser: {
    enable: true,
    config: {
      compress: { reduce_vars: true, collapse_vars: true, inline: 2, passes: 2, hoist_props: true },
      output: { ascii_only: false },
    },
  },
  mini: {},
  h5: {},
} satisfies UserConfigExport<'webpack5'>
