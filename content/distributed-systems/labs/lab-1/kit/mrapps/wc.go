package mrapps

import (
	"strconv"

	"dslabs/mr"
)

// WordCount counts how often each word occurs in all the input files.
type WordCount struct{}

// Map emits (word, "1") for every word of the file.
func (WordCount) Map(filename string, contents string) []mr.KeyValue {
	ws := words(contents)
	kva := make([]mr.KeyValue, 0, len(ws))
	for _, w := range ws {
		kva = append(kva, mr.KeyValue{Key: w, Value: "1"})
	}
	return kva
}

// Reduce returns the number of occurrences of key.
func (WordCount) Reduce(key string, values []string) string {
	return strconv.Itoa(len(values))
}
