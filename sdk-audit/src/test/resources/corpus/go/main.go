// Package main runs the poller. See http://golang.org/doc/effective_go.html
package main

import (
	"net/http"
)

const health = "http://inventory-svc:8080/health"

func main() {
	resp, _ := http.Get(health)
	defer resp.Body.Close()
	raw := `http://reports.inventory-cloud.com/upload`
	_ = raw
	_, _ = http.Get("http://[::1]:9000/metrics")
}
