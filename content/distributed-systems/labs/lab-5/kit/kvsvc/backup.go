package kvsvc

import "sync"

// Backup is the backup replica.
type Backup struct {
	mu    sync.Mutex
	epoch int
	store map[string]string
	last  map[int64]int64
}

// NewBackup returns an empty backup.
func NewBackup() *Backup {
	return &Backup{store: map[string]string{}, last: map[int64]int64{}}
}

// Sync applies a forwarded write once, unless it comes from a primary older than the newest
// one that fetched the state.
func (b *Backup) Sync(args *SyncArgs, reply *SyncReply) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if args.Epoch < b.epoch {
		return
	}
	if b.last[args.Op.Client] < args.Op.Seq {
		apply(b.store, args.Op)
		b.last[args.Op.Client] = args.Op.Seq
	}
	reply.OK = true
}

// Fetch hands a new primary the whole state and fences off older primaries.
func (b *Backup) Fetch(args *FetchArgs, reply *FetchReply) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if args.Epoch > b.epoch {
		b.epoch = args.Epoch
	}
	reply.Store = map[string]string{}
	for k, v := range b.store {
		reply.Store[k] = v
	}
	reply.Last = map[int64]int64{}
	for c, s := range b.last {
		reply.Last[c] = s
	}
}

// Get reads from the backup (only the StaleRead variant sends Gets here).
func (b *Backup) Get(args *OpArgs, reply *OpReply) {
	b.mu.Lock()
	defer b.mu.Unlock()
	reply.Value = b.store[args.Op.Key]
	reply.OK = true
}
