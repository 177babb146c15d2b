import { View, Text, Button, Textarea } from '@tarojs/components'
import { useState, type ReactNode } from 'react'
import './index.scss'

/** The bottom sheet every choice made over a page opens in; tapping outside or ✕ closes it. */
export function Sheet({ title, hint, onClose, children, testid }: { title: string; hint?: string; onClose: () => void; children: ReactNode; testid?: string }) {
  return (
    <View className='sheet-mask' onClick={onClose}>
      <View className='sheet' onClick={(e) => e.stopPropagation()} data-testid={testid}>
        <View className='row between'>
          <Text className='sheet-title'>{title}</Text>
          <Text className='sheet-close' onClick={onClose}>
            ✕
          </Text>
        </View>
        {hint && <Text className='muted'>{hint}</Text>}
        {children}
      </View>
    </View>
  )
}

interface ReasonProps {
  title: string
  /** Who will read the reason, or what the action does. */
  hint: string
  /** Common reasons, one tap each; the text stays editable. */
  chips?: readonly string[]
  placeholder?: string
  /** A reason the sheet opens with, when one is nearly always right. */
  initial?: string
  /** The server's own minimum (the action's schema): the button stays off below it. */
  min?: number
  maxLength?: number
  submit: string
  busy: boolean
  onClose: () => void
  onSubmit: (reason: string) => unknown
  /** Names the sheet and its parts for tests: `{testid}-sheet`, `-reason`, `-submit`. */
  testid: string
  children?: ReactNode
}

/** A decision that needs a written reason (reject, cancel, refund …): chips, a text, one button. */
export function ReasonSheet({
  title,
  hint,
  chips = [],
  placeholder = '也可以自己填写',
  initial = '',
  min = 2,
  maxLength = 200,
  submit,
  busy,
  onClose,
  onSubmit,
  testid,
  children,
}: ReasonProps) {
  const [text, setText] = useState(initial)
  return (
    <Sheet title={title} hint={hint} onClose={onClose} testid={`${testid}-sheet`}>
      {children}
      {chips.length > 0 && (
        <View className='chips sheet-chips'>
          {chips.map((c) => (
            <View key={c} className={`chip ${text === c ? 'chip-active' : ''}`} onClick={() => setText(c)}>
              {c}
            </View>
          ))}
        </View>
      )}
      <Textarea
        className='sheet-text'
        value={text}
        maxlength={maxLength}
        placeholder={placeholder}
        onInput={(e) => setText(e.detail.value)}
        data-testid={`${testid}-reason`}
      />
      <Button
        className='btn btn-primary btn-block sheet-btn'
        disabled={text.trim().length < min || busy || undefined}
        onClick={() => onSubmit(text.trim())}
        data-testid={`${testid}-submit`}
      >
        {submit}
      </Button>
    </Sheet>
  )
}
