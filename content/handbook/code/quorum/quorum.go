// Package quorum counts votes toward a majority of a fixed cluster.
// The handbook includes its regions to show how pages take excerpts of a tested program.
package quorum

// ANCHOR: tally
// Tally counts the votes of one election. A vote can arrive more than once (the network may
// duplicate a reply, or a retried RPC may be answered twice), so it counts voters, not replies.
type Tally struct {
	clusterSize int
	voters      map[int]bool
}

// NewTally starts counting for a cluster of clusterSize servers.
func NewTally(clusterSize int) *Tally {
	return &Tally{clusterSize: clusterSize, voters: make(map[int]bool)}
}

// ANCHOR: record
// Record notes a granted vote from server id and reports whether the votes now form a majority.
func (t *Tally) Record(id int) bool {
	t.voters[id] = true
	return len(t.voters) > t.clusterSize/2
}

// ANCHOR_END: record
// ANCHOR_END: tally
