/** 第 1–7 讲 for a run of consecutive lectures, 第 1、3、5 讲 otherwise. */
export function lectureRange(lectures: { number: number }[], unit: string): string {
  const numbers = lectures.map((lecture) => lecture.number)
  const consecutive = numbers.every(
    (number, index) => index === 0 || number === numbers[index - 1]! + 1,
  )
  if (numbers.length === 1) return `第 ${numbers[0]} ${unit}`
  return consecutive
    ? `第 ${numbers[0]}–${numbers.at(-1)} ${unit}`
    : `第 ${numbers.join('、')} ${unit}`
}
