package mr

import (
	"encoding/json"
	"fmt"
	"io"
	"log"
	"os"
	"sort"
	"time"
)

// waitPause is how long a worker waits before asking again when there is no task for it.
const waitPause = 50 * time.Millisecond

// Worker asks for tasks and runs them until the coordinator says the job is done or can no
// longer be reached.
func Worker(sock string, app App) {
	for {
		var t RequestTaskReply
		if !call(sock, "Coordinator.RequestTask", &RequestTaskArgs{}, &t) {
			return // the coordinator is gone: the job is over
		}
		var err error
		switch t.Kind {
		case MapTask:
			err = doMap(app, t)
		case ReduceTask:
			err = doReduce(app, t)
		case WaitTask:
			time.Sleep(waitPause)
			continue
		case ExitTask:
			return
		}
		if err != nil {
			log.Fatalf("worker: %v", err)
		}
		if !call(sock, "Coordinator.ReportTask", &ReportTaskArgs{Kind: t.Kind, ID: t.ID}, &ReportTaskReply{}) {
			return
		}
	}
}

func intermediateName(mapID, reduceID int) string {
	return fmt.Sprintf("mr-%d-%d", mapID, reduceID)
}

// doMap runs Map on the task's file and writes its output as NReduce files mr-<map>-<reduce>,
// one JSON-encoded KeyValue per line, each committed by an atomic rename.
func doMap(app App, t RequestTaskReply) error {
	contents, err := os.ReadFile(t.File)
	if err != nil {
		return fmt.Errorf("map task %d: %v", t.ID, err)
	}
	buckets := make([][]KeyValue, t.NReduce)
	for _, kv := range app.Map(t.File, string(contents)) {
		r := IHash(kv.Key) % t.NReduce
		buckets[r] = append(buckets[r], kv)
	}
	for r, kvs := range buckets {
		err := writeAtomically(intermediateName(t.ID, r), func(w io.Writer) error {
			enc := json.NewEncoder(w)
			for _, kv := range kvs {
				if err := enc.Encode(&kv); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			return fmt.Errorf("map task %d: %v", t.ID, err)
		}
	}
	return nil
}

// doReduce reads partition t.ID of every map task's output, groups it by key, and writes one
// line per key to mr-out-<t.ID>, committed by an atomic rename.
func doReduce(app App, t RequestTaskReply) error {
	var kvs []KeyValue
	for m := 0; m < t.NMap; m++ {
		f, err := os.Open(intermediateName(m, t.ID))
		if err != nil {
			return fmt.Errorf("reduce task %d: %v", t.ID, err)
		}
		dec := json.NewDecoder(f)
		for {
			var kv KeyValue
			if err := dec.Decode(&kv); err == io.EOF {
				break
			} else if err != nil {
				f.Close()
				return fmt.Errorf("reduce task %d: %s: %v", t.ID, f.Name(), err)
			}
			kvs = append(kvs, kv)
		}
		f.Close()
	}
	sort.Slice(kvs, func(i, j int) bool { return kvs[i].Key < kvs[j].Key })
	err := writeAtomically(fmt.Sprintf("mr-out-%d", t.ID), func(w io.Writer) error {
		for i := 0; i < len(kvs); {
			j := i
			var values []string
			for ; j < len(kvs) && kvs[j].Key == kvs[i].Key; j++ {
				values = append(values, kvs[j].Value)
			}
			if _, err := fmt.Fprintf(w, "%v %v\n", kvs[i].Key, app.Reduce(kvs[i].Key, values)); err != nil {
				return err
			}
			i = j
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("reduce task %d: %v", t.ID, err)
	}
	return nil
}

// writeAtomically writes a temporary file in the current directory with write, then renames
// it to name: a reader sees either no file or the whole of it, never a part.
func writeAtomically(name string, write func(io.Writer) error) error {
	tmp, err := os.CreateTemp(".", name+".tmp-*")
	if err != nil {
		return err
	}
	if err := write(tmp); err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return err
	}
	if err := tmp.Close(); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	return os.Rename(tmp.Name(), name)
}
