package labnet

import (
	"bytes"
	"encoding/gob"
	"fmt"
	"log"
	"reflect"
	"sync"
)

// encode turns v into gob bytes. A fresh encoder per message means every message carries its own
// type descriptions, as a message on a fresh connection would.
func encode(v interface{}) ([]byte, error) {
	warnUnexported(reflect.TypeOf(v))
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(v); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// decodeInto decodes data into a fresh value of *ptr's type and then stores it in *ptr, so fields
// the sender left at their zero value (which gob does not transmit) are zero in the result too.
func decodeInto(data []byte, ptr reflect.Value) error {
	fresh := reflect.New(ptr.Type().Elem())
	if err := gob.NewDecoder(bytes.NewReader(data)).DecodeValue(fresh); err != nil {
		return err
	}
	ptr.Elem().Set(fresh.Elem())
	return nil
}

// warnf reports a type whose unexported fields gob will silently leave out. Tests replace it.
var warnf = log.Printf

var checkedTypes sync.Map // reflect.Type -> struct{}

// warnUnexported warns once per type about struct fields that gob will not send: a lower-case
// field in an RPC argument arrives as its zero value, a classic silent bug.
func warnUnexported(t reflect.Type) {
	if t == nil {
		return
	}
	if _, seen := checkedTypes.LoadOrStore(t, struct{}{}); seen {
		return
	}
	switch t.Kind() {
	case reflect.Ptr, reflect.Slice, reflect.Array:
		warnUnexported(t.Elem())
	case reflect.Map:
		warnUnexported(t.Key())
		warnUnexported(t.Elem())
	case reflect.Struct:
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			if !f.IsExported() {
				warnf("labnet: field %s of %s is not exported (lower-case); gob does not send it, "+
					"so the receiver always sees its zero value", f.Name, typeName(t))
				continue
			}
			warnUnexported(f.Type)
		}
	}
}

func typeName(t reflect.Type) string {
	if t.PkgPath() != "" {
		return fmt.Sprintf("%s.%s", t.PkgPath(), t.Name())
	}
	return t.String()
}
