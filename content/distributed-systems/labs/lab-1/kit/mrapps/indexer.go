package mrapps

import "dslabs/mr"

// Indexer builds an inverted index: for each word, the files that contain it.
type Indexer struct{}

// Map emits (word, filename) once for every distinct word of the file.
func (Indexer) Map(filename string, contents string) []mr.KeyValue {
	seen := map[string]bool{}
	var kva []mr.KeyValue
	for _, w := range words(contents) {
		if !seen[w] {
			seen[w] = true
			kva = append(kva, mr.KeyValue{Key: w, Value: filename})
		}
	}
	return kva
}

// Reduce returns "n file1,file2,..." with the files in sorted order.
func (Indexer) Reduce(key string, values []string) string {
	return fileList(values)
}
