import { View, Button } from '@tarojs/components'

/** 取消 / 保存 under every setup form of the zone pages (a point, a route, a contract). */
export function FormActions({ busy, onCancel, onSave, testid }: { busy: boolean; onCancel(): void; onSave(): void; testid: string }) {
  return (
    <View className='zp-actions'>
      <Button className='btn btn-ghost' onClick={onCancel}>
        取消
      </Button>
      <Button className='btn btn-primary' disabled={busy || undefined} onClick={onSave} data-testid={testid}>
        保存
      </Button>
    </View>
  )
}
