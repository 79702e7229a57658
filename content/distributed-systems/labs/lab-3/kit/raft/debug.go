package raft

import (
	"log"
	"os"
)

// debugOn is true when the environment variable RAFT_DEBUG is set to 1.
var debugOn = os.Getenv("RAFT_DEBUG") == "1"

// DPrintf prints a debugging line (with a microsecond timestamp) when RAFT_DEBUG=1, e.g.
//
//	RAFT_DEBUG=1 go test -race -run TestBackup3B ./raft/ > out.txt
func DPrintf(format string, a ...interface{}) {
	if debugOn {
		log.Printf(format, a...)
	}
}

func init() {
	log.SetFlags(log.Lmicroseconds)
}
