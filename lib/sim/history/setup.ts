import { type HistoryPreset, type HistoryPresetName, historyPresets } from './presets.ts'
import type { HistoryOp } from './types.ts'

/** The props of `<HistoryChecker>` that decide what it starts with. */
export interface HistorySource {
  history?: HistoryPresetName
  ops?: HistoryOp[]
  title?: string
  caption?: string
}

/** The history, title and caption a checker starts with: a preset, or inline ops with a title of the author's. */
export function resolveHistory(source: HistorySource): HistoryPreset {
  const preset = historyPresets[source.history ?? 'basic']
  return {
    title: source.title ?? (source.ops ? '历史检查器' : preset.title),
    caption: source.caption ?? (source.ops ? '改动操作或时刻，再按“检查”。' : preset.caption),
    ops: source.ops ?? preset.ops,
  }
}
