package labnet

import (
	"fmt"
	"reflect"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
)

// A Server is a set of named services, each a Go object whose handler methods can be called over
// the network. One Server object is one incarnation of a server: to restart a crashed server,
// register fresh objects on a NewServer and add it under the old name.
type Server struct {
	mu       sync.Mutex
	services map[string]*service
	count    int64 // calls handled, read atomically
}

type service struct {
	rcvr     reflect.Value
	handlers map[string]reflect.Method
}

// NewServer returns a server with no services.
func NewServer() *Server {
	return &Server{services: map[string]*service{}}
}

// Register makes rcvr's handler methods callable as "name.Method". A handler method is exported
// and has the form func (r *T) Method(args *A, reply *R) with no results; other methods are not
// callable. Register panics if the name is taken or rcvr has no handler method.
func (s *Server) Register(name string, rcvr interface{}) {
	v := reflect.ValueOf(rcvr)
	t := v.Type()
	handlers := map[string]reflect.Method{}
	for i := 0; i < t.NumMethod(); i++ {
		m := t.Method(i)
		mt := m.Type // receiver is argument 0
		if mt.NumIn() == 3 && mt.NumOut() == 0 &&
			mt.In(1).Kind() == reflect.Ptr && mt.In(2).Kind() == reflect.Ptr {
			handlers[m.Name] = m
		}
	}
	if len(handlers) == 0 {
		panic(fmt.Sprintf("labnet: Register(%q, %s): no method of the form "+
			"func (r *T) Method(args *A, reply *R)", name, t))
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, dup := s.services[name]; dup {
		panic(fmt.Sprintf("labnet: Register(%q): a service of that name is already registered", name))
	}
	s.services[name] = &service{rcvr: v, handlers: handlers}
}

// RPCCount is the number of calls this server has handled.
func (s *Server) RPCCount() int {
	return int(atomic.LoadInt64(&s.count))
}

// dispatch decodes the arguments, runs the handler and returns the encoded reply.
func (s *Server) dispatch(method string, args []byte) ([]byte, error) {
	h, rcvr, err := s.lookup(method)
	if err != nil {
		return nil, err
	}
	atomic.AddInt64(&s.count, 1)
	argPtr := reflect.New(h.Type.In(1).Elem())
	if err := decodeInto(args, argPtr); err != nil {
		return nil, fmt.Errorf("labnet: %s: decoding the arguments: %v", method, err)
	}
	replyPtr := reflect.New(h.Type.In(2).Elem())
	h.Func.Call([]reflect.Value{rcvr, argPtr, replyPtr})
	out, err := encode(replyPtr.Interface())
	if err != nil {
		return nil, fmt.Errorf("labnet: %s: encoding the reply: %v", method, err)
	}
	return out, nil
}

func (s *Server) lookup(method string) (reflect.Method, reflect.Value, error) {
	dot := strings.LastIndex(method, ".")
	if dot < 0 {
		return reflect.Method{}, reflect.Value{}, fmt.Errorf(
			"labnet: Call(%q): a method is named \"Service.Method\", e.g. \"Raft.RequestVote\"", method)
	}
	s.mu.Lock()
	svc, ok := s.services[method[:dot]]
	known := s.knownLocked()
	s.mu.Unlock()
	if ok {
		if h, ok := svc.handlers[method[dot+1:]]; ok {
			return h, svc.rcvr, nil
		}
	}
	return reflect.Method{}, reflect.Value{}, fmt.Errorf(
		"labnet: Call(%q): the server has no such handler; it has %s", method, strings.Join(known, ", "))
}

func (s *Server) knownLocked() []string {
	var names []string
	for sn, svc := range s.services {
		for hn := range svc.handlers {
			names = append(names, sn+"."+hn)
		}
	}
	sort.Strings(names)
	if len(names) == 0 {
		return []string{"none"}
	}
	return names
}
