// Reads one YAML document on standard input with go-yaml v3, the parser
// of the Go yq, and writes it as JSON: what the tests compare with what
// lms meant to write.  Debian ships go-yaml as golang-gopkg-yaml.v3-dev;
// tests/cli/yaml-readers.t builds this in GOPATH mode against it.
package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"

	"gopkg.in/yaml.v3"
)

func main() {
	in, err := io.ReadAll(os.Stdin)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	var v interface{}
	if err := yaml.Unmarshal(in, &v); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	out, err := json.Marshal(v)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	os.Stdout.Write(out)
}
