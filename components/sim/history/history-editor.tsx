import type { HistoryOp, OpKind } from '@/lib/sim/history/types'

interface HistoryEditorProps {
  ops: readonly HistoryOp[]
  /** Live only: the reader changed operation `index` (or removed it, with null). */
  onChange?: (index: number, op: HistoryOp | null) => void
}

/**
 * The history as a form, one line per operation: client, read or write, value, call and return
 * times, timed out (writes only), remove. Without `onChange` (the static picture) every field
 * is shown but disabled.
 */
export function HistoryEditor({ ops, onChange }: HistoryEditorProps) {
  const disabled = !onChange
  // At build time (a server component) no handler may be passed at all, not even a no-op.
  const live = <T,>(handler: T): T | undefined => (onChange ? handler : undefined)
  return (
    <ol className="history-ops" aria-label="操作列表">
      {ops.map((op, index) => {
        const set = (patch: Partial<HistoryOp>) => onChange?.(index, { ...op, ...patch })
        const name = `第 ${index + 1} 个操作`
        const number = (value: string) => (value.trim() === '' ? Number.NaN : Number(value))
        return (
          <li key={index} className="history-op-row">
            <span className="history-op-number" aria-hidden="true">
              {index + 1}
            </span>
            <label>
              <span>客户端</span>
              <input
                aria-label={`${name}的客户端`}
                className="history-client-input"
                value={op.client}
                maxLength={6}
                disabled={disabled}
                readOnly={disabled}
                onChange={live((event) => set({ client: event.target.value.trim() }))}
              />
            </label>
            <label>
              <span>操作</span>
              <select
                aria-label={`${name}的类型`}
                value={op.kind}
                disabled={disabled}
                onChange={live((event) => {
                  const kind = event.target.value as OpKind
                  set(
                    kind === 'read' && op.return === null
                      ? { kind, return: op.invoke + 5 }
                      : { kind },
                  )
                })}
              >
                <option value="write">写</option>
                <option value="read">读</option>
              </select>
            </label>
            <label>
              <span>{op.kind === 'write' ? '写入的值' : '读到的值'}</span>
              <input
                aria-label={`${name}${op.kind === 'write' ? '写入的值' : '读到的值'}`}
                type="number"
                step={1}
                value={Number.isNaN(op.value) ? '' : op.value}
                disabled={disabled}
                readOnly={disabled}
                onChange={live((event) => set({ value: number(event.target.value) }))}
              />
            </label>
            <label>
              <span>调用</span>
              <input
                aria-label={`${name}的调用时刻`}
                type="number"
                min={0}
                step={1}
                value={Number.isNaN(op.invoke) ? '' : op.invoke}
                disabled={disabled}
                readOnly={disabled}
                onChange={live((event) => set({ invoke: number(event.target.value) }))}
              />
            </label>
            <label>
              <span>返回</span>
              <input
                aria-label={`${name}的返回时刻`}
                type="number"
                min={0}
                step={1}
                value={op.return === null || Number.isNaN(op.return) ? '' : op.return}
                placeholder={op.return === null ? '超时' : undefined}
                disabled={disabled || op.return === null}
                readOnly={disabled}
                onChange={live((event) => set({ return: number(event.target.value) }))}
              />
            </label>
            <label className="history-timeout">
              <input
                type="checkbox"
                aria-label={`${name}超时`}
                checked={op.return === null}
                disabled={disabled || op.kind === 'read'}
                onChange={live((event) =>
                  set({ return: event.target.checked ? null : op.invoke + 10 }),
                )}
              />
              <span>超时</span>
            </label>
            <button
              type="button"
              className="sim-button"
              aria-label={`删除${name}`}
              disabled={disabled || ops.length === 1}
              onClick={live(() => onChange?.(index, null))}
            >
              删除
            </button>
          </li>
        )
      })}
    </ol>
  )
}
