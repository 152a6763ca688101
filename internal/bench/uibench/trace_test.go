package uibench

import (
	"encoding/json"
	"fmt"
	"math"
	"testing"
)

// ev builds a raw trace event; times in ms for readability, stored in µs.
func ev(name string, pid, tid int64, ts, dur, tdur float64, extra string) []byte {
	s := fmt.Sprintf(`{"name":%q,"cat":"devtools.timeline","ph":"X","pid":%d,"tid":%d,"ts":%g,"dur":%g`, name, pid, tid, ts*1000, dur*1000)
	if tdur > 0 {
		s += fmt.Sprintf(`,"tdur":%g`, tdur*1000)
	}
	if extra != "" {
		s += `,"args":` + extra
	}
	return []byte(s + "}")
}

const click = `{"data":{"type":"click"}}`

func TestMeasureClick(t *testing.T) {
	tests := []struct {
		name     string
		events   [][]byte
		duration float64
		busy     float64
		err      bool
	}{
		{
			name: "handler then next frame",
			events: [][]byte{
				ev("RunTask", 1, 10, 100, 20, 15, ""), // input task: mousedown, click
				ev("EventDispatch", 1, 10, 102, 0.2, 0, `{"data":{"type":"mousedown"}}`),
				ev("EventDispatch", 1, 10, 105, 14, 0, click),
				ev("Commit", 1, 10, 90, 1, 0, ""),     // a frame before the click
				ev("RunTask", 1, 10, 121, 2, 1, ""),   // a timer
				ev("RunTask", 1, 10, 125, 30, 20, ""), // the frame: style, layout, paint, commit
				ev("Paint", 1, 10, 140, 5, 0, ""),
				ev("Commit", 1, 10, 150, 3, 0, ""),
				ev("RunTask", 1, 10, 170, 5, 5, ""),   // after the frame
				ev("Commit", 1, 10, 172, 1, 0, ""),    // a later frame (the harness's rAF)
				ev("RunTask", 2, 20, 126, 50, 50, ""), // another process
			},
			duration: 153 - 105,
			busy:     15 + 1 + 20*(153.0-125)/30,
		},
		{
			name: "paint only",
			events: [][]byte{
				ev("EventDispatch", 1, 10, 10, 1, 0, click),
				ev("Paint", 1, 10, 20, 2, 0, ""),
			},
			duration: 12,
		},
		{
			name: "commit on another renderer does not count",
			events: [][]byte{
				ev("EventDispatch", 1, 10, 10, 1, 0, click),
				ev("Commit", 3, 30, 20, 2, 0, ""),
			},
			err: true,
		},
		{
			name:   "no click",
			events: [][]byte{ev("Commit", 1, 10, 20, 2, 0, "")},
			err:    true,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			evs, err := ParseEvents(tt.events)
			if err != nil {
				t.Fatal(err)
			}
			got, err := MeasureClick(evs)
			if (err != nil) != tt.err {
				t.Fatalf("err = %v, want error %v", err, tt.err)
			}
			if err != nil {
				return
			}
			if math.Abs(got.Duration-tt.duration) > 1e-9 || math.Abs(got.Busy-tt.busy) > 1e-9 {
				t.Errorf("got %+v, want duration %v busy %v", got, tt.duration, tt.busy)
			}
		})
	}
}

func TestParseEventsPairsBeginEnd(t *testing.T) {
	raw := [][]byte{
		[]byte(`{"name":"EventDispatch","ph":"B","pid":1,"tid":1,"ts":1000,"args":{"data":{"type":"click"}}}`),
		[]byte(`{"name":"EventDispatch","ph":"E","pid":1,"tid":1,"ts":3000}`),
		[]byte(`{"name":"Commit","ph":"X","pid":1,"tid":1,"ts":5000,"dur":500}`),
	}
	evs, err := ParseEvents(raw)
	if err != nil {
		t.Fatal(err)
	}
	got, err := MeasureClick(evs)
	if err != nil || got.Duration != 4.5 {
		t.Errorf("got %+v, %v; want duration 4.5", got, err)
	}
}

func TestScriptTime(t *testing.T) {
	meta := func(pid, tid int64, name string) []byte {
		b, _ := json.Marshal(map[string]any{"name": "thread_name", "ph": "M", "pid": pid, "tid": tid, "args": map[string]string{"name": name}})
		return b
	}
	evs, err := ParseEvents([][]byte{
		meta(1, 10, "CrRendererMain"),
		meta(1, 11, "Compositor"),
		ev("v8.compile", 1, 10, 10, 2, 0, ""),
		ev("EvaluateScript", 1, 10, 11, 5, 0, ""), // overlaps the compile: 10..16
		ev("v8.evaluateModule", 1, 10, 20, 3, 0, ""),
		ev("FunctionCall", 1, 11, 20, 30, 0, ""), // not a main thread
		ev("Layout", 1, 10, 30, 10, 0, ""),       // not script
	})
	if err != nil {
		t.Fatal(err)
	}
	if got := ScriptTime(evs); math.Abs(got-9) > 1e-9 {
		t.Errorf("ScriptTime = %v, want 9", got)
	}
}

func TestCompressedSizes(t *testing.T) {
	b := []byte(`<!doctype html><html><body>` + string(make([]byte, 4000)) + `</body></html>`)
	raw, gz, br := compressedSizes(b)
	if raw != len(b) || gz <= 0 || br <= 0 || gz >= raw/10 || br > gz {
		t.Errorf("sizes raw %d gzip %d brotli %d", raw, gz, br)
	}
}
