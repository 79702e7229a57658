/** A, B, C…: how a quiz names its choices, in the question and in the no-JavaScript answer. */
export const CHOICE_LETTERS = 'ABCDEFGHIJ'
