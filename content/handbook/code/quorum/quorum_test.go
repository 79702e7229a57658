package quorum

import "testing"

func TestMajorityOfFive(t *testing.T) {
	tally := NewTally(5)
	for i, id := range []int{0, 1} {
		if tally.Record(id) {
			t.Fatalf("vote %d of 2 already made a majority of 5", i+1)
		}
	}
	if !tally.Record(2) {
		t.Fatal("3 votes of 5 did not make a majority")
	}
}

// A duplicated reply must not count twice: counting replies instead of voters elects a
// candidate that only two of five servers voted for.
func TestDuplicateVoteCountsOnce(t *testing.T) {
	tally := NewTally(5)
	tally.Record(0)
	tally.Record(1)
	if tally.Record(1) {
		t.Fatal("a duplicated vote from server 1 made a majority of 5 with two voters")
	}
}
