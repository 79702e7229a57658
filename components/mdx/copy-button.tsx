'use client'

import { useRef, useState } from 'react'
import { CheckIcon, CopyIcon } from '../icons'

/** Writes text to the clipboard, falling back to a hidden textarea where the API is missing. */
async function writeClipboard(text: string): Promise<void> {
  if (navigator.clipboard?.writeText) {
    await navigator.clipboard.writeText(text)
    return
  }
  const area = document.createElement('textarea')
  area.value = text
  area.setAttribute('readonly', '')
  area.style.position = 'fixed'
  area.style.opacity = '0'
  document.body.append(area)
  area.select()
  document.execCommand('copy')
  area.remove()
}

/**
 * Copies the block's code exactly as written: the text of its <code>, which holds no line
 * numbers (they are CSS counters) and no highlight markup. The result is announced politely.
 */
export function CopyButton() {
  const button = useRef<HTMLButtonElement>(null)
  const [status, setStatus] = useState<'idle' | 'copied' | 'failed'>('idle')

  const copy = async () => {
    const code = button.current?.closest('.code-block')?.querySelector('pre code')
    try {
      await writeClipboard(code?.textContent ?? '')
      setStatus('copied')
    } catch {
      setStatus('failed')
    }
    window.setTimeout(() => setStatus('idle'), 2000)
  }

  return (
    <>
      <button
        ref={button}
        type="button"
        className="copy-button no-print"
        onClick={copy}
        aria-label="复制代码"
      >
        {status === 'copied' ? (
          <CheckIcon width={16} height={16} />
        ) : (
          <CopyIcon width={16} height={16} />
        )}
        <span className="hidden sm:inline">
          {status === 'copied' ? '已复制' : status === 'failed' ? '复制失败' : '复制'}
        </span>
      </button>
      <span role="status" className="sr-only">
        {status === 'copied'
          ? '代码已复制到剪贴板'
          : status === 'failed'
            ? '复制失败，请手动选择代码'
            : ''}
      </span>
    </>
  )
}
